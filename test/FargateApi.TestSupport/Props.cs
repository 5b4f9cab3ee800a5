using FargateApi.Properties;

namespace FargateApi.TestSupport;

/// <summary>
/// The seed's app-api service, with its network read from the seeded SSM parameters under <see cref="Prefix"/>; tests
/// change one thing with <c>with</c> or the helpers below.
/// </summary>
public static class Props
{
    /// <summary>The project prefix of the seeded shared network.</summary>
    public const string Prefix = "myproj";

    public static ServiceProperties Seed { get; } = new()
    {
        ProjectPrefix = Prefix,
        Environment = "dev",
        ServiceName = "app-api",
        Cpu = 512,
        Memory = 1024,
        Image = new ContainerImage(null, "myproj/app-api", "v1"),
        ContainerPort = 8000,
        EnvironmentVariables = new Dictionary<string, string> { ["PROJECT_PREFIX"] = Prefix, ["AWS_REGION"] = "us-east-1" },
        Secrets = new Dictionary<string, string>(),
        HealthCheck = new ContainerHealthCheck(["CMD-SHELL", "curl -f http://localhost:8000/health || exit 1"], 30, 5, 3, 60),
        LogRetentionDays = 7,
        LogRemovalPolicy = RemovalPolicy.Destroy,
        Network = new NetworkProperties($"/{Prefix}/network", null, null, null, null, null),
        DesiredCount = 2,
        Deployment = new DeploymentProperties(100, 200, CircuitBreakerRollback: true, 60),
        EnableExecuteCommand = true,
        TargetHealthCheck = new TargetHealthCheck("/health", 30, 5, 2, 3, "200"),
        DeregistrationDelaySeconds = 30,
        PathPatterns = ["/api/*"],
        HostHeaders = [],
        Priority = 10,
        AutoScaling = new AutoScalingProperties(2, 10, 70, 80, 1000, 60, 60),
        Grants = new Grants(["myproj-user-quotas"], ["myproj-user-files"], []),
        TaskRoleArn = null,
        ExecutionRoleArn = null,
        Tags = new Dictionary<string, string> { ["team"] = "api" },
        WaitForSteadyState = true,
        ServiceTimeoutSeconds = 3600,
    };

    /// <summary>An in-place change: a new task definition revision rolled out to the same service.</summary>
    public static ServiceProperties WithImageTag(this ServiceProperties properties, string tag) =>
        properties with { Image = properties.Image with { Tag = tag } };

    /// <summary>A change no AWS call makes in place (the names derive from ServiceName): a new generation replaces the stack.</summary>
    public static ServiceProperties Replaced(this ServiceProperties properties) => properties with { ServiceName = properties.ServiceName + "-v2" };

    /// <summary>The i-th of many services behind the shared listener: its own name, path and priority.</summary>
    public static ServiceProperties Numbered(int i) => Seed with
    {
        ServiceName = $"svc-{i:00}",
        Image = Seed.Image with { Repository = $"myproj/svc-{i:00}" },
        PathPatterns = [$"/svc-{i:00}/*"],
        Priority = 100 + i,
    };

    public static string ImageUri(string tag) => $"123456789012.dkr.ecr.us-east-1.amazonaws.com/myproj/app-api:{tag}";
}
