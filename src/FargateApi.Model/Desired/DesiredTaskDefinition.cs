namespace FargateApi.Desired;

/// <summary>RegisterTaskDefinition's values. Any change but tags means a new revision (revisions are immutable).</summary>
internal sealed record DesiredTaskDefinition(
    string Family,
    string Cpu,
    string Memory,
    string NetworkMode,
    string RequiresCompatibilities,
    string ExecutionRoleArn,
    string TaskRoleArn,
    DesiredContainer Container,
    ValueMap Tags) : IDesiredResource
{
    /// <summary>Fargate requires awsvpc ("Amazon ECS task definition parameters for Fargate: networkMode").</summary>
    public const string AwsVpc = "awsvpc";

    public const string Fargate = "FARGATE";

    public IEnumerable<Field> Fields() =>
    [
        new("Family", Family),
        new("Cpu", Cpu),
        new("Memory", Memory),
        new("NetworkMode", NetworkMode),
        new("RequiresCompatibilities", RequiresCompatibilities),
        new("ExecutionRoleArn", ExecutionRoleArn),
        new("TaskRoleArn", TaskRoleArn),
        .. Container.Fields(),
        .. Field.Tags(Tags),
    ];
}

/// <param name="Secrets">Variable name → <c>valueFrom</c> (secret or parameter ARN).</param>
internal sealed record DesiredContainer(
    string Name,
    string Image,
    bool Essential,
    int ContainerPort,
    string Protocol,
    ValueMap Environment,
    ValueMap Secrets,
    DesiredContainerHealthCheck HealthCheck,
    string LogDriver,
    ValueMap LogOptions)
{
    public const string Tcp = "tcp";

    public const string AwsLogs = "awslogs";

    /// <summary>The awslogs option that names the container's log streams <c>prefix/container-name/ecs-task-id</c>.</summary>
    public const string StreamPrefixOption = "awslogs-stream-prefix";

    public IEnumerable<Field> Fields() =>
    [
        new("Container.Name", Name),
        new("Container.Image", Image),
        Field.Of("Container.Essential", Essential),
        Field.Of("Container.PortMapping", $"{ContainerPort}/{Protocol}"),
        .. Field.Each("Container.Environment.", Environment),
        .. Field.Each("Container.Secrets.", Secrets),
        Field.Of("Container.HealthCheck.Command", HealthCheck.Command),
        Field.Of("Container.HealthCheck.Interval", HealthCheck.IntervalSeconds),
        Field.Of("Container.HealthCheck.Timeout", HealthCheck.TimeoutSeconds),
        Field.Of("Container.HealthCheck.Retries", HealthCheck.Retries),
        Field.Of("Container.HealthCheck.StartPeriod", HealthCheck.StartPeriodSeconds),
        new("Container.LogDriver", LogDriver),
        .. Field.Each("Container.LogOptions.", LogOptions),
    ];
}

internal sealed record DesiredContainerHealthCheck(
    ValueList<string> Command,
    int IntervalSeconds,
    int TimeoutSeconds,
    int Retries,
    int StartPeriodSeconds);
