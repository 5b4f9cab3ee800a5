using FargateApi.Aws.Http;
using FargateApi.Aws.Protocols;

namespace FargateApi.Aws.Services.Sts;

/// <summary>STS over the awsQuery protocol (version 2011-06-15).</summary>
internal sealed class StsClient(IAwsCaller caller) : IStsClient
{
    public async Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken cancellationToken)
    {
        var result = await QueryProtocol.CallAsync(caller, AwsServices.Sts, QueryProtocol.Parameters(AwsServices.Sts, "GetCallerIdentity"), cancellationToken).ConfigureAwait(false);
        var arn = result.RequiredText("Arn");
        return new CallerIdentity(result.RequiredText("Account"), arn, result.Text("UserId") ?? "", PartitionOf(arn));
    }

    /// <summary>arn:PARTITION:service:region:account:resource.</summary>
    internal static string PartitionOf(string arn)
    {
        var parts = arn.Split(':', 3);
        return parts.Length == 3 && parts[0] == "arn" && parts[1].Length > 0
            ? parts[1]
            : throw new InvalidDataException($"'{arn}' is not an ARN.");
    }
}
