using FargateApi.Properties;

namespace FargateApi.Provisioning;

/// <summary>Which CloudFormation resource an event is about; every AWS resource we make is tagged with these.</summary>
public sealed record ResourceIdentity(string StackId, string LogicalResourceId, string RequestId);

/// <summary>What a finished operation reports back: the physical id and the <c>Fn::GetAtt</c> data.</summary>
public sealed record LifecycleOutcome(string PhysicalResourceId, IReadOnlyDictionary<string, string> Data);

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
