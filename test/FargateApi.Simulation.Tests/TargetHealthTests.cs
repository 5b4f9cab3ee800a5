namespace FargateApi.Simulation.Tests;

/// <summary>Target health behind the load balancer and what ECS makes of it (ClockedDeployments, SimTarget).</summary>
public sealed class TargetHealthTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Target_health_of_an_unknown_group_is_TargetGroupNotFound()
    {
        var aws = new SimulatedAws();
        aws.SeedNetwork("proj");

        await Errors.Expect("TargetGroupNotFound", () => aws.ElasticLoadBalancing.DescribeTargetHealthAsync(
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/nope/0123456789abcdef", None));
    }

    [Fact]
    public async Task A_new_target_group_has_no_targets()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");
        var group = await aws.ElasticLoadBalancing.CreateTargetGroupAsync(SimStack.TargetGroup("proj-api-tg", network.VpcId), None);

        Assert.Empty(await aws.ElasticLoadBalancing.DescribeTargetHealthAsync(group.TargetGroupArn, None));
    }
}
