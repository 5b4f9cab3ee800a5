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

    /// <summary>Each container's port mappings (containerPort), in the order of <see cref="ContainerNames"/>.</summary>
    public IReadOnlyList<IReadOnlyList<int>> ContainerPorts { get; init; } = [];

    /// <summary>Whether a service's load balancer may name this container and port (CreateService / UpdateService check it).</summary>
    public bool Exposes(string containerName, int containerPort)
    {
        var index = ContainerNames.ToList().IndexOf(containerName);
        return index >= 0 && index < ContainerPorts.Count && ContainerPorts[index].Contains(containerPort);
    }

    /// <summary>The execution role and the task role, whichever are set: ECS assumes them to start a task.</summary>
    public IReadOnlyList<string> RoleArns { get; init; } = [];

    public DateTimeOffset RegisteredAt { get; init; }

    /// <summary>The adapter's request record, to answer Describe with what was registered.</summary>
    public required object Spec { get; init; }
}

internal sealed class SimDeployment
{
    public required string Id { get; init; }
    public string Status { get; set; } = "PRIMARY";
    public required string TaskDefinitionArn { get; init; }

    /// <summary>
    /// The service's load balancer mapping when this deployment started: its tasks register on it. A changed mapping starts
    /// a new deployment ("Amazon ECS starts new tasks with the updated Elastic Load Balancing configuration, and then stops
    /// the old tasks when the new tasks are running", UpdateService, loadBalancers), so old tasks keep their old port.
    /// </summary>
    public IReadOnlyList<SimLoadBalancerLink> LoadBalancers { get; init; } = [];

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
    public required IReadOnlyList<SimLoadBalancerLink> LoadBalancers { get; set; }
    public required IReadOnlyList<string> Subnets { get; set; }
    public required IReadOnlyList<string> SecurityGroups { get; set; }
    public bool CircuitBreakerEnabled { get; set; }
    public bool CircuitBreakerRollback { get; set; }

    /// <summary>Seconds after a task starts during which ECS ignores its failing ELB health checks (CreateService default 0).</summary>
    public int HealthCheckGracePeriodSeconds { get; set; }

    /// <summary>The create request as sent, to tell a retry from another request with the same clientToken.</summary>
    public string? CreateParameters { get; init; }

    /// <summary>After a launch failed for want of an assumable role, the scheduler launches again no earlier than this.</summary>
    public DateTimeOffset? LaunchRetryAt { get; set; }

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

/// <summary>
/// One task. Without the clock it is RUNNING from birth and STOPPED at once; on the clock it goes PENDING (from launch until
/// <see cref="RunsAt"/>), RUNNING (while draining too, with desired status STOPPED), STOPPING (from <see cref="StopsAt"/>
/// until <see cref="StoppedAt"/>), STOPPED: the task lifecycle of the ECS developer guide (task-lifecycle-explanation.html),
/// with PROVISIONING/ACTIVATING folded into PENDING and DEACTIVATING/DEPROVISIONING into the phases around them.
/// </summary>
internal sealed class SimTask
{
    public required string Arn { get; init; }
    public required string ClusterArn { get; init; }
    public required string ServiceName { get; init; }

    /// <summary>The service that launched it (a later service of the same name is another owner).</summary>
    public required SimEcsService Owner { get; init; }

    public required string DeploymentId { get; init; }
    public required string TaskDefinitionArn { get; init; }

    /// <summary>Where ECS registers the task once it runs: its deployment's load balancer mapping.</summary>
    public IReadOnlyList<SimLoadBalancerLink> LoadBalancers { get; init; } = [];
    public string LastStatus { get; set; } = "RUNNING";
    public string DesiredStatus { get; set; } = "RUNNING";
    public string? StopCode { get; set; }
    public string? StoppedReason { get; set; }
    public required List<SimContainerState> Containers { get; init; }
    public required string EniId { get; init; }

    /// <summary>The ENI's private address: the target ECS registers in the service's target groups.</summary>
    public required string PrivateIp { get; init; }

    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? StoppedAt { get; set; }

    /// <summary>On the clock: when the task reaches RUNNING (or its essential container exits, for a failing image).</summary>
    public DateTimeOffset RunsAt { get; init; }

    /// <summary>On the clock: when the task begins to stop (SIGTERM), after its targets drained; null until ECS decided to stop it.</summary>
    public DateTimeOffset? StopsAt { get; set; }

    /// <summary>On the clock: when the task, STOPPING since <see cref="StopsAt"/>, reaches STOPPED.</summary>
    public DateTimeOffset? StopCompletesAt { get; set; }

    /// <summary>The stop ECS decided on, applied when the task reaches STOPPED.</summary>
    public (string Code, string Reason, int? ExitCode)? PendingStop { get; set; }

    /// <summary>Its essential container exits with code 1 as soon as it starts (<see cref="SimulatedAws.FailImage"/>).</summary>
    public bool ExitsAtStart { get; init; }

    /// <summary>It runs but answers its load balancer health checks with errors (<see cref="SimulatedAws.FailHealthCheck"/>).</summary>
    public bool FailsHealthChecks { get; init; }

    public bool IsLive => LastStatus != "STOPPED";

    /// <summary>Still wanted by its deployment: not stopped and not being stopped.</summary>
    public bool IsWanted => IsLive && DesiredStatus == "RUNNING";
}
