using FargateApi.Lambda.CloudFormation;
using FargateApi.Properties;
using FargateApi.Provisioning;

namespace FargateApi.Lambda.Verification;

/// <summary>
/// The lifecycle behind a check that the event is CloudFormation's (<see cref="IEventVerifier"/>), made just before the
/// first AWS call that could change anything: events answered without one (invalid properties, a wrong resource type)
/// cost no call, and a forged event reaches no AWS API but DescribeStackResource. A resumed operation is not verified
/// again: its continuation is signed by the provider (<see cref="Continuation.ContinuationSignature"/>), which verified the
/// event before it started the operation.
/// </summary>
internal sealed class VerifiedLifecycle(IResumableLifecycle inner, IEventVerifier verifier) : IResumableLifecycle
{
    public async Task<LifecycleOutcome> CreateAsync(ResourceIdentity identity, ServiceProperties properties, CancellationToken cancellationToken)
    {
        await verifier.VerifyAsync(identity, RequestType.Create, null, cancellationToken).ConfigureAwait(false);
        return await inner.CreateAsync(identity, properties, cancellationToken).ConfigureAwait(false);
    }

    public async Task<LifecycleOutcome> UpdateAsync(ResourceIdentity identity, string physicalResourceId, ServiceProperties? oldProperties, ServiceProperties newProperties, CancellationToken cancellationToken)
    {
        await verifier.VerifyAsync(identity, RequestType.Update, physicalResourceId, cancellationToken).ConfigureAwait(false);
        return await inner.UpdateAsync(identity, physicalResourceId, oldProperties, newProperties, cancellationToken).ConfigureAwait(false);
    }

    public async Task<LifecycleOutcome> DeleteAsync(ResourceIdentity identity, string physicalResourceId, ServiceProperties? properties, CancellationToken cancellationToken)
    {
        await verifier.VerifyAsync(identity, RequestType.Delete, physicalResourceId, cancellationToken).ConfigureAwait(false);
        return await inner.DeleteAsync(identity, physicalResourceId, properties, cancellationToken).ConfigureAwait(false);
    }

    public Task<LifecycleOutcome> ResumeAsync(
        ResourceIdentity identity,
        LifecycleContinuation continuation,
        string? physicalResourceId,
        ServiceProperties? oldProperties,
        ServiceProperties? newProperties,
        CancellationToken cancellationToken) =>
        inner.ResumeAsync(identity, continuation, physicalResourceId, oldProperties, newProperties, cancellationToken);
}
