using FargateApi.Aws.Http;
using FargateApi.Aws.Retry;
using FargateApi.Simulation.Calls;
using FargateApi.Simulation.Core;
using FargateApi.Simulation.Faults;

namespace FargateApi.Simulation.Tests;

public sealed class FaultAndThrottlingTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Kth_call_overall_fails_with_the_injected_error_and_changes_nothing()
    {
        var aws = new SimulatedAws();
        aws.Faults.FailCall(2, new AwsServiceException("logs", "CreateLogGroup", "ServiceUnavailableException", "try later", 503, null));

        await aws.Logs.CreateLogGroupAsync("/a", SimStack.TagsFor("s"), None);
        await Errors.Expect("ServiceUnavailableException", () => aws.Logs.CreateLogGroupAsync("/b", SimStack.TagsFor("s"), None));
        await aws.Logs.CreateLogGroupAsync("/c", SimStack.TagsFor("s"), None);

        Assert.Equal(["/a", "/c"], aws.Snapshot().OfType("log-group").Select(e => e.Id));
        Assert.Equal([CallRecord.Ok, "ServiceUnavailableException", CallRecord.Ok], aws.Calls.Records.Select(r => r.Outcome));
    }

    [Fact]
    public async Task Fault_numbering_matches_the_call_log_so_the_next_call_can_be_targeted()
    {
        var aws = new SimulatedAws(new SimulationOptions { ClientRetry = null });
        var network = aws.SeedNetwork("proj");
        aws.RateLimits.Limit(SimServices.Ssm, null, ratePerSecond: 0, burst: 1);
        await aws.Ssm.GetParametersAsync(["/proj/network/vpc-id"], None);
        await Errors.Expect("ThrottlingException", () => aws.Ssm.GetParametersAsync(["/proj/network/vpc-id"], None));

        aws.Faults.FailCall(aws.Calls.Count + 1, new SimulatedCrashException());

        await Assert.ThrowsAsync<SimulatedCrashException>(() => aws.Ec2.DescribeVpcsAsync([network.VpcId], null, None));
        await aws.Ec2.DescribeVpcsAsync([network.VpcId], null, None);
    }

    [Fact]
    public async Task Kth_call_of_an_operation_can_crash_after_its_effect_so_a_retry_must_adopt()
    {
        var aws = new SimulatedAws();
        aws.Faults.FailOperation("CreateRole", 2, new SimulatedCrashException(), FaultTiming.AfterEffect);
        const string Trust = """{"Version":"2012-10-17","Statement":[]}""";

        await aws.Iam.CreateRoleAsync(new("first", Trust, SimStack.TagsFor("s")), None);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => aws.Iam.CreateRoleAsync(new("second", Trust, SimStack.TagsFor("s")), None));

        var adopted = await aws.Iam.GetRoleAsync("second", None);
        Assert.Equal("second", adopted.RoleName);
        await Errors.Expect("EntityAlreadyExists", () => aws.Iam.CreateRoleAsync(new("second", Trust, SimStack.TagsFor("s")), None));
        Assert.Equal(CallRecord.Crash, aws.Calls.Of("CreateRole")[1].Outcome);
    }

    [Fact]
    public async Task Calls_beyond_the_burst_are_throttled_with_each_protocols_code()
    {
        var clock = new ManualTimeProvider();
        var aws = new SimulatedAws(new SimulationOptions { TimeProvider = clock, ClientRetry = null });
        var network = aws.SeedNetwork("proj");
        aws.RateLimits
            .Limit(SimServices.Ecs, "DescribeServices", ratePerSecond: 1, burst: 2)
            .Limit(SimServices.Ec2, null, ratePerSecond: 1, burst: 1)
            .Limit(SimServices.Elbv2, "DescribeRules", ratePerSecond: 1, burst: 1)
            .Limit(SimServices.Lambda, "Invoke", ratePerSecond: 1, burst: 1);

        await aws.Ecs.DescribeServicesAsync(network.ClusterName, ["a"], None);
        await aws.Ecs.DescribeServicesAsync(network.ClusterName, ["a"], None);
        var ecs = await Errors.Expect("ThrottlingException", () => aws.Ecs.DescribeServicesAsync(network.ClusterName, ["a"], None));
        await aws.Ec2.DescribeVpcsAsync([network.VpcId], null, None);
        await Errors.Expect("RequestLimitExceeded", () => aws.Ec2.DescribeSubnetsAsync(network.PrivateSubnetIds, null, None));
        await aws.ElasticLoadBalancing.DescribeRulesAsync(new() { ListenerArn = network.ListenerArn }, None);
        await Errors.Expect("Throttling", () => aws.ElasticLoadBalancing.DescribeRulesAsync(new() { ListenerArn = network.ListenerArn }, None));
        await aws.Lambda.InvokeEventAsync("fn", new byte[] { 1 }, None);
        var lambda = await Errors.Expect("TooManyRequestsException", () => aws.Lambda.InvokeEventAsync("fn", new byte[] { 1 }, None));

        Assert.Equal("Rate exceeded", ecs.ErrorMessage);
        Assert.Equal(429, lambda.HttpStatus);
        clock.Advance(TimeSpan.FromSeconds(1));
        await aws.Ecs.DescribeServicesAsync(network.ClusterName, ["a"], None);
        await Errors.Expect("ThrottlingException", () => aws.Ecs.DescribeServicesAsync(network.ClusterName, ["a"], None));
        await aws.ElasticLoadBalancing.DescribeListenersAsync([network.ListenerArn], null, None);
    }

    [Fact]
    public async Task Throttles_are_retried_by_the_simulated_clients_with_the_products_retry_policy()
    {
        var aws = new SimulatedAws(new SimulationOptions { ClientRetry = RetryPolicy.Default with { ThrottlingBaseDelay = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(5) } });
        aws.SeedNetwork("proj");
        aws.RateLimits.Limit(SimServices.Ssm, null, ratePerSecond: 200, burst: 1);

        await aws.Ssm.GetParametersAsync(["/proj/network/vpc-id"], None);
        await aws.Ssm.GetParametersAsync(["/proj/network/vpc-id"], None);

        var throttled = aws.Calls.Records.Count(r => r.Outcome == "ThrottlingException");
        Assert.True(throttled > 0, "the second call was not throttled: the test proves nothing");
        Assert.Equal(throttled, aws.ClientRetries.ThrottlingRetries);
        Assert.Equal(2, aws.Calls.Records.Count(r => r.Outcome == CallRecord.Ok && r.Operation == "GetParameters"));
    }

    [Fact]
    public async Task Latency_waits_on_the_simulations_clock()
    {
        var clock = new ManualTimeProvider();
        var aws = new SimulatedAws(new SimulationOptions { TimeProvider = clock, Latency = TimeSpan.FromMilliseconds(200) });
        aws.SeedNetwork("proj");

        var call = aws.Sts.GetCallerIdentityAsync(None);
        await WaitForTimerAsync(clock);

        Assert.False(call.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(200));
        var identity = await call;
        Assert.Equal("123456789012", identity.Account);
    }

    [Fact]
    public async Task Call_log_lists_every_call_in_order_with_its_key_and_outcome()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");

        await aws.Logs.CreateLogGroupAsync("/ecs/proj/api", SimStack.TagsFor("s"), None);
        await Errors.Expect("ResourceAlreadyExistsException", () => aws.Logs.CreateLogGroupAsync("/ecs/proj/api", SimStack.TagsFor("s"), None));
        await aws.Ecs.DescribeServicesAsync(network.ClusterName, ["x"], None);

        Assert.Equal(3, aws.Calls.Count);
        Assert.Equal(
            [
                new CallRecord(1, SimServices.Logs, "CreateLogGroup", "/ecs/proj/api", CallRecord.Ok),
                new CallRecord(2, SimServices.Logs, "CreateLogGroup", "/ecs/proj/api", "ResourceAlreadyExistsException"),
                new CallRecord(3, SimServices.Ecs, "DescribeServices", "x", CallRecord.Ok),
            ],
            aws.Calls.Records);
        Assert.Equal(2, aws.Calls.CountOf("CreateLogGroup"));
    }

    /// <summary>The call registers its delay timer on another thread's continuation; spin (not sleep) until it has.</summary>
    private static async Task WaitForTimerAsync(ManualTimeProvider clock)
    {
        for (var i = 0; i < 10_000 && clock.PendingTimers == 0; i++)
        {
            await Task.Yield();
        }

        Assert.Equal(1, clock.PendingTimers);
    }
}
