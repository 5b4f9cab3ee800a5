using FargateApi.Desired;
using FargateApi.Properties;

namespace FargateApi.Cli.Planning;

/// <summary>
/// The account, region and shared network a plan is drawn against offline. Only what the properties give is real; the
/// rest stands in for what the Lambda reads from STS and SSM, and is printed as placeholder so nobody mistakes it.
/// </summary>
internal static class PlaceholderDeployment
{
    public const string Account = "123456789012";
    public const string Region = "us-east-1";
    public const string StackId = "arn:aws:cloudformation:us-east-1:123456789012:stack/placeholder-stack/00000000-0000-4000-8000-000000000000";

    private const string LoadBalancerArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/placeholder-alb/0000000000000000";
    private const string ListenerArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/placeholder-alb/0000000000000000/0000000000000000";

    public static AwsEnvironment Environment { get; } = new("aws", Region, Account);

    public static string Describe =>
        $"placeholder environment (not read from AWS): account {Account}, region {Region}; network ids the properties leave to SSM are shown as ssm-placeholder";

    public static Ownership Owner(string logicalId) => new(StackId, logicalId);

    /// <summary>The network as given, with a placeholder for every id the Lambda would read from SSM.</summary>
    public static ResolvedNetwork Network(NetworkProperties given)
    {
        var listener = given.ListenerArn ?? ListenerArn;
        return new ResolvedNetwork(
            given.VpcId ?? "vpc-ssm-placeholder",
            given.SubnetIds is { } subnets ? subnets.ToValueList() : ValueList.Of("subnet-ssm-placeholder-a", "subnet-ssm-placeholder-b"),
            given.ClusterName ?? "ssm-placeholder-cluster",
            listener,
            ResolvedNetwork.LoadBalancerArnOf(listener) ?? LoadBalancerArn,
            given.LoadBalancerSecurityGroupId ?? "sg-ssm-placeholder");
    }
}
