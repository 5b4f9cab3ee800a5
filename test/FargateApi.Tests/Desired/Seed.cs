using FargateApi.Desired;
using FargateApi.Properties;

namespace FargateApi.Tests.Desired;

/// <summary>
/// The seed's app-api service (/work/shared/seed/ecs-fargate-patterns.md) as validated properties, and the network,
/// account and owner it is deployed with. Tests change one thing with <c>with</c>.
/// </summary>
internal static class Seed
{
    public const string Account = "123456789012";
    public const string Region = "us-east-1";
    public const string ListenerArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/myproj-alb/50dc6c495c0c9188/f2f7dc8efc522ab2";
    public const string LoadBalancerArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/myproj-alb/50dc6c495c0c9188";
    public const string StackId = "arn:aws:cloudformation:us-east-1:123456789012:stack/myproj-app/1c2fa620-982a-11e3-aff7-50e2416294e0";

    public static ServiceProperties Properties { get; } = new()
    {
        ProjectPrefix = "myproj",
        Environment = "dev",
        ServiceName = "app-api",
        Cpu = 512,
        Memory = 1024,
        Image = new ContainerImage(null, "myproj/app-api", "latest"),
        ContainerPort = 8000,
        EnvironmentVariables = new Dictionary<string, string>
        {
            ["PROJECT_PREFIX"] = "myproj",
            ["DYNAMODB_USER_QUOTAS_TABLE"] = "myproj-user-quotas",
            ["AWS_REGION"] = "us-east-1",
        },
        Secrets = new Dictionary<string, string>(),
        HealthCheck = new ContainerHealthCheck(["CMD-SHELL", "curl -f http://localhost:8000/health || exit 1"], 30, 5, 3, 60),
        LogRetentionDays = 7,
        LogRemovalPolicy = RemovalPolicy.Destroy,
        Network = new NetworkProperties("/myproj/network", null, null, null, null, null),
        DesiredCount = 2,
        Deployment = new DeploymentProperties(100, 200, CircuitBreakerRollback: true, 60),
        EnableExecuteCommand = true,
        TargetHealthCheck = new TargetHealthCheck("/health", 30, 5, 2, 3, "200"),
        DeregistrationDelaySeconds = 30,
        PathPatterns = ["/api/*"],
        HostHeaders = [],
        Priority = 1,
        AutoScaling = new AutoScalingProperties(2, 10, 70, 80, 1000, 60, 60),
        Grants = new Grants(["myproj-user-quotas", "myproj-quota-events"], ["myproj-user-files"], []),
        TaskRoleArn = null,
        ExecutionRoleArn = null,
        Tags = new Dictionary<string, string>(),
        WaitForSteadyState = true,
        ServiceTimeoutSeconds = 3600,
    };

    public static ResolvedNetwork Network { get; } = new(
        "vpc-0abc",
        ValueList.Of("subnet-0a", "subnet-0b"),
        "myproj-cluster",
        ListenerArn,
        LoadBalancerArn,
        "sg-0alb");

    public static AwsEnvironment Aws { get; } = new("aws", Region, Account);

    public static Ownership Owner { get; } = new(StackId, "AppApi");

    public static DesiredStack Stack(ServiceProperties? properties = null, ResolvedNetwork? network = null, AwsEnvironment? aws = null, int generation = 0) =>
        DesiredStack.From(properties ?? Properties, network ?? Network, aws ?? Aws, Owner, generation);
}
