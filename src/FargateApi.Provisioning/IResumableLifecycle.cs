using FargateApi.Properties;

namespace FargateApi.Provisioning;

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
