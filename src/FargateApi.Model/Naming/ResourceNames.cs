using FargateApi.Properties;

namespace FargateApi.Naming;

/// <summary>
/// The names of what one resource provisions, following the seed's <c>getResourceName(config, name)</c>:
/// <c>${ProjectPrefix}-${name}</c>. Users' dashboards, alarms and IAM policies depend on these: never rename.
/// </summary>
/// <param name="Generation">0 (the seed's names) for the first stack of a resource; a replacement gets the other slot
/// (<see cref="Generations"/>) so that both stacks can live side by side while CloudFormation moves from the old physical id
/// to the new one.</param>
public sealed record ResourceNames(string ProjectPrefix, string ServiceName, int Generation)
{
    /// <summary>ELBv2 CreateTargetGroup: "maximum of 32 alphanumeric characters including hyphens".</summary>
    public const int MaxTargetGroupNameLength = 32;

    public static ResourceNames For(ServiceProperties properties, int generation = 0) =>
        new(properties.ProjectPrefix, properties.ServiceName, generation);

    private string Base => $"{ProjectPrefix}-{ServiceName}";

    private string Suffix => Generation == 0 ? string.Empty : $"-g{Generation}";

    public string TaskFamily => $"{Base}-task{Suffix}";

    public string Service => $"{Base}-service{Suffix}";

    public string TargetGroup => $"{Base}-tg{Suffix}";

    public string SecurityGroup => $"{Base}-ecs-sg{Suffix}";

    public string SecurityGroupDescription => $"Security group for {ServiceName} ECS tasks";

    /// <summary>Shared by every generation: logs of the old and the new stack stay in one place.</summary>
    public string LogGroup => $"/ecs/{ProjectPrefix}/{ServiceName}";

    public string ContainerName => ServiceName;

    public string LogStreamPrefix => ServiceName;

    /// <summary>IAM role names allow 64 characters; the provider's roles live under their own path so the provider's policy can scope to it.</summary>
    public string TaskRole => $"{Base}-task-role{Suffix}";

    public string ExecutionRole => $"{Base}-exec-role{Suffix}";

    public const string RolePath = "/fargate-api/";

    public const string CpuScaling = "cpu-scaling";

    public const string MemoryScaling = "memory-scaling";

    public const string RequestScaling = "request-scaling";

    /// <summary>The target tracking policies on the service's scalable target, one per metric.</summary>
    public static readonly IReadOnlyList<string> ScalingPolicySuffixes = [CpuScaling, MemoryScaling, RequestScaling];

    public string ScalingPolicy(string suffix) => $"{Service}-{suffix}";
}
