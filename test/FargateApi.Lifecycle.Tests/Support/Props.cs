using FargateApi.Properties;

namespace FargateApi.Lifecycle.Tests.Support;

/// <summary>The seed's app-api service, with its network read from the seeded SSM parameters; tests change one thing with <c>with</c>.</summary>
internal static class Props
{
    public static ServiceProperties Seed { get; } = new()
    {
        ProjectPrefix = Harness.Prefix,
        Environment = "dev",
        ServiceName = "app-api",
        Cpu = 512,
        Memory = 1024,
        Image = new ContainerImage(null, "myproj/app-api", "v1"),
        ContainerPort = 8000,
        EnvironmentVariables = new Dictionary<string, string> { ["PROJECT_PREFIX"] = "myproj", ["AWS_REGION"] = "us-east-1" },
        Secrets = new Dictionary<string, string>(),
        HealthCheck = new ContainerHealthCheck(["CMD-SHELL", "curl -f http://localhost:8000/health || exit 1"], 30, 5, 3, 60),
        LogRetentionDays = 7,
        LogRemovalPolicy = RemovalPolicy.Destroy,
        Network = new NetworkProperties($"/{Harness.Prefix}/network", null, null, null, null, null),
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

    public static ServiceProperties WithImageTag(this ServiceProperties properties, string tag) =>
        properties with { Image = properties.Image with { Tag = tag } };

    public static string ImageUri(string tag) => $"123456789012.dkr.ecr.us-east-1.amazonaws.com/myproj/app-api:{tag}";
}
