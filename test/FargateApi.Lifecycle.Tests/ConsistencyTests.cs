using FargateApi.Lifecycle.Tests.Support;
using FargateApi.Simulation;

namespace FargateApi.Lifecycle.Tests;

/// <summary>AWS reads lag behind writes: a resource just made may be missing from the next describe.</summary>
public sealed class ConsistencyTests
{
    [Fact]
    public async Task Create_and_delete_work_when_new_resources_are_invisible_to_the_first_read()
    {
        var h = new Harness(clock => new SimulationOptions { InvisibleReadsAfterCreate = 1, TimeProvider = clock });

        var created = await h.CreateAsync();
        await h.DeleteAsync(created.PhysicalResourceId);

        Assert.True(h.Ours().Count == 0, string.Join(", ", h.Ours().Select(e => $"{e.Type} {e.Id}")));
    }

    [Fact]
    public async Task Create_retried_after_a_crash_at_any_call_converges_when_reads_lag()
    {
        static Harness NewHarness() => new(clock => new SimulationOptions { InvisibleReadsAfterCreate = 1, TimeProvider = clock });
        var probe = NewHarness();
        await probe.CreateAsync();
        var calls = probe.Aws.Calls.Count;
        for (var k = 1; k <= calls; k++)
        {
            var h = NewHarness();
            h.Aws.Faults.FailCall(k, new Simulation.Faults.SimulatedCrashException(), Simulation.Faults.FaultTiming.AfterEffect);
            var crash = await Record.ExceptionAsync(() => h.CreateAsync());
            Assert.True(crash is null or Simulation.Faults.SimulatedCrashException, $"call {k}: {crash}");

            var retried = await h.CreateAsync();

            Assert.True(retried.IsFinished);
            foreach (var type in new[] { "service", "target-group", "listener-rule", "security-group", "log-group" })
            {
                Assert.True(h.Ours(type).Count == 1, $"call {k}: {h.Ours(type).Count} {type}");
            }
        }
    }
}
