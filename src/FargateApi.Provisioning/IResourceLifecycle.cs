using FargateApi.Properties;

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

/// <summary>What a finished operation reports back: the physical id and the <c>Fn::GetAtt</c> data.</summary>
/// <remarks>When <see cref="Continuation"/> is set the operation is not finished: the edge must not answer CloudFormation,
/// but hand the continuation (with the original event) to a new asynchronous invocation, which calls
/// <see cref="IResumableLifecycle.ResumeAsync"/>.</remarks>
public sealed record LifecycleOutcome(string PhysicalResourceId, IReadOnlyDictionary<string, string> Data)
{
    public LifecycleContinuation? Continuation { get; init; }

    public bool IsFinished => Continuation is null;
}

/// <summary>
/// The seam between the CloudFormation protocol (edge) and provisioning (core): properties arrive validated;
/// failures are thrown with a message fit for the CloudFormation Reason. The token fires before the deadline.
/// </summary>
public interface IResourceLifecycle
{
    Task<LifecycleOutcome> CreateAsync(ResourceIdentity identity, ServiceProperties properties, CancellationToken cancellationToken);

    /// <param name="oldProperties">Null when the previous properties no longer validate (written for an older version of the provider).</param>
    Task<LifecycleOutcome> UpdateAsync(ResourceIdentity identity, string physicalResourceId, ServiceProperties? oldProperties, ServiceProperties newProperties, CancellationToken cancellationToken);

    /// <param name="properties">Null when the properties do not validate (a Create that failed validation): delete by tags alone.</param>
    Task DeleteAsync(ResourceIdentity identity, string physicalResourceId, ServiceProperties? properties, CancellationToken cancellationToken);
}

/// <summary>A lifecycle whose long waits can span several Lambda invocations.</summary>
public interface IResumableLifecycle : IResourceLifecycle
{
    /// <summary>
    /// Continues the operation a <see cref="LifecycleOutcome.Continuation"/> stood for, with the same event's values
    /// (<paramref name="physicalResourceId"/> and <paramref name="oldProperties"/> as the original Update had them; null on Create).
    /// Returns a result, or another continuation; throws on failure, like the original operation.
    /// </summary>
    Task<LifecycleOutcome> ResumeAsync(
        ResourceIdentity identity,
        LifecycleContinuation continuation,
        string? physicalResourceId,
        ServiceProperties? oldProperties,
        ServiceProperties newProperties,
        CancellationToken cancellationToken);
}
