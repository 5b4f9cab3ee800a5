using FargateApi.Properties;
using FargateApi.Resilience.Tests.Support;
using FargateApi.Simulation.Faults;
using Xunit.Abstractions;

namespace FargateApi.Resilience.Tests;

/// <summary>
/// Issue 6, item 1: the process dies right after call k took effect (no answer reaches CloudFormation), for every k of
/// Create, in-place Update, replacing Update and Delete. What follows is what the shipped configuration allows:
/// template.yaml sets MaximumRetryAttempts 0, so Lambda does not retry the crashed invocation, and CloudFormation, which
/// got no answer, gives up at ServiceTimeout and moves on: a Delete with an id it generated after a Create (it never
/// learnt one), the rollback Update after an Update, a stack that stays DELETE_FAILED after a Delete unless the user
/// retries it. The same event can still arrive twice: asynchronous invocation delivers an event at least once ("it's
/// possible for it to receive the same event from Lambda multiple times", Lambda developer guide, invocation-async),
/// so the "same event delivered again" branches stay. Whatever k: one stack or none, never two, no error caused by our
/// own half-made state, and nothing live beyond the seeded network after the final Delete.
/// </summary>
public sealed class CrashRestartTests(ITestOutputHelper output)
{
    private const string CreateRequest = "create-1";
    private const string UpdateRequest = "update-1";
    private const string DeleteRequest = "delete-1";

    /// <summary>After the effect: the brief's case. Before it: the request never left the dying process.</summary>
    private static readonly FaultTiming[] Timings = [FaultTiming.AfterEffect, FaultTiming.BeforeEffect];

    private static readonly ServiceProperties Seed = Props.Seed;
    private static readonly ServiceProperties InPlace = Props.Seed.WithImageTag("v2");
    private static readonly ServiceProperties Moved = Props.Seed.Replaced();

    private static CrashMatrix CreateMatrix => new(
        "Create",
        _ => Task.FromResult(new Scene(null)),
        async (w, _) => (await w.Process().CreateAsync(World.Identity(CreateRequest), Seed, CancellationToken.None)).PhysicalResourceId);

    private static CrashMatrix UpdateMatrix(ServiceProperties next, string name) => new(
        name,
        async w => new Scene((await w.Process().CreateAsync(World.Identity(CreateRequest), Seed, CancellationToken.None)).PhysicalResourceId),
        async (w, s) => (await w.Process().UpdateAsync(World.Identity(UpdateRequest), s.PhysicalId!, Seed, next, CancellationToken.None)).PhysicalResourceId);

    private static CrashMatrix DeleteMatrix => new(
        "Delete",
        async w => new Scene((await w.Process().CreateAsync(World.Identity(CreateRequest), Seed, CancellationToken.None)).PhysicalResourceId),
        async (w, s) =>
        {
            await w.Process().DeleteAsync(World.Identity(DeleteRequest), s.PhysicalId!, Seed, CancellationToken.None);
            return null;
        });

    [Fact]
    public async Task Create_delivered_again_after_a_crash_at_any_call_makes_the_clean_stack_and_its_Delete_leaves_nothing()
    {
        var reports = new List<MatrixReport>();
        foreach (var timing in Timings)
        {
            var report = await CreateMatrix.RunAsync("same event delivered again, then Delete", async (w, _, clean) =>
            {
                var retried = await w.Process().CreateAsync(World.Identity(CreateRequest), Seed, CancellationToken.None);
                Converged.SameAsClean(w, clean, retried.PhysicalResourceId);
                await w.Process().DeleteAsync(World.Identity(DeleteRequest), retried.PhysicalResourceId, Seed, CancellationToken.None);
            }, timing);

            reports.Add(report);
        }

        AssertClean(reports);
    }

    [Fact]
    public async Task Create_abandoned_after_a_crash_at_any_call_leaves_nothing_after_the_Delete_of_an_id_CloudFormation_generated()
    {
        var reports = new List<MatrixReport>();
        foreach (var timing in Timings)
        {
            // No answer was sent, so CloudFormation never learnt the provider's failed-create marker: it generates an id.
            var report = await CreateMatrix.RunAsync("CloudFormation times out, Delete of the id it generated", (w, _, _) =>
                w.Process().DeleteAsync(World.Identity(DeleteRequest), $"myproj-app-{World.LogicalId}-1A2B3C4D5E6F", Seed, CancellationToken.None), timing);

            reports.Add(report);
        }

        AssertClean(reports);
    }

    [Fact]
    public async Task In_place_update_delivered_again_after_a_crash_at_any_call_converges_on_the_clean_result()
    {
        var reports = new List<MatrixReport>();
        foreach (var timing in Timings)
        {
            var report = await UpdateMatrix(InPlace, "Update in place (image tag)").RunAsync("same event delivered again, then Delete", async (w, s, clean) =>
            {
                var retried = await w.Process().UpdateAsync(World.Identity(UpdateRequest), s.PhysicalId!, Seed, InPlace, CancellationToken.None);
                Converged.SameAsClean(w, clean, retried.PhysicalResourceId);
                await Converged.ServiceRunsImageAsync(w, retried, InPlace);
                await w.Process().DeleteAsync(World.Identity(DeleteRequest), retried.PhysicalResourceId, InPlace, CancellationToken.None);
            }, timing);

            reports.Add(report);
        }

        AssertClean(reports);
    }

    [Fact]
    public async Task In_place_update_abandoned_after_a_crash_at_any_call_rolls_back_and_deletes_cleanly()
    {
        var reports = new List<MatrixReport>();
        foreach (var timing in Timings)
        {
            var report = await UpdateMatrix(InPlace, "Update in place (image tag)").RunAsync("CloudFormation times out: rollback Update, then Delete", async (w, s, _) =>
            {
                // The rollback Update: the old properties come back as the new ones, on the id CloudFormation knows.
                var rolledBack = await w.Process().UpdateAsync(World.Identity("rollback-1"), s.PhysicalId!, InPlace, Seed, CancellationToken.None);
                Converged.Equal(s.PhysicalId, rolledBack.PhysicalResourceId, "the rollback's physical id");
                await Converged.ServiceRunsImageAsync(w, rolledBack, Seed);
                await w.Process().DeleteAsync(World.Identity(DeleteRequest), rolledBack.PhysicalResourceId, Seed, CancellationToken.None);
            }, timing);

            reports.Add(report);
        }

        AssertClean(reports);
    }

    [Fact]
    public async Task Replacing_update_delivered_again_after_a_crash_at_any_call_converges_on_the_clean_result()
    {
        var reports = new List<MatrixReport>();
        foreach (var timing in Timings)
        {
            var report = await UpdateMatrix(Moved, "Update with replacement (service renamed)").RunAsync("same event delivered again, cleanup Delete of the old id, then Delete", async (w, s, clean) =>
            {
                var retried = await w.Process().UpdateAsync(World.Identity(UpdateRequest), s.PhysicalId!, Seed, Moved, CancellationToken.None);
                Converged.SameAsClean(w, clean, retried.PhysicalResourceId);
                await w.Process().DeleteAsync(World.Identity("cleanup-1"), s.PhysicalId!, Seed, CancellationToken.None);
                Converged.OneStack(w, "after the cleanup Delete of the old id");
                await w.Process().DeleteAsync(World.Identity(DeleteRequest), retried.PhysicalResourceId, Moved, CancellationToken.None);
            }, timing);

            reports.Add(report);
        }

        AssertClean(reports);
    }

    [Fact]
    public async Task Replacing_update_abandoned_after_a_crash_at_any_call_rolls_back_to_the_old_stack_alone()
    {
        var reports = new List<MatrixReport>();
        foreach (var timing in Timings)
        {
            var report = await UpdateMatrix(Moved, "Update with replacement (service renamed)").RunAsync("CloudFormation times out: rollback Update, then Delete", async (w, s, _) =>
            {
                // CloudFormation never learnt the new id, so no Delete will ever name it: the rollback must remove it.
                var rolledBack = await w.Process().UpdateAsync(World.Identity("rollback-1"), s.PhysicalId!, Moved, Seed, CancellationToken.None);
                Converged.Equal(s.PhysicalId, rolledBack.PhysicalResourceId, "the rollback's physical id");
                Converged.OneStack(w, "after the rollback");
                await w.Process().DeleteAsync(World.Identity(DeleteRequest), rolledBack.PhysicalResourceId, Seed, CancellationToken.None);
            }, timing);

            reports.Add(report);
        }

        AssertClean(reports);
    }

    [Fact]
    public async Task Delete_delivered_again_after_a_crash_at_any_call_leaves_nothing()
    {
        var reports = new List<MatrixReport>();
        foreach (var timing in Timings)
        {
            var report = await DeleteMatrix.RunAsync("same event delivered again (or the user retries the delete)", (w, s, _) =>
                w.Process().DeleteAsync(World.Identity(DeleteRequest), s.PhysicalId!, Seed, CancellationToken.None), timing);

            reports.Add(report);
        }

        AssertClean(reports);
    }

    [Fact]
    public async Task The_matrix_reports_every_k_when_the_follow_up_leaves_the_stack_standing()
    {
        // Sensitivity of the harness itself: a follow-up that never deletes must show up as a leak at every k.
        var report = await CreateMatrix.RunAsync("retried, no Delete (harness self-test)", async (w, _, _) =>
            await w.Process().CreateAsync(World.Identity(CreateRequest), Seed, CancellationToken.None));

        Assert.Equal(report.Calls, report.Failures.Count);
        Assert.True(report.Leaked >= report.Calls * 8, report.ToString());
    }

    private void AssertClean(IReadOnlyList<MatrixReport> reports)
    {
        foreach (var report in reports)
        {
            output.WriteLine(report.ToString());
        }

        foreach (var report in reports)
        {
            Assert.True(report.Calls > 0, $"{report.Name}: the clean run made no call");
            Assert.True(report.Deaths > report.Calls / 2, $"{report.Name}: only {report.Deaths} of {report.Calls} attempts died; the crash is not reaching the provisioner");
            Assert.True(report.Failures.Count == 0, report.ToString());
        }
    }
}
