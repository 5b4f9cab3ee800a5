using FargateApi.Lifecycle.Tests.Support;
using FargateApi.Simulation.Faults;

namespace FargateApi.Lifecycle.Tests;

/// <summary>The same Create delivered twice, or retried after the process died at any call, converges on one stack.</summary>
public sealed class IdempotencyTests
{
    [Fact]
    public async Task Create_delivered_twice_makes_one_stack()
    {
        var h = new Harness();

        var first = await h.CreateAsync();
        var second = await h.CreateAsync();

        Assert.Equal(first.PhysicalResourceId, second.PhysicalResourceId);
        Assert.Equal(first.Data, second.Data);
        AssertOneStack(h);

        // Create first, "already exists" is the idempotent path: the second CreateService (same clientToken) got the first
        // service back, and the second revision, identical to the first, was deregistered at once.
        Assert.Single(h.Aws.Snapshot().OfType("service"));
        Assert.Single(h.Aws.Snapshot().OfType("task-definition"), e => e.IsLive);
    }

    [Fact]
    public async Task Create_retried_after_a_crash_at_any_call_converges_on_one_stack()
    {
        var calls = await CallsOfOneCreateAsync();
        foreach (var timing in new[] { FaultTiming.BeforeEffect, FaultTiming.AfterEffect })
        {
            for (var k = 1; k <= calls; k++)
            {
                var h = new Harness();
                h.Aws.Faults.FailCall(k, new SimulatedCrashException(), timing);
                // An after-effect fault on a call that fails anyway (a look-up answering "not found") is swallowed by
                // the simulation: the provider handles that answer, so the first attempt may finish.
                var crash = await Record.ExceptionAsync(() => h.CreateAsync());
                Assert.True(crash is null or SimulatedCrashException, $"crash {timing} call {k}: {crash}");

                var retried = await h.CreateAsync();

                Assert.True(retried.IsFinished, $"crash {timing} call {k}");
                AssertOneStack(h, $"crash {timing} call {k}");
            }
        }
    }

    public static async Task<int> CallsOfOneCreateAsync()
    {
        var h = new Harness();
        await h.CreateAsync();
        return h.Aws.Calls.Count;
    }

    private static void AssertOneStack(Harness h, string? context = null)
    {
        foreach (var type in new[] { "service", "target-group", "listener-rule", "security-group", "log-group", "role", "task-definition" })
        {
            var count = h.Ours(type).Count;
            Assert.True(count == (type == "role" ? 2 : 1), $"{context}: {count} live {type}");
        }

        Assert.Single(h.Aws.Snapshot().OfType("scalable-target"));
        Assert.Equal(3, h.Aws.Snapshot().OfType("scaling-policy").Count);
    }
}
