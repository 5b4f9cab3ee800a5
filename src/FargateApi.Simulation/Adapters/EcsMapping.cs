using FargateApi.Aws.Services.Ecs;
using FargateApi.Simulation.Ecs;

namespace FargateApi.Simulation.Adapters;

/// <summary>Simulated ECS state to the response records of <see cref="IEcsClient"/>.</summary>
internal static class EcsMapping
{
    public static IReadOnlyList<EcsTag> Tags(Dictionary<string, string> tags) => EcsTag.From(tags);

    public static TaskDefinition ToTaskDefinition(SimTaskDefinition definition)
    {
        var spec = (RegisterTaskDefinitionRequest)definition.Spec;
        return new TaskDefinition
        {
            TaskDefinitionArn = definition.Arn,
            Family = definition.Family,
            Revision = definition.Revision,
            Status = definition.Status,
            TaskRoleArn = spec.TaskRoleArn,
            ExecutionRoleArn = spec.ExecutionRoleArn,
            NetworkMode = spec.NetworkMode,
            Cpu = spec.Cpu,
            Memory = spec.Memory,
            ContainerDefinitions = spec.ContainerDefinitions,
            RequiresCompatibilities = spec.RequiresCompatibilities,
            RuntimePlatform = spec.RuntimePlatform,
            RegisteredAt = definition.RegisteredAt,
        };
    }

    public static EcsService ToService(SimEcsService service) => new()
    {
        ServiceArn = service.Arn,
        ServiceName = service.Name,
        ClusterArn = service.Cluster.Arn,
        Status = service.Status,
        DesiredCount = service.DesiredCount,
        RunningCount = service.Deployments.Sum(d => d.RunningCount),
        PendingCount = service.Deployments.Sum(d => d.PendingCount),
        TaskDefinition = service.TaskDefinitionArn,
        LoadBalancers = [.. service.LoadBalancers.Select(l => new EcsLoadBalancer(l.TargetGroupArn, l.ContainerName, l.ContainerPort))],

        // ECS API Service shape: networkConfiguration (awsvpcConfiguration: subnets, securityGroups, assignPublicIp).
        NetworkConfiguration = new EcsNetworkConfiguration(new AwsVpcConfiguration([.. service.Subnets], [.. service.SecurityGroups])),
        Deployments = [.. service.Deployments.Select(d => new EcsDeployment
        {
            Id = d.Id,
            Status = d.Status,
            TaskDefinition = d.TaskDefinitionArn,
            DesiredCount = d.DesiredCount,
            PendingCount = d.PendingCount,
            RunningCount = d.RunningCount,
            FailedTasks = d.FailedTasks,
            RolloutState = d.RolloutState,
            RolloutStateReason = d.RolloutStateReason,
        })],
        Events = [.. service.Events.Select(e => new ServiceEvent { Id = e.Id, Message = e.Message, CreatedAt = e.CreatedAt })],
        CreatedAt = service.CreatedAt,
        Tags = Tags(service.Tags),
    };

    public static EcsTask ToTask(SimTask task) => new()
    {
        TaskArn = task.Arn,
        TaskDefinitionArn = task.TaskDefinitionArn,
        LastStatus = task.LastStatus,
        DesiredStatus = task.DesiredStatus,
        StopCode = task.StopCode,
        StoppedReason = task.StoppedReason,
        StoppedAt = task.StoppedAt,
        Containers = [.. task.Containers.Select(c => new EcsContainer { Name = c.Name, LastStatus = c.LastStatus, ExitCode = c.ExitCode, Reason = c.Reason })],
    };
}
