using FargateApi.Planning;
using FargateApi.Provisioning.Resources;

namespace FargateApi.Provisioning.Execution;

/// <summary>
/// Runs any plan (Create, Update, Replace, Revive, Delete) the same way: every step starts as soon as the steps it depends
/// on have finished, so the steps of a wave run concurrently and no step waits for an unrelated one. Steps the run was
/// handed as completed (by an earlier invocation of the same operation) are not run again. A step whose wait goes on in the
/// next invocation holds back what depends on it; everything else finishes, and the result says what continues.
/// Every step is an "ensure" (look up, create if absent, change if different), so running a plan again after a crash at
/// any point converges on the same stack.
/// </summary>
internal static class PlanExecutor
{
    public static async Task<ExecutionResult> RunAsync(StackRun run, IReadOnlySet<string>? completed, CancellationToken cancellationToken)
    {
        var plan = run.Plan;
        if (plan.Problems is { Count: > 0 } problems)
        {
            throw new ProvisioningException($"The stack would break AWS limits: {string.Join("; ", problems)}.");
        }

        run.Options.Steps?.Planned(plan);
        var waves = plan.Waves;
        var waveOf = waves.SelectMany((wave, index) => wave.Select(step => (step.Id, index))).ToDictionary(pair => pair.Id, pair => pair.index + 1, StringComparer.Ordinal);
        var byId = plan.Steps.ToDictionary(step => step.Id, StringComparer.Ordinal);
        var tasks = new Dictionary<string, Task<StepOutcome?>>(StringComparer.Ordinal);

        // Built in plan order, so every step's dependencies (earlier in its plan's waves) exist before it.
        foreach (var step in waves.SelectMany(wave => wave))
        {
            var dependencies = step.DependsOn.Select(id => tasks[id]).ToList();
            tasks[step.Id] = completed?.Contains(step.Id) == true
                ? Task.FromResult<StepOutcome?>(StepOutcome.Done)
                : RunWhenReadyAsync(step, waveOf[step.Id], dependencies);
        }

        async Task<StepOutcome?> RunWhenReadyAsync(Step step, int wave, List<Task<StepOutcome?>> dependencies)
        {
            // A dependency that failed, was not run, or continues later holds the step back (null: not run).
            await Task.WhenAny(Task.WhenAll(dependencies)).ConfigureAwait(false);
            if (dependencies.Any(dependency => !dependency.IsCompletedSuccessfully || dependency.Result is null or StepOutcome.ContinueLater))
            {
                return null;
            }

            cancellationToken.ThrowIfCancellationRequested();
            run.Options.Steps?.Started(step.Id, wave);
            var outcome = await Guards.HoldsAsync(step, run, cancellationToken).ConfigureAwait(false)
                ? await ResourceModules.For(step.Kind).RunAsync(step, run, cancellationToken).ConfigureAwait(false)
                : StepOutcome.Skipped;
            run.Options.Steps?.Finished(step.Id, outcome);
            return outcome;
        }

        // Every started step finishes; then the first failure in plan order is the one to report.
        await Task.WhenAny(Task.WhenAll(tasks.Values)).ConfigureAwait(false);
        if (plan.Steps.Select(step => tasks[step.Id]).FirstOrDefault(task => !task.IsCompletedSuccessfully) is { } failed)
        {
            await failed.ConfigureAwait(false);
        }

        var found = plan.Steps.Any(step => tasks[step.Id].Result is StepOutcome.FoundNothing);
        var done = plan.Steps.Where(step => tasks[step.Id].Result is StepOutcome.Done or StepOutcome.FoundNothing or StepOutcome.Skipped).Select(step => step.Id);
        var continuing = plan.Steps.Where(step => tasks[step.Id].Result is StepOutcome.ContinueLater).Select(step => step.Id).ToList();
        return new ExecutionResult(done.ToHashSet(StringComparer.Ordinal), continuing, found);
    }
}
