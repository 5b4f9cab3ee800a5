using System.Text.Json.Serialization;
using FargateApi.Aws.Protocols;

namespace FargateApi.Aws.Services.Ecs;

/// <summary>Shape LoadBalancer.</summary>
internal sealed record EcsLoadBalancer(string TargetGroupArn, string ContainerName, int ContainerPort);

/// <summary>Shape AwsVpcConfiguration: subnets is required.</summary>
internal sealed record AwsVpcConfiguration(IReadOnlyList<string> Subnets, IReadOnlyList<string>? SecurityGroups, string? AssignPublicIp = EcsValues.AssignPublicIpDisabled);

/// <summary>Shape NetworkConfiguration.</summary>
internal sealed record EcsNetworkConfiguration(AwsVpcConfiguration AwsvpcConfiguration);

/// <summary>Shape DeploymentCircuitBreaker: enable and rollback are both required.</summary>
internal sealed record DeploymentCircuitBreaker(bool Enable, bool Rollback);

/// <summary>Shape DeploymentConfiguration.</summary>
internal sealed record DeploymentConfiguration(DeploymentCircuitBreaker? DeploymentCircuitBreaker, int? MaximumPercent, int? MinimumHealthyPercent);

/// <summary>
/// CreateServiceRequest (serviceName is the only required member). <see cref="ClientToken"/> comes from
/// <see cref="EcsClientToken.FromIdempotencyKey"/> so a retried create is answered with the service it already made.
/// </summary>
internal sealed record CreateServiceRequest
{
    public required string Cluster { get; init; }
    public required string ServiceName { get; init; }
    public required string TaskDefinition { get; init; }
    public IReadOnlyList<EcsLoadBalancer>? LoadBalancers { get; init; }
    public required int DesiredCount { get; init; }
    public required string ClientToken { get; init; }
    public string LaunchType { get; init; } = EcsValues.Fargate;
    public string? PlatformVersion { get; init; }
    public DeploymentConfiguration? DeploymentConfiguration { get; init; }
    public required EcsNetworkConfiguration NetworkConfiguration { get; init; }
    public int? HealthCheckGracePeriodSeconds { get; init; }
    public IReadOnlyList<EcsTag>? Tags { get; init; }
    public bool? EnableECSManagedTags { get; init; }
    public string? PropagateTags { get; init; }
    public bool? EnableExecuteCommand { get; init; }
}

/// <summary>UpdateServiceRequest: service is required; every other member left null is left unchanged by ECS.</summary>
internal sealed record UpdateServiceRequest
{
    public required string Cluster { get; init; }
    public required string Service { get; init; }
    public int? DesiredCount { get; init; }
    public string? TaskDefinition { get; init; }
    public DeploymentConfiguration? DeploymentConfiguration { get; init; }
    public EcsNetworkConfiguration? NetworkConfiguration { get; init; }
    public bool? ForceNewDeployment { get; init; }
    public int? HealthCheckGracePeriodSeconds { get; init; }
    public bool? EnableExecuteCommand { get; init; }

    /// <summary>Rolling-update services may change their mapping in place: ECS starts new tasks on it and stops the old ones.</summary>
    public IReadOnlyList<EcsLoadBalancer>? LoadBalancers { get; init; }
}

/// <summary>DeleteServiceRequest; <see cref="Force"/> deletes without first scaling to zero.</summary>
internal sealed record DeleteServiceRequest(string Cluster, string Service, bool? Force);

internal sealed record DescribeServicesRequest(string Cluster, IReadOnlyList<string> Services, IReadOnlyList<string> Include);

/// <summary>Shape Deployment: one rollout of a task definition.</summary>
internal sealed record EcsDeployment
{
    public string? Id { get; init; }
    public string? Status { get; init; }
    public string? TaskDefinition { get; init; }
    public int DesiredCount { get; init; }
    public int PendingCount { get; init; }
    public int RunningCount { get; init; }
    public int FailedTasks { get; init; }
    public string? RolloutState { get; init; }
    public string? RolloutStateReason { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? CreatedAt { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? UpdatedAt { get; init; }
}

/// <summary>Shape ServiceEvent.</summary>
internal sealed record ServiceEvent
{
    public string? Id { get; init; }
    public string? Message { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? CreatedAt { get; init; }
}

/// <summary>Shape Service: what the stability wait reads, and what the planner compares with the desired service.</summary>
internal sealed record EcsService
{
    public string? ServiceArn { get; init; }
    public string? ServiceName { get; init; }
    public string? ClusterArn { get; init; }
    public string? Status { get; init; }
    public int DesiredCount { get; init; }
    public int RunningCount { get; init; }
    public int PendingCount { get; init; }
    public string? LaunchType { get; init; }
    public string? PlatformVersion { get; init; }
    public string? TaskDefinition { get; init; }
    public IReadOnlyList<EcsLoadBalancer> LoadBalancers { get; init; } = [];
    public EcsNetworkConfiguration? NetworkConfiguration { get; init; }
    public DeploymentConfiguration? DeploymentConfiguration { get; init; }
    public int? HealthCheckGracePeriodSeconds { get; init; }
    public bool EnableExecuteCommand { get; init; }
    public bool EnableECSManagedTags { get; init; }
    public string? PropagateTags { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? CreatedAt { get; init; }

    public IReadOnlyList<EcsDeployment> Deployments { get; init; } = [];
    public IReadOnlyList<ServiceEvent> Events { get; init; } = [];
    public IReadOnlyList<EcsTag> Tags { get; init; } = [];
}

/// <summary>Shape Failure: reason MISSING when a described service or task does not exist.</summary>
internal sealed record EcsFailure(string? Arn, string? Reason, string? Detail);

/// <summary>CreateServiceResponse / UpdateServiceResponse / DeleteServiceResponse.</summary>
internal sealed record ServiceResponse
{
    public EcsService? Service { get; init; }
}

internal sealed record DescribeServicesResponse
{
    public IReadOnlyList<EcsService> Services { get; init; } = [];
    public IReadOnlyList<EcsFailure> Failures { get; init; } = [];
}
