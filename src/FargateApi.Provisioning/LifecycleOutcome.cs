namespace FargateApi.Provisioning;

/// <summary>What a finished operation reports back: the physical id and the <c>Fn::GetAtt</c> data.</summary>
/// <remarks>When <see cref="Continuation"/> is set the operation is not finished: the edge must not answer CloudFormation,
/// but hand the continuation (with the original event) to a new asynchronous invocation, which calls
/// <see cref="IResumableLifecycle.ResumeAsync"/>.</remarks>
public sealed record LifecycleOutcome(string PhysicalResourceId, IReadOnlyDictionary<string, string> Data)
{
    public LifecycleContinuation? Continuation { get; init; }

    public bool IsFinished => Continuation is null;
}
