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
/// <param name="MaxThrottlingAttempts">Attempts allowed while the service keeps throttling: a throttle says "later", not "no",
/// and 50 stacks started at once against per-account API rates needed more than 8 in our concurrency test
/// (test/FargateApi.Resilience.Tests). <see cref="MaxTotalTime"/> and the caller's deadline still bound them.</param>
internal sealed record RetryPolicy(
    int MaxAttempts,
    TimeSpan BaseDelay,
    TimeSpan ThrottlingBaseDelay,
    TimeSpan MaxBackoff,
    TimeSpan MaxTotalTime,
    TimeSpan AttemptTimeout,
    int MaxThrottlingAttempts = 20)
{
    /// <summary>
    /// The most attempts one call can make, whatever its failures: a call the service keeps throttling goes on to
    /// <see cref="MaxThrottlingAttempts"/>, so this (not <see cref="MaxAttempts"/>) is the <c>max</c> the
    /// <c>amz-sdk-request</c> header announces.
    /// </summary>
    public int MostAttempts => Math.Max(MaxAttempts, MaxThrottlingAttempts);

    /// <summary>Whether attempt <paramref name="attempt"/> (1-based), which failed with <paramref name="kind"/>, may be followed by another.</summary>
    public bool AllowsRetryAfter(int attempt, RetryKind kind) => kind switch
    {
        RetryKind.None => false,
        RetryKind.Throttling => attempt < MostAttempts,
        _ => attempt < MaxAttempts,
    };

    /// <summary>
    /// 8 attempts (20 while throttled), 100 ms / 500 ms bases, 20 s cap, 5 min in total (a Lambda invocation lasts at most 15 min:
    /// https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html), 30 s per attempt
    /// (control-plane calls answer in well under a second; a stuck connection must not eat the deadline).
    /// </summary>
    public static RetryPolicy Default { get; } = new(
        MaxAttempts: 8,
        BaseDelay: TimeSpan.FromMilliseconds(100),
        ThrottlingBaseDelay: TimeSpan.FromMilliseconds(500),
        MaxBackoff: TimeSpan.FromSeconds(20),
        MaxTotalTime: TimeSpan.FromMinutes(5),
        AttemptTimeout: TimeSpan.FromSeconds(30));
}
