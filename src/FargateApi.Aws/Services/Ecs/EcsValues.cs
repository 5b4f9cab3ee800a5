namespace FargateApi.Aws.Services.Ecs;

/// <summary>The enum values we send or match, spelled as in the ECS model's enum shapes (ecs/2014-11-13/service-2.json).</summary>
internal static class EcsValues
{
    /// <summary>NetworkMode; Fargate requires awsvpc.</summary>
    public const string NetworkModeAwsvpc = "awsvpc";

    /// <summary>Compatibility and LaunchType.</summary>
    public const string Fargate = "FARGATE";

    /// <summary>TransportProtocol.</summary>
    public const string ProtocolTcp = "tcp";

    /// <summary>LogDriver.</summary>
    public const string LogDriverAwsLogs = "awslogs";

    /// <summary>AssignPublicIp.</summary>
    public const string AssignPublicIpDisabled = "DISABLED";
    public const string AssignPublicIpEnabled = "ENABLED";

    /// <summary>PropagateTags.</summary>
    public const string PropagateTagsFromTaskDefinition = "TASK_DEFINITION";
    public const string PropagateTagsFromService = "SERVICE";

    /// <summary>TaskDefinitionField / ServiceField / TaskField: the only value is TAGS.</summary>
    public const string IncludeTags = "TAGS";

    /// <summary>TaskDefinitionStatus (ListTaskDefinitions filter).</summary>
    public const string TaskDefinitionActive = "ACTIVE";
    public const string TaskDefinitionInactive = "INACTIVE";

    /// <summary>DesiredStatus (ListTasks filter).</summary>
    public const string DesiredStatusStopped = "STOPPED";
    public const string DesiredStatusRunning = "RUNNING";

    /// <summary>Service.status is a free string in the model; these are the values the ServicesStable waiter matches.</summary>
    public const string ServiceActive = "ACTIVE";
    public const string ServiceDraining = "DRAINING";
    public const string ServiceInactive = "INACTIVE";

    /// <summary>DeploymentRolloutState.</summary>
    public const string RolloutCompleted = "COMPLETED";
    public const string RolloutFailed = "FAILED";
    public const string RolloutInProgress = "IN_PROGRESS";

    /// <summary>Deployment.status is a free string; PRIMARY is the newest deployment.</summary>
    public const string DeploymentPrimary = "PRIMARY";

    /// <summary>Failure.reason when a described service does not exist (ServicesStable's MISSING acceptor).</summary>
    public const string FailureMissing = "MISSING";

    /// <summary>CPUArchitecture / OSFamily for RuntimePlatform.</summary>
    public const string CpuX86_64 = "X86_64";
    public const string CpuArm64 = "ARM64";
    public const string OsLinux = "LINUX";
}
