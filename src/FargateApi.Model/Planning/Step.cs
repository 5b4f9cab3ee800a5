using FargateApi.Desired;

namespace FargateApi.Planning;

/// <summary>
/// One step of a plan: a resource, a verb, the fields that move, what it waits for, and the condition it runs under. The
/// executor runs exactly the plan's steps, in its waves, dispatching on <see cref="Kind"/> and <see cref="Verb"/>.
/// </summary>
/// <param name="Id">Unique in its plan; <paramref name="DependsOn"/> lists ids.</param>
/// <param name="Action">The label people read (<c>authorize ingress</c>); it names one resource and verb.</param>
/// <param name="Target">The AWS name of what the step acts on, as printed.</param>
/// <param name="Note">Anything a reader of the plan needs to know about how the step runs.</param>
internal sealed record Step(
    string Id,
    StepAction Action,
    string Target,
    ValueList<string> DependsOn,
    string? Note = null,
    StepGuard Guard = StepGuard.Always)
{
    private readonly ResourceKind? _kind;

    /// <summary>The resource the step acts on; derived from <see cref="Action"/> unless the step says (tag steps do).</summary>
    public ResourceKind Kind
    {
        get => _kind ?? StepActions.KindOf(Action);
        init => _kind = value;
    }

    public Verb Verb => StepActions.VerbOf(Action);

    public WaitCondition Until => StepActions.UntilOf(Action);

    /// <summary>The resource as the step leaves it (for Delete: as it stands): what the executor sends.</summary>
    public IDesiredResource? Spec { get; init; }

    /// <summary>For updates and tags: the resource as it was, for what goes away (an old ingress rule, removed tags).</summary>
    public IDesiredResource? Previous { get; init; }

    /// <summary>For updates and tags: the fields that move, old → new; the executor makes exactly the calls they need.</summary>
    public ValueList<FieldChange> Changes { get; init; } = ValueList<FieldChange>.Empty;

    /// <summary>Which part of the resource, where it has several (a role's name, a scaling policy's name).</summary>
    public string? Member { get; init; }

    public bool Is(ResourceKind kind, Verb verb) => Kind == kind && Verb == verb;
}
