using FargateApi.Lifecycle.Tests.Support;
using FargateApi.Planning;
using FargateApi.Provisioning;

namespace FargateApi.Lifecycle.Tests;

/// <summary>
/// What `fargate-api plan` prints is what runs: for every operation, the steps the executor started are exactly the
/// plan's steps, each once, each in its plan wave, and none before the steps it depends on had finished; when a step fails,
/// only what depends on it is left out.
/// </summary>
public sealed class PlanIsTheProgramTests
{
    private static Harness NewHarness(PlanRecorder recorder) => new(provisionerOptions: new ProvisionerOptions("us-east-1") { Steps = recorder, PermissionsBoundaryArn = TemplatePermissions.BoundaryArn });

    [Fact]
    public async Task Create_runs_exactly_its_plan()
    {
        var recorder = new PlanRecorder();
        var h = NewHarness(recorder);

        await h.CreateAsync();

        AssertRanExactly(recorder, PlanKind.Create);
    }

    [Fact]
    public async Task Update_in_place_runs_exactly_its_plan()
    {
        var recorder = new PlanRecorder();
        var h = NewHarness(recorder);
        var id = (await h.CreateAsync()).PhysicalResourceId;
        var changed = Props.Seed.WithImageTag("v2") with
        {
            Priority = 11,
            LogRetentionDays = 14,
            DeregistrationDelaySeconds = 45,
            HostHeaders = ["api.example.com"],
            Tags = new Dictionary<string, string> { ["team"] = "core" },
            AutoScaling = Props.Seed.AutoScaling! with { MaxCapacity = 12 },
        };

        await h.UpdateAsync(id, Props.Seed, changed);

        AssertRanExactly(recorder, PlanKind.Create, PlanKind.UpdateInPlace);
    }

    [Fact]
    public async Task Replacement_its_cleanup_delete_and_the_delete_of_the_last_generation_run_exactly_their_plans()
    {
        var recorder = new PlanRecorder();
        var h = NewHarness(recorder);
        var oldId = (await h.CreateAsync()).PhysicalResourceId;
        var moved = Props.Seed.Replaced();

        var newId = (await h.UpdateAsync(oldId, Props.Seed, moved)).PhysicalResourceId;
        await h.DeleteAsync(oldId, Props.Seed);
        await h.DeleteAsync(newId, moved);

        AssertRanExactly(recorder, PlanKind.Create, PlanKind.Replace, PlanKind.Delete, PlanKind.Delete);
        Assert.Empty(h.Ours());
    }

    [Fact]
    public async Task Rollback_of_a_failed_replacement_runs_its_revive_and_cleanup_plans_exactly()
    {
        var recorder = new PlanRecorder();
        var h = NewHarness(recorder);
        var id = (await h.CreateAsync()).PhysicalResourceId;
        var bad = Props.Seed.WithImageTag("bad").Replaced();
        h.Aws.FailImage(Props.ImageUri("bad"));
        await Assert.ThrowsAsync<ProvisioningException>(() => h.UpdateAsync(id, Props.Seed, bad));

        await h.UpdateAsync(id, bad, Props.Seed);

        // The failed replacement cleans up its own generation and hands the serving one back what it took over (a revive); the
        // rollback revives the old one and sweeps the new one again, twice: finding nothing, the sweep looks a second time in
        // case what it looks for was not yet visible.
        AssertRanExactly(recorder, PlanKind.Create, PlanKind.Replace, PlanKind.Delete, PlanKind.Revive, PlanKind.Revive, PlanKind.Delete, PlanKind.Delete);
    }

    private static void AssertRanExactly(PlanRecorder recorder, params PlanKind[] kinds)
    {
        var plans = recorder.Plans;
        Assert.Equal(kinds, plans.Select(recorded => recorded.Plan.Kind));
        foreach (var recorded in plans)
        {
            var plan = recorded.Plan;
            var started = recorded.Events.Where(e => e.Wave is not null).ToList();
            var finished = recorded.Events.Where(e => e.Outcome is not null).Select(e => e.StepId).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(started.Count, started.Select(e => e.StepId).Distinct(StringComparer.Ordinal).Count());
            Assert.All(started, e => Assert.Contains(plan.Steps, step => step.Id == e.StepId));

            // Reads run before the plan exists, in the observer; a plan run on what an earlier plan's reads found (the hand-back
            // after a failed replacement) has none of its own.
            bool Unread(string id) => Observation.IsReadId(id) && started.All(e => e.StepId != id);

            // A step that did not run waited on one that failed (started, never finished) or did not run either.
            var notRun = plan.Steps.Where(step => !Unread(step.Id) && started.All(e => e.StepId != step.Id)).ToList();
            Assert.All(notRun, step => Assert.Contains(
                step.DependsOn,
                dependency => !finished.Contains(dependency)));

            var waveOf = plan.Waves.SelectMany((wave, index) => wave.Select(step => (step.Id, Wave: index + 1))).ToDictionary(p => p.Id, p => p.Wave);
            Assert.All(started, e => Assert.Equal(waveOf[e.StepId], e.Wave));

            var position = recorded.Events.Select((e, index) => (e, index)).ToList();
            foreach (var step in plan.Steps.Except(notRun).Where(step => !Unread(step.Id)))
            {
                var start = position.Single(p => p.e.StepId == step.Id && p.e.Wave is not null).index;
                foreach (var dependency in step.DependsOn.Where(dependency => !Unread(dependency)))
                {
                    var finish = position.Single(p => p.e.StepId == dependency && p.e.Outcome is not null).index;
                    Assert.True(finish < start, $"{plan.Kind}: step '{step.Id}' started before '{dependency}' finished");
                }
            }
        }
    }
}
