using FargateApi.Desired;

namespace FargateApi.Planning;

internal enum PlanKind
{
    Create,
    UpdateInPlace,
    Replace,

    /// <summary>The rollback of a replacement: the generation that kept serving takes its priority and log group back.</summary>
    Revive,
    Delete,
}

/// <summary>
/// What an operation will do, as a pure value: per-resource changes (for people) and dependent steps (for the
/// executor). Rendering is stable (<see cref="PlanPrinter"/>), so a CLI can print it and tests can snapshot it.
/// </summary>
/// <param name="Stack">The stack the steps act on: the new one for Create, Update and Replace; the current one for Delete.</param>
/// <param name="Previous">For Update and Replace: the stack before.</param>
/// <param name="Reasons">For Replace: each property that cannot change in place, with its old → new value.</param>
internal sealed record Plan(
    PlanKind Kind,
    DesiredStack Stack,
    DesiredStack? Previous,
    ValueList<ResourceChange> Changes,
    ValueList<Step> Steps,
    ValueList<string> Reasons)
{
    public static Plan ForCreate(DesiredStack desired) => CreatePlanner.Plan(desired);

    public static Plan ForDelete(DesiredStack current) => DeletePlanner.Plan(current);

    /// <summary>Every resource of <paramref name="desired"/> made or brought in line, after an Update's reads found nothing to update.</summary>
    public static Plan ForEnsure(DesiredStack desired) => CreatePlanner.PlanAfterReads(desired);

    /// <summary>
    /// The way from <paramref name="current"/> to <paramref name="next"/>: in place where AWS allows it, otherwise a
    /// replacement at the next generation (whatever generation <paramref name="next"/> was derived at).
    /// </summary>
    public static Plan ForUpdate(DesiredStack current, DesiredStack next) => UpdatePlanner.Plan(current, next);

    /// <summary>The way back to <paramref name="serving"/>, the generation that kept serving while a replacement was built, after
    /// the reads of the update from <paramref name="current"/> to <paramref name="next"/> that found it.</summary>
    public static Plan ForRevive(DesiredStack serving, DesiredStack current, DesiredStack next) => RevivePlanner.Plan(serving, current, next);

    public ValueList<ValueList<Step>> Waves => DependencyGraph.Waves(Steps);

    /// <summary>The number of waves: the lower bound of the operation's time in per-call latencies.</summary>
    public int Depth => Waves.Count;

    /// <summary>Nothing to change: no step but the reads the plan was derived from.</summary>
    public bool IsEmpty => Steps.All(step => step.Verb == Verb.Read);

    /// <summary>Limits the stack to be made would break (<see cref="DesiredStackLimits"/>); an executor must not start when any.
    /// Always empty for Delete: what exists is deleted whatever its shape.</summary>
    public ValueList<string> Problems => Kind == PlanKind.Delete ? ValueList<string>.Empty : DesiredStackLimits.Problems(Stack);

    /// <summary>The physical resource id to report: a replacement's is new, which makes CloudFormation delete the old one later.</summary>
    public string PhysicalResourceId => Stack.PhysicalResourceId;

    public override string ToString() => PlanPrinter.Print(this);
}
