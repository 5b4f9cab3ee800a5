using FargateApi.Lambda.CloudFormation;
using FargateApi.Provisioning;

namespace FargateApi.Lambda.Verification;

/// <summary>Shows that an event is CloudFormation's before the provider changes anything for it.</summary>
internal interface IEventVerifier
{
    /// <exception cref="EventNotVerifiedException">The event is not one CloudFormation sent now, or that could not be shown.</exception>
    Task VerifyAsync(ResourceIdentity identity, RequestType requestType, string? physicalResourceId, CancellationToken cancellationToken);
}
