namespace FargateApi.Aws.Retry;

/// <summary>
/// Exponential backoff with full jitter: a uniform draw from [0, min(cap, base * 2^(retry-1))).
/// Full jitter spreads parallel stacks that were throttled together ("Exponential Backoff And Jitter",
/// https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/).
/// </summary>
internal static class Backoff
{
    /// <param name="retry">1 for the first retry (after attempt 1 failed).</param>
    public static TimeSpan Compute(int retry, RetryKind kind, RetryPolicy policy, Random random)
    {
        TimeSpan baseDelay = kind == RetryKind.Throttling ? policy.ThrottlingBaseDelay : policy.BaseDelay;
        double ceilingMs = Math.Min(
            policy.MaxBackoff.TotalMilliseconds,
            baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30)));
        return TimeSpan.FromMilliseconds(random.NextDouble() * ceilingMs);
    }
}
