using FargateApi.Properties;

namespace FargateApi.Provisioning;

/// <summary>A lifecycle whose long waits can span several Lambda invocations.</summary>
public interface IResumableLifecycle : IResourceLifecycle
{
    /// <summary>
    /// Continues the operation a <see cref="LifecycleOutcome.Continuation"/> stood for, with the same event's values
    /// (<paramref name="physicalResourceId"/> and <paramref name="oldProperties"/> as the original Update had them; null on
    /// Create; on Delete the physical id and <paramref name="newProperties"/> as the Delete had them, null when they do not
    /// validate). Returns a result, another continuation, or an abandoned outcome; throws on failure, like the original.
    /// </summary>
    Task<LifecycleOutcome> ResumeAsync(
        ResourceIdentity identity,
        LifecycleContinuation continuation,
        string? physicalResourceId,
        ServiceProperties? oldProperties,
        ServiceProperties? newProperties,
        CancellationToken cancellationToken);
}
