namespace FargateApi.Provisioning;

/// <summary>What a finished operation reports back: the physical id and the <c>Fn::GetAtt</c> data.</summary>
/// <remarks>When <see cref="Continuation"/> is set the operation is not finished: the edge must not answer CloudFormation,
/// but hand the continuation (with the original event) to a new asynchronous invocation, which calls
/// <see cref="IResumableLifecycle.ResumeAsync"/>. When <see cref="Abandoned"/> is set, CloudFormation has moved on (the
/// resource was deleted or the operation given up while this one waited): nothing more is done and nobody is answered.</remarks>
public sealed record LifecycleOutcome(string PhysicalResourceId, IReadOnlyDictionary<string, string> Data)
{
    public LifecycleContinuation? Continuation { get; init; }

    /// <summary>Why the operation stopped without an answer; null when it answers (or continues).</summary>
    public string? Abandoned { get; init; }

    public bool IsFinished => Continuation is null;

    public static LifecycleOutcome Empty(string physicalResourceId) => new(physicalResourceId, new Dictionary<string, string>());
}
