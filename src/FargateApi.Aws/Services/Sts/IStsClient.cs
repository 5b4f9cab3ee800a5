namespace FargateApi.Aws.Services.Sts;

/// <summary>The STS operation provisioning uses.</summary>
internal interface IStsClient
{
    Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken);
}
