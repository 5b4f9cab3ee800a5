namespace FargateApi.Properties;

/// <summary>
/// The validated, fully defaulted properties of one <c>Custom::FargateApi</c> resource.
/// Everything downstream (naming, desired stack, plan) reads this record and never the raw event.
/// </summary>
public sealed record ServiceProperties
{
    public required string ProjectPrefix { get; init; }
    public required string Environment { get; init; }
    public required string ServiceName { get; init; }
    public required int Cpu { get; init; }
    public required int Memory { get; init; }

    /// <summary>The full image URI: <c>Image</c> when given, else the ECR repository and tag, resolved against the account and region at provisioning time.</summary>
    public required ContainerImage Image { get; init; }
    public required int ContainerPort { get; init; }
    public required IReadOnlyDictionary<string, string> EnvironmentVariables { get; init; }

    /// <summary>Variable name → Secrets Manager secret ARN or SSM parameter ARN.</summary>
    public required IReadOnlyDictionary<string, string> Secrets { get; init; }

    /// <summary>Customer managed KMS keys of the secrets and SecureString parameters the roles read (<c>SecretKmsKeyArns</c>).</summary>
    public IReadOnlyList<string> SecretKmsKeyArns { get; init; } = [];
    public required ContainerHealthCheck HealthCheck { get; init; }
    public required int LogRetentionDays { get; init; }
    public required RemovalPolicy LogRemovalPolicy { get; init; }
    public required NetworkProperties Network { get; init; }
    public required int DesiredCount { get; init; }
    public required DeploymentProperties Deployment { get; init; }
    public required bool EnableExecuteCommand { get; init; }
    public required TargetHealthCheck TargetHealthCheck { get; init; }
    public required int DeregistrationDelaySeconds { get; init; }
    public required IReadOnlyList<string> PathPatterns { get; init; }
    public required IReadOnlyList<string> HostHeaders { get; init; }
    public required int Priority { get; init; }

    /// <summary>Null when the resource declares no <c>AutoScaling</c>: the service then keeps <see cref="DesiredCount"/>.</summary>
    public required AutoScalingProperties? AutoScaling { get; init; }
    public required Grants Grants { get; init; }
    public required string? TaskRoleArn { get; init; }
    public required string? ExecutionRoleArn { get; init; }
    public required IReadOnlyDictionary<string, string> Tags { get; init; }
    public required bool WaitForSteadyState { get; init; }

    /// <summary>CloudFormation's own <c>ServiceTimeout</c> (seconds, 1–3600, default 3600): the bound on the whole operation.</summary>
    public required int ServiceTimeoutSeconds { get; init; }
}

/// <summary>
/// Either a full URI, or an ECR repository in the deploying account plus a tag. When <see cref="Uri"/> is set,
/// <see cref="Repository"/> and <see cref="Tag"/> are split from it (the digest after '@', else the tag after the last ':',
/// else "latest") for display only: the task definition uses the URI as given.
/// </summary>
public sealed record ContainerImage(string? Uri, string Repository, string Tag);

public sealed record ContainerHealthCheck(
    IReadOnlyList<string> Command,
    int IntervalSeconds,
    int TimeoutSeconds,
    int Retries,
    int StartPeriodSeconds);

public enum RemovalPolicy
{
    Destroy,
    Retain,
}

/// <summary>Each id null here is read from SSM under <see cref="ParameterPrefix"/> at provisioning time.</summary>
public sealed record NetworkProperties(
    string ParameterPrefix,
    string? VpcId,
    IReadOnlyList<string>? SubnetIds,
    string? ClusterName,
    string? ListenerArn,
    string? LoadBalancerSecurityGroupId);

public sealed record DeploymentProperties(
    int MinimumHealthyPercent,
    int MaximumPercent,
    bool CircuitBreakerRollback,
    int HealthCheckGracePeriodSeconds);

public sealed record TargetHealthCheck(
    string Path,
    int IntervalSeconds,
    int TimeoutSeconds,
    int HealthyThresholdCount,
    int UnhealthyThresholdCount,
    string HealthyHttpCodes);

public sealed record AutoScalingProperties(
    int MinCapacity,
    int MaxCapacity,
    int CpuTargetPercent,
    int MemoryTargetPercent,
    int RequestsPerTarget,
    int ScaleInCooldownSeconds,
    int ScaleOutCooldownSeconds);

/// <summary>What the task role may touch; the provider writes the policy documents itself (never free-form JSON).</summary>
public sealed record Grants(
    IReadOnlyList<string> DynamoDbTables,
    IReadOnlyList<string> S3Buckets,
    IReadOnlyList<string> SecretArns)
{
    public static Grants None { get; } = new([], [], []);
}
