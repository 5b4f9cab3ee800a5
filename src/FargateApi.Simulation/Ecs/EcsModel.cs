using FargateApi.Simulation.Core;

namespace FargateApi.Simulation.Ecs;

internal sealed class SimCluster : SimulatedResource
{
    public required string Name { get; init; }
    public required string Arn { get; init; }
}

internal sealed class SimTaskDefinition : SimulatedResource
{
    public required string Arn { get; init; }
    public required string Family { get; init; }
    public required int Revision { get; init; }
    public string Status { get; set; } = "ACTIVE";
    public required IReadOnlyList<string> Images { get; init; }
    public required IReadOnlyList<string> ContainerNames { get; init; }
    public DateTimeOffset RegisteredAt { get; init; }

    /// <summary>The adapter's request record, to answer Describe with what was registered.</summary>
    public required object Spec { get; init; }
}

internal sealed class SimDeployment
{
    public required string Id { get; init; }
    public string Status { get; set; } = "PRIMARY";
    public required string TaskDefinitionArn { get; init; }
    public int DesiredCount { get; set; }
    public int RunningCount { get; set; }
    public int PendingCount { get; set; }
    public int FailedTasks { get; set; }
    public string RolloutState { get; set; } = "IN_PROGRESS";
    public string? RolloutStateReason { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>DescribeServices polls since this deployment started (or last changed its desired count).</summary>
    public int Polls { get; set; }
}

internal sealed record SimServiceEvent(string Id, string Message, DateTimeOffset CreatedAt);

internal sealed record SimLoadBalancerLink(string TargetGroupArn, string ContainerName, int ContainerPort);

internal sealed class SimEcsService : SimulatedResource
{
    public required string Name { get; init; }
    public required string Arn { get; init; }
    public required SimCluster Cluster { get; init; }
    public string Status { get; set; } = "ACTIVE";
    public required string TaskDefinitionArn { get; set; }
    public int DesiredCount { get; set; }
    public required string? ClientToken { get; init; }
    public required IReadOnlyList<SimLoadBalancerLink> LoadBalancers { get; init; }
    public required IReadOnlyList<string> Subnets { get; set; }
    public required IReadOnlyList<string> SecurityGroups { get; set; }
    public bool CircuitBreakerEnabled { get; set; }
    public bool CircuitBreakerRollback { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public List<SimDeployment> Deployments { get; } = [];

    /// <summary>Newest first, as DescribeServices returns them.</summary>
    public List<SimServiceEvent> Events { get; } = [];

    public int DrainingPolls { get; set; }

    /// <summary>The adapter's create request, for members the store does not model.</summary>
    public required object Spec { get; set; }

    public SimDeployment? Primary => Deployments.FirstOrDefault(d => d.Status == "PRIMARY");
}

internal sealed record SimContainerState(string Name, string Image, string LastStatus, int? ExitCode, string? Reason);

internal sealed class SimTask
{
    public required string Arn { get; init; }
    public required string ClusterArn { get; init; }
    public required string ServiceName { get; init; }
    public required string DeploymentId { get; init; }
    public required string TaskDefinitionArn { get; init; }
    public string LastStatus { get; set; } = "RUNNING";
    public string DesiredStatus { get; set; } = "RUNNING";
    public string? StopCode { get; set; }
    public string? StoppedReason { get; set; }
    public required List<SimContainerState> Containers { get; init; }
    public required string EniId { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? StoppedAt { get; set; }
}
