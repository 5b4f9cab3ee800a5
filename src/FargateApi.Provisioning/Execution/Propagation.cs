using FargateApi.Aws.Services;

namespace FargateApi.Provisioning.Execution;

/// <summary>
/// A write that AWS refuses for a while after what it names was made, because the other service has not seen it yet. Only
/// the refusals reported as propagation are retried, for at most <see cref="ReadAfterWrite.Bound"/> (terraform-provider-aws
/// retries the same errors for its 2-minute IAM propagation timeout, PR #3535): anything else, or the same refusal after
/// the bound, reaches the caller as AWS gave it.
/// </summary>
internal static class Propagation
{
    /// <summary>
    /// iam:PassRole denied on a role created moments ago: the caller's PassRole check does not see it yet ("User: … is not
    /// authorized to perform: iam:PassRole on resource: …" in the same second as CreateRole, fine on a re-run:
    /// terraform-aws-modules/terraform-aws-ecs#414; IAM: "changes … take time to become visible",
    /// https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_general.html#troubleshoot_general_eventual-consistency).
    /// </summary>
    public static bool PassRoleNotYetVisible(Exception error) =>
        error.Is("AccessDeniedException", "AccessDenied") && error.Message.Contains("iam:PassRole", StringComparison.Ordinal);

    /// <summary>
    /// CreateService naming a target group whose listener rule was made just before: "The target group with targetGroupArn …
    /// does not have an associated load balancer." although the rule exists (aws-samples/ecs-refarch-cloudformation PR #5,
    /// aws-cloudformation/cloudformation-coverage-roadmap#1868).
    /// </summary>
    public static bool TargetGroupNotYetAssociated(Exception error) =>
        error.Is(AwsErrorCodes.EcsInvalidParameter) && error.Message.Contains("does not have an associated load balancer", StringComparison.Ordinal);

    /// <summary>Runs <paramref name="call"/>, again after each refusal <paramref name="isLag"/> recognises, backing off from
    /// <see cref="ProvisionerOptions.ConsistencyDelay"/>, until it succeeds, fails otherwise or the bound (or the
    /// operation's deadline) would pass.</summary>
    public static async Task<T> RetryAsync<T>(StackRun run, Func<CancellationToken, Task<T>> call, Func<Exception, bool> isLag, CancellationToken cancellationToken)
    {
        var giveUpAt = Min(run.Time.GetUtcNow() + ReadAfterWrite.Bound, run.Budget.Deadline);
        var delay = run.Options.ConsistencyDelay;
        while (true)
        {
            try
            {
                return await call(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (isLag(error) && run.Time.GetUtcNow() + delay < giveUpAt)
            {
                await Task.Delay(delay, run.Time, cancellationToken).ConfigureAwait(false);
                delay = Min(delay * 2, run.Options.ConsistencyDelay * 4);
            }
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
