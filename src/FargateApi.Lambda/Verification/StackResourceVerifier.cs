using FargateApi.Aws.Http;
using FargateApi.Aws.Services;
using FargateApi.Aws.Services.CloudFormation;
using FargateApi.Lambda.CloudFormation;
using FargateApi.Provisioning;

namespace FargateApi.Lambda.Verification;

/// <summary>
/// Asks CloudFormation itself (DescribeStackResource on the event's StackId and LogicalResourceId) whether the event fits
/// the stack resource (<see cref="StackResourceRule"/>). Throttling, 5xx and dropped connections are retried by the
/// caller's retry layer like every other call; what still fails after that is a FAILED answer saying the event could not
/// be verified (nothing changed), never taken for a forgery in the log.
/// </summary>
/// <param name="recheckDelay">A refused status is read once more after this: a read may lag the status change that
/// preceded the event ("eventual consistency" of describe calls), and refusing a real event fails a real stack.</param>
internal sealed class StackResourceVerifier(Func<ICloudFormationClient> client, TimeSpan recheckDelay, TimeProvider time) : IEventVerifier
{
    public static readonly TimeSpan DefaultRecheckDelay = TimeSpan.FromSeconds(2);

    public async Task VerifyAsync(ResourceIdentity identity, RequestType requestType, string? physicalResourceId, CancellationToken cancellationToken)
    {
        var refusal = Refusal(requestType, physicalResourceId, await DescribeAsync(identity, cancellationToken).ConfigureAwait(false));
        if (refusal is not null)
        {
            await Task.Delay(recheckDelay, time, cancellationToken).ConfigureAwait(false);
            refusal = Refusal(requestType, physicalResourceId, await DescribeAsync(identity, cancellationToken).ConfigureAwait(false));
        }

        if (refusal is not null)
        {
            throw new EventNotVerifiedException(Refused(requestType, refusal));
        }
    }

    private static string? Refusal(RequestType requestType, string? physicalResourceId, StackResourceDetail? resource) =>
        resource is null
            ? "CloudFormation knows no such stack resource."
            : StackResourceRule.Refusal(requestType, physicalResourceId, resource);

    /// <returns>Null when CloudFormation says the stack or the logical id does not exist.</returns>
    private async Task<StackResourceDetail?> DescribeAsync(ResourceIdentity identity, CancellationToken cancellationToken)
    {
        try
        {
            return await client().DescribeStackResourceAsync(identity.StackId, identity.LogicalResourceId, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException error) when (error.ErrorCode == AwsErrorCodes.CloudFormationValidationError
            && error.ErrorMessage.Contains("does not exist", StringComparison.Ordinal))
        {
            return null;
        }
        catch (AwsServiceException error) when (error.HttpStatus is 401 or 403)
        {
            // DescribeStackResource reads only this account's stacks: an event from another account cannot be shown to be CloudFormation's.
            throw new EventNotVerifiedException(
                $"The event could not be verified as CloudFormation's: the provider may not read stack {identity.StackId} ({error.ErrorCode}). " +
                "Stacks of other accounts cannot be verified; nothing was changed.", error);
        }
        catch (AwsServiceException error)
        {
            throw new EventNotVerifiedException($"The event could not be verified as CloudFormation's ({error.Message}); nothing was changed. Retry the stack operation.", error);
        }
    }

    private static string Refused(RequestType requestType, string why) =>
        $"Refused: this {EnumNames.Of(requestType)} event is not one CloudFormation is sending for its stack resource now. {why} Nothing was changed.";
}
