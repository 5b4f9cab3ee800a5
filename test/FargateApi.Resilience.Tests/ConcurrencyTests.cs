using FargateApi.Resilience.Tests.Support;
using Xunit.Abstractions;

namespace FargateApi.Resilience.Tests;

/// <summary>
/// Issue 6, item 2: 50 resources of one template (distinct service names and rule priorities, one shared listener)
/// created, updated in place (image tag) and deleted at once against an account whose ECS, ELBv2 and IAM throttle
/// (LoadRun.Throttle). All 50 succeed in every phase, no rule priority is ever contested, and nothing is left. Figures
/// are printed.
/// </summary>
public sealed class ConcurrencyTests(ITestOutputHelper output)
{
    private const int Resources = 50;

    /// <summary>
    /// The provisioner over the simulated clients, which retry throttles with the product's RetryPolicy as the HTTP
    /// clients do in Lambda: all 50 succeed in every phase, nothing leaks, no priority is contested.
    /// </summary>
    [Fact]
    public async Task Fifty_resources_at_once_under_throttling_all_succeed()
    {
        var run = new LoadRun(Resources);
        run.Note($"throttles retried by the clients with RetryPolicy.Default; clock ×{LoadRun.SpeedUp}");

        await RunAllPhasesAsync(run);
    }

    /// <summary>
    /// Every phase runs for all resources whatever the one before did, as CloudFormation would go on: a Create that
    /// failed gets the Delete of its failed-create id and no Update. Everything found is asserted at the end.
    /// </summary>
    private async Task RunAllPhasesAsync(LoadRun run)
    {
        var problems = new List<string>();
        try
        {
            problems.AddRange(await run.PhaseAsync("Create", async i =>
            {
                var outcome = await run.Process().CreateAsync(Identity("create", i), run.Resources[i], CancellationToken.None);
                run.PhysicalIds[i] = outcome.PhysicalResourceId;
            }));
            problems.AddRange(await RuleProblemsAsync(run, "after Create"));

            // A resource whose Create failed gets no Update: CloudFormation rolls the stack back instead.
            var created = Enumerable.Range(0, Resources).Where(i => run.PhysicalIds[i] is not null);
            problems.AddRange(await run.PhaseAsync("Update (image tag)", created, async i =>
            {
                var outcome = await run.Process().UpdateAsync(Identity("update", i), run.PhysicalIds[i]!, run.Resources[i], run.Resources[i].WithImageTag("v2"), CancellationToken.None);
                Assert.Equal(run.PhysicalIds[i], outcome.PhysicalResourceId);
            }));
            problems.AddRange(await RuleProblemsAsync(run, "after Update"));

            Task DeleteAsync(int i, string request) => run.Process().DeleteAsync(
                Identity(request, i),
                run.PhysicalIds[i] ?? World.FailedCreateId(LoadRun.LogicalId(i), $"create-{i}"),
                run.Resources[i].WithImageTag("v2"),
                CancellationToken.None);
            problems.AddRange(await run.PhaseAsync("Delete", i => DeleteAsync(i, "delete")));

            // Not a pass: what a user retrying the DELETE_FAILED stack would get, to tell a stuck state from a lost race.
            if (run.LastFailed.Count > 0)
            {
                await run.PhaseAsync("Delete retried by the user (figures only)", run.LastFailed, i => DeleteAsync(i, "delete-again"));
            }

            var leftovers = await run.World.LeftoversAsync();
            run.Note($"left after Delete: {leftovers.Count} resources {string.Join(", ", leftovers.Take(10).Select(e => $"{e.Type} {e.Id}"))}");
            if (leftovers.Count > 0)
            {
                problems.Add($"{leftovers.Count} resources leaked");
            }

            var retries = run.World.Aws.ClientRetries;
            if (retries.ThrottlingRetries == 0)
            {
                problems.Add("no throttle was retried: the rate limits did not bite, so this run proves nothing");
            }

            var contested = run.World.Aws.Calls.Records.Count(c => c.Outcome == "PriorityInUse");
            run.Note($"PriorityInUse answers: {contested}");
            if (contested > 0)
            {
                problems.Add($"{contested} PriorityInUse answers");
            }
        }
        finally
        {
            run.Note(LoadRun.Describe(run.World.Aws.ClientRetries));

            output.WriteLine(run.ToString());
        }

        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n{string.Join("\n", problems.Take(10))}\n\n{run}");
    }

    private static Provisioning.ResourceIdentity Identity(string request, int i) => World.Identity($"{request}-{i}", LoadRun.LogicalId(i));

    /// <summary>One rule per live resource on the shared listener, each at the priority its properties declare.</summary>
    private static async Task<IReadOnlyList<string>> RuleProblemsAsync(LoadRun run, string when)
    {
        var rules = await run.RulesAsync();
        var priorities = rules.Select(r => r.Priority).Order(StringComparer.Ordinal).ToList();
        var expected = run.Resources.Where((_, i) => run.PhysicalIds[i] is not null)
            .Select(p => p.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal).ToList();
        run.Note($"  {when}: {rules.Count} rules on the shared listener, {priorities.Distinct().Count()} distinct priorities");
        return priorities.SequenceEqual(expected) ? [] : [$"{when}: rule priorities {string.Join(",", priorities)}, expected {string.Join(",", expected)}"];
    }
}
