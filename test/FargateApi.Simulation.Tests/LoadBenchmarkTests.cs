using System.Diagnostics;
using Xunit.Abstractions;

namespace FargateApi.Simulation.Tests;

/// <summary>Fifty stacks built at once against one simulation: correctness is asserted, speed is only printed.</summary>
public sealed class LoadBenchmarkTests(ITestOutputHelper output)
{
    private const int Stacks = 50;

    [Fact]
    public async Task Fifty_stacks_built_concurrently_all_settle_with_distinct_rules()
    {
        var aws = new SimulatedAws(new SimulationOptions { PollsToSteadyState = 3 });
        var network = aws.SeedNetwork("proj");
        var clock = Stopwatch.StartNew();

        var stacks = await Task.WhenAll(Enumerable.Range(1, Stacks).Select(i => Task.Run(async () =>
        {
            var stack = await SimStack.CreateAsync(aws, network, $"s{i}", priority: i, stack: $"stack-{i}");
            await stack.PollUntilAsync(aws, SimStack.IsStable);
            return stack;
        })));
        clock.Stop();

        var snapshot = aws.Snapshot();
        Assert.Equal(Stacks, stacks.Select(s => s.RuleArn).Distinct().Count());
        Assert.Equal(Stacks, snapshot.OfType("service").Count);
        Assert.Equal(Stacks, snapshot.LiveBeyondSeed.Count(e => e.Type == "network-interface"));
        Assert.All(Enumerable.Range(1, Stacks), i => Assert.Equal(5, snapshot.TaggedWith(SimStack.StackTag, $"stack-{i}").Count));
        output.WriteLine($"{Stacks} stacks: {aws.Calls.Count} calls in {clock.Elapsed.TotalMilliseconds:F0} ms ({aws.Calls.Count / clock.Elapsed.TotalSeconds:F0} calls/s)");
    }
}
