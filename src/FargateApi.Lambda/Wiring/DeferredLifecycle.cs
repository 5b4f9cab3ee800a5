using FargateApi.Properties;
using FargateApi.Provisioning;

namespace FargateApi.Lambda.Wiring;

/// <summary>
/// Builds the real lifecycle at the first event instead of at start-up. A configuration problem (no credentials, no
/// region) thrown during init would go to /runtime/init/error, and CloudFormation would get no answer at all and wait
/// up to an hour (research pitfall 2); thrown here it becomes the FAILED Reason of the event. Events that need no AWS
/// call (invalid properties) are answered without it. A failed build is not cached: the next event tries again.
/// </summary>
internal sealed class DeferredLifecycle(Func<IResumableLifecycle> build) : IResumableLifecycle
{
    private readonly Lazy<IResumableLifecycle> _lifecycle = new(build, LazyThreadSafetyMode.PublicationOnly);

    public Task<LifecycleOutcome> CreateAsync(ResourceIdentity identity, ServiceProperties properties, CancellationToken cancellationToken) =>
        _lifecycle.Value.CreateAsync(identity, properties, cancellationToken);

    public Task<LifecycleOutcome> UpdateAsync(ResourceIdentity identity, string physicalResourceId, ServiceProperties? oldProperties, ServiceProperties newProperties, CancellationToken cancellationToken) =>
        _lifecycle.Value.UpdateAsync(identity, physicalResourceId, oldProperties, newProperties, cancellationToken);

    public Task<LifecycleOutcome> DeleteAsync(ResourceIdentity identity, string physicalResourceId, ServiceProperties? properties, CancellationToken cancellationToken) =>
        _lifecycle.Value.DeleteAsync(identity, physicalResourceId, properties, cancellationToken);

    public Task<LifecycleOutcome> ResumeAsync(
        ResourceIdentity identity,
        LifecycleContinuation continuation,
        string? physicalResourceId,
        ServiceProperties? oldProperties,
        ServiceProperties? newProperties,
        CancellationToken cancellationToken) =>
        _lifecycle.Value.ResumeAsync(identity, continuation, physicalResourceId, oldProperties, newProperties, cancellationToken);
}
