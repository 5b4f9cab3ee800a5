namespace FargateApi.Aws.Retry;

/// <summary>
/// How hard one logical call tries. Defaults follow the SDKs' "standard" retry mode, stretched for a provisioning
/// Lambda that would rather wait than fail a CloudFormation stack: base 100 ms doubling with full jitter, capped at 20 s
/// (standard mode: "Exponential backoff with a max backoff of 20 seconds"; base 100 ms in botocore's
/// retries/standard.py), throttling starting higher at 500 ms (the SDK for Java's throttled base delay),
/// 8 attempts instead of 3 (parallel stacks hit "Rate exceeded": aws/aws-cdk#26858 was fixed by raising maxRetries).
/// Source: https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html
/// </summary>
/// <param name="MaxAttempts">Attempts including the first.</param>
/// <param name="BaseDelay">Backoff base for transient errors (5xx, timeouts, dropped connections).</param>
/// <param name="ThrottlingBaseDelay">Backoff base for throttling errors.</param>
/// <param name="MaxBackoff">Cap of one backoff, before jitter.</param>
/// <param name="MaxTotalTime">No retry starts whose backoff would end later than this after the first attempt began.</param>
/// <param name="AttemptTimeout">One attempt (send and read the whole response) gives up after this; it is then retried.</param>
internal sealed record RetryPolicy(
    int MaxAttempts,
    TimeSpan BaseDelay,
    TimeSpan ThrottlingBaseDelay,
    TimeSpan MaxBackoff,
    TimeSpan MaxTotalTime,
    TimeSpan AttemptTimeout)
{
    /// <summary>
    /// 8 attempts, 100 ms / 500 ms bases, 20 s cap, 2 min in total (a Lambda invocation lasts at most 15 min:
    /// https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html), 30 s per attempt
    /// (control-plane calls answer in well under a second; a stuck connection must not eat the deadline).
    /// </summary>
    public static RetryPolicy Default { get; } = new(
        MaxAttempts: 8,
        BaseDelay: TimeSpan.FromMilliseconds(100),
        ThrottlingBaseDelay: TimeSpan.FromMilliseconds(500),
        MaxBackoff: TimeSpan.FromSeconds(20),
        MaxTotalTime: TimeSpan.FromMinutes(2),
        AttemptTimeout: TimeSpan.FromSeconds(30));
}
