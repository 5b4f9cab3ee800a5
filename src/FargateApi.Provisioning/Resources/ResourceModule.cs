using FargateApi.Desired;
using FargateApi.Planning;
using FargateApi.Provisioning.Execution;

namespace FargateApi.Provisioning.Resources;

/// <summary>
/// One kind of resource, as the executor sees it: create (or find what an earlier attempt made, by its ownership tags),
/// update with the step's changes, delete what is ours, tag, and wait. A verb a resource does not have is a planning bug.
/// Every verb is safe to run again after a crash at any point.
/// </summary>
internal abstract class ResourceModule
{
    public abstract ResourceKind Kind { get; }

    public Task<StepOutcome> RunAsync(Step step, StackRun run, CancellationToken cancellationToken) => step.Verb switch
    {
        Verb.Read => ReadAsync(step, run, cancellationToken),
        Verb.Create => CreateAsync(step, run, cancellationToken),
        Verb.Update => UpdateAsync(step, run, cancellationToken),
        Verb.Delete => DeleteAsync(step, run, cancellationToken),
        Verb.Wait => WaitAsync(step, run, cancellationToken),
        Verb.Tag => TagAsync(step, run, cancellationToken),
        _ => Unsupported(step),
    };

    protected virtual Task<StepOutcome> ReadAsync(Step step, StackRun run, CancellationToken cancellationToken) => Unsupported(step);

    protected virtual Task<StepOutcome> CreateAsync(Step step, StackRun run, CancellationToken cancellationToken) => Unsupported(step);

    protected virtual Task<StepOutcome> UpdateAsync(Step step, StackRun run, CancellationToken cancellationToken) => Unsupported(step);

    protected virtual Task<StepOutcome> DeleteAsync(Step step, StackRun run, CancellationToken cancellationToken) => Unsupported(step);

    protected virtual Task<StepOutcome> WaitAsync(Step step, StackRun run, CancellationToken cancellationToken) => Unsupported(step);

    protected virtual Task<StepOutcome> TagAsync(Step step, StackRun run, CancellationToken cancellationToken) => Unsupported(step);

    /// <summary>The step's payload as this module's resource.</summary>
    protected static T SpecOf<T>(Step step)
        where T : class, IDesiredResource =>
        step.Spec as T ?? throw new ProvisioningException($"Internal error: step '{step.Id}' carries no {typeof(T).Name}.");

    protected static T? PreviousOf<T>(Step step)
        where T : class, IDesiredResource => step.Previous as T;

    protected static bool Changes(Step step, string field) => step.Changes.Any(change => change.Field == field);

    protected static bool ChangesUnder(Step step, string prefix) => step.Changes.Any(change => change.Field.StartsWith(prefix, StringComparison.Ordinal));

    protected static Task<StepOutcome> Done => Task.FromResult(StepOutcome.Done);

    private Task<StepOutcome> Unsupported(Step step) =>
        throw new ProvisioningException($"Internal error: step '{step.Id}' asks {Kind} to {step.Verb}, which it cannot do.");
}
