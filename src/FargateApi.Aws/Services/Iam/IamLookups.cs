using FargateApi.Aws.Http;

namespace FargateApi.Aws.Services.Iam;

/// <summary>Find-by-name reads that make create steps re-runnable: "absent" is a value here, not an error.</summary>
internal static class IamLookups
{
    public static async Task<IamRole?> FindRoleAsync(this IIamClient client, string roleName, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetRoleAsync(roleName, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException ex) when (ex.ErrorCode == AwsErrorCodes.IamNoSuchEntity)
        {
            return null;
        }
    }
}
