using FargateApi.Aws.Services.Sts;
using FargateApi.Desired;

namespace FargateApi.Provisioning;

/// <summary>
/// The account and partition every ARN is built with: read off the Lambda's invoked function ARN
/// (<c>arn:partition:lambda:region:account:function:name</c>) when the edge has it, else STS GetCallerIdentity.
/// </summary>
internal static class EnvironmentResolver
{
    public static async Task<AwsEnvironment> ResolveAsync(ProvisionerOptions options, string? invokedFunctionArn, IStsClient sts, CancellationToken cancellationToken)
    {
        if (FromFunctionArn(invokedFunctionArn ?? options.FunctionArn, options.Region) is { } fromArn)
        {
            return fromArn;
        }

        var identity = await sts.GetCallerIdentityAsync(cancellationToken).ConfigureAwait(false);
        return new AwsEnvironment(identity.Partition, options.Region, identity.Account);
    }

    public static AwsEnvironment? FromFunctionArn(string? functionArn, string region)
    {
        var parts = functionArn?.Split(':');
        return parts is { Length: >= 7 } && parts[0] == "arn" && parts[2] == "lambda" && parts[4].Length == 12
            ? new AwsEnvironment(parts[1], region, parts[4])
            : null;
    }
}
