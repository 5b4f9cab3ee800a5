namespace FargateApi.Provisioning;

/// <summary>Which CloudFormation resource an event is about; every AWS resource we make is tagged with these.</summary>
public sealed record ResourceIdentity(string StackId, string LogicalResourceId, string RequestId)
{
    /// <summary>
    /// When this invocation must have answered (the Lambda deadline less the edge's safety margin). A wait that would run
    /// past it returns a <see cref="LifecycleOutcome.Continuation"/> instead of a result. Null: only the cancellation
    /// token bounds the work.
    /// </summary>
    public DateTimeOffset? InvocationDeadline { get; init; }
}
