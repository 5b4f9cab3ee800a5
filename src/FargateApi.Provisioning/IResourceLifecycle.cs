using FargateApi.Properties;

namespace FargateApi.Provisioning;

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
    /// <returns>The outcome: finished (everything is gone), or a continuation (task network interfaces still hold the
    /// security group when this invocation ends).</returns>
    Task<LifecycleOutcome> DeleteAsync(ResourceIdentity identity, string physicalResourceId, ServiceProperties? properties, CancellationToken cancellationToken);
}
