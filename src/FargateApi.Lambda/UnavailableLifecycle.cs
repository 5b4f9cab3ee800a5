using FargateApi.Properties;
using FargateApi.Provisioning;

namespace FargateApi.Lambda;

/// <summary>
/// Stands in until the provisioner is wired into <see cref="LifecycleFactory"/>: every operation fails with a plain
/// message, so a deployment of this build says what is missing instead of pretending to provision.
/// </summary>
internal sealed class UnavailableLifecycle : IResourceLifecycle
{
    public const string Message = "Provisioning is not available in this build of the FargateApi provider.";

    public Task<LifecycleOutcome> CreateAsync(ResourceIdentity identity, ServiceProperties properties, CancellationToken cancellationToken) =>
        throw new NotSupportedException(Message);

    public Task<LifecycleOutcome> UpdateAsync(ResourceIdentity identity, string physicalResourceId, ServiceProperties? oldProperties, ServiceProperties newProperties, CancellationToken cancellationToken) =>
        throw new NotSupportedException(Message);

    public Task DeleteAsync(ResourceIdentity identity, string physicalResourceId, ServiceProperties? properties, CancellationToken cancellationToken) =>
        throw new NotSupportedException(Message);
}
