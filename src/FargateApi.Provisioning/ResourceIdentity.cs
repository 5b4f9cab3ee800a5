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

    /// <summary>
    /// When CloudFormation made the request (its clock: the signing time of the ResponseURL), from which its ServiceTimeout
    /// runs. Null: unknown, and the first invocation's own start stands in for it.
    /// </summary>
    public DateTimeOffset? RequestedAt { get; init; }

    /// <summary>The invoked function's ARN, which names the account and partition (no STS call is needed for them).</summary>
    public string? FunctionArn { get; init; }
}
