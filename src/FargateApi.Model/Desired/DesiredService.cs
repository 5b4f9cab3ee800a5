namespace FargateApi.Desired;

/// <summary>
/// CreateService's values. Cluster, name and launch type are fixed at creation; the load balancer's container name and
/// port move with UpdateService (a ContainerPort change rolls out in place, UpdatePlanner).
/// </summary>
internal sealed record DesiredService(
    string Cluster,
    string Name,
    string Arn,
    int DesiredCount,
    string LaunchType,
    OutputRef TaskDefinition,
    ValueList<string> Subnets,
    ValueList<OutputRef> SecurityGroups,
    string AssignPublicIp,
    DesiredServiceLoadBalancer LoadBalancer,
    int HealthCheckGracePeriodSeconds,
    DesiredDeployment Deployment,
    bool EnableExecuteCommand,
    string PropagateTags,
    ValueMap Tags) : IDesiredResource
{
    public const string Disabled = "DISABLED";

    /// <summary>Tasks get the service's tags (ECS CreateService propagateTags: TASK_DEFINITION | SERVICE | NONE).</summary>
    public const string PropagateFromService = "SERVICE";

    public IEnumerable<Field> Fields() =>
    [
        new("Cluster", Cluster),
        new("ServiceName", Name),
        Field.Of("DesiredCount", DesiredCount),
        new("LaunchType", LaunchType),
        Field.Of("TaskDefinition", TaskDefinition),
        Field.Of("NetworkConfiguration.Subnets", Subnets),
        Field.Of("NetworkConfiguration.SecurityGroups", SecurityGroups),
        new("NetworkConfiguration.AssignPublicIp", AssignPublicIp),
        Field.Of("LoadBalancer", LoadBalancer),
        Field.Of("HealthCheckGracePeriodSeconds", HealthCheckGracePeriodSeconds),
        Field.Of("Deployment.MinimumHealthyPercent", Deployment.MinimumHealthyPercent),
        Field.Of("Deployment.MaximumPercent", Deployment.MaximumPercent),
        Field.Of("Deployment.CircuitBreaker.Enable", Deployment.CircuitBreakerEnable),
        Field.Of("Deployment.CircuitBreaker.Rollback", Deployment.CircuitBreakerRollback),
        Field.Of("EnableExecuteCommand", EnableExecuteCommand),
        new("PropagateTags", PropagateTags),
        .. Field.Tags(Tags),
    ];
}

internal sealed record DesiredServiceLoadBalancer(string ContainerName, int ContainerPort, OutputRef TargetGroupArn)
{
    public override string ToString() => $"{ContainerName}:{ContainerPort} → {TargetGroupArn}";
}

/// <summary>The circuit breaker is always on (research: off by default elsewhere, the top complaint is hung deploys).</summary>
internal sealed record DesiredDeployment(
    int MinimumHealthyPercent,
    int MaximumPercent,
    bool CircuitBreakerEnable,
    bool CircuitBreakerRollback);
