using System.Diagnostics;
using FargateApi.Desired;
using FargateApi.Lifecycle.Tests.Support;
using FargateApi.Planning;
using FargateApi.Simulation;
using Xunit.Abstractions;

namespace FargateApi.Lifecycle.Tests;

/// <summary>Prints what a Create costs at a fixed per-call latency; figures only, no timed assertion.</summary>
public sealed class CreateBenchmarkTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(20);

    [Fact]
    public async Task Create_at_fixed_latency_prints_calls_and_wall_time_against_the_graph_depth_bound()
    {
        var h = new Harness(clock => new SimulationOptions { Latency = Latency, TimeProvider = TimeProvider.System, PollsToSteadyState = 1 });
        var plan = Plan.ForCreate(DesiredStack.From(
            Props.Seed,
            new ResolvedNetwork(h.Network.VpcId, h.Network.PrivateSubnetIds.ToValueList(), h.Network.ClusterName, h.Network.ListenerArn, h.Network.LoadBalancerArn, h.Network.AlbSecurityGroupId),
            new AwsEnvironment("aws", "us-east-1", "123456789012"),
            new Ownership(Harness.StackId, Harness.LogicalId),
            0));

        // What one simulated call really costs here: Task.Delay's timer granularity and a shared machine stretch it.
        var calibration = Stopwatch.StartNew();
        for (var i = 0; i < 10; i++)
        {
            await Task.Delay(Latency);
        }

        var effective = calibration.Elapsed / 10;

        var watch = Stopwatch.StartNew();
        var created = await h.CreateAsync();
        watch.Stop();

        Assert.True(created.IsFinished);
        var calls = h.Aws.Calls.Count;
        var bound = Latency * plan.Depth;
        output.WriteLine($"Create: {calls} calls at {Latency.TotalMilliseconds:0} ms each; wall {watch.Elapsed.TotalMilliseconds:0} ms");
        output.WriteLine($"  plan depth {plan.Depth} waves → lower bound {bound.TotalMilliseconds:0} ms (depth × latency); sequential calls would take {(Latency * calls).TotalMilliseconds:0} ms");
        output.WriteLine($"  wall / bound = {watch.Elapsed / bound:0.0}; wall / sequential = {watch.Elapsed / (Latency * calls):0.00}");
        output.WriteLine($"  measured cost of one {Latency.TotalMilliseconds:0} ms delay here: {effective.TotalMilliseconds:0.0} ms → bound {(effective * plan.Depth).TotalMilliseconds:0} ms, sequential {(effective * calls).TotalMilliseconds:0} ms, wall / sequential {watch.Elapsed / (effective * calls):0.00}");
        foreach (var (wave, index) in plan.Waves.Select((wave, index) => (wave, index)))
        {
            output.WriteLine($"  wave {index + 1}: {string.Join(", ", wave.Select(step => step.Id))}");
        }
    }

    [Fact]
    public async Task Create_with_the_function_arn_makes_twenty_calls_besides_the_steady_state_polls_and_none_to_sts()
    {
        // The simulation's fast mode: no propagation lags, so the happy path is the plan's steps, one call each.
        var h = new Harness(clock => new SimulationOptions { TimeProvider = clock, Permissions = Harness.Realistic(clock).Permissions });
        var identity = Harness.Identity() with { FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:fargate-api-provider" };

        var created = await h.Provisioner.CreateAsync(identity, Props.Seed, CancellationToken.None);

        Assert.True(created.IsFinished);
        var calls = h.Aws.Calls.Records.ToList();
        var serviceCreated = calls.FindIndex(call => call.Operation == "CreateService");
        var polls = calls.Skip(serviceCreated).Count(call => call.Operation == "DescribeServices");
        Assert.Equal(0, h.Aws.Calls.CountOf("GetCallerIdentity"));
        Assert.DoesNotContain(calls.Take(serviceCreated), call => call.Operation == "DescribeServices");
        Assert.Equal(20, calls.Count - polls);
        Assert.All(calls, call => Assert.True(call.Succeeded, $"{call.Operation} {call.Outcome}"));
    }

    [Fact]
    public async Task Calls_per_operation_are_printed()
    {
        var h = new Harness();
        var count = 0;
        async Task<T> Measure<T>(string what, Func<Task<T>> operation)
        {
            var before = h.Aws.Calls.Count;
            var result = await operation();
            output.WriteLine($"{what}: {h.Aws.Calls.Count - before} calls");
            count++;
            return result;
        }

        var id = (await Measure("create", () => h.CreateAsync())).PhysicalResourceId;
        await Measure("create again (idempotent)", () => h.CreateAsync());
        var v2 = Props.Seed.WithImageTag("v2");
        await Measure("update in place (image)", () => h.UpdateAsync(id, Props.Seed, v2));
        var moved = h.InAnotherCluster(v2);
        var newId = (await Measure("update with replacement (cluster)", () => h.UpdateAsync(id, v2, moved))).PhysicalResourceId;
        await Measure("delete old generation", async () => { await h.DeleteAsync(id, v2); return 0; });
        await Measure("delete last generation", async () => { await h.DeleteAsync(newId, moved); return 0; });

        Assert.Equal(6, count);
        Assert.Empty(h.Ours());
    }
}
