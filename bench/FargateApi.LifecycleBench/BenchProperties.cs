using FargateApi.Properties;

namespace FargateApi.LifecycleBench;

/// <summary>The seed's app-api service (the same values as the lifecycle tests' Props.Seed), network read from SSM.</summary>
internal static class BenchProperties
{
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

    /// <summary>An in-place update: a new image tag means a new task definition revision and an UpdateService.</summary>
    public static ServiceProperties NewImage { get; } = Seed with { Image = Seed.Image with { Tag = "v2" } };

    /// <summary>A replacement: the container port is also the target group's, which cannot change in place.</summary>
    public static ServiceProperties NewPort { get; } = NewImage with { ContainerPort = 8080 };
}
