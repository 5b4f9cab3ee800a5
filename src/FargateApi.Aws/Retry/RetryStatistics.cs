namespace FargateApi.Aws.Retry;

/// <summary>Counters of one caller, safe to update from concurrent calls; read with <see cref="Snapshot"/>.</summary>
internal sealed class RetryStatistics
{
    private long _calls;
    private long _attempts;
    private long _retries;
    private long _throttlingRetries;
    private long _failedCalls;
    private long _totalBackoffTicks;
    private long _longestBackoffTicks;

    public void RecordCall() => Interlocked.Increment(ref _calls);

    public void RecordAttempt() => Interlocked.Increment(ref _attempts);

    public void RecordFailure() => Interlocked.Increment(ref _failedCalls);

    public void RecordRetry(RetryKind kind, TimeSpan backoff)
    {
        Interlocked.Increment(ref _retries);
        if (kind == RetryKind.Throttling)
        {
            Interlocked.Increment(ref _throttlingRetries);
        }

        Interlocked.Add(ref _totalBackoffTicks, backoff.Ticks);
        long longest = Volatile.Read(ref _longestBackoffTicks);
        while (backoff.Ticks > longest)
        {
            long seen = Interlocked.CompareExchange(ref _longestBackoffTicks, backoff.Ticks, longest);
            if (seen == longest)
            {
                break;
            }

            longest = seen;
        }
    }

    public RetryStatisticsSnapshot Snapshot() => new(
        Interlocked.Read(ref _calls),
        Interlocked.Read(ref _attempts),
        Interlocked.Read(ref _retries),
        Interlocked.Read(ref _throttlingRetries),
        Interlocked.Read(ref _failedCalls),
        TimeSpan.FromTicks(Interlocked.Read(ref _totalBackoffTicks)),
        TimeSpan.FromTicks(Interlocked.Read(ref _longestBackoffTicks)));
}

/// <summary>The counters at one moment. Calls = logical calls; Attempts = HTTP requests sent (or tried).</summary>
internal sealed record RetryStatisticsSnapshot(
    long Calls,
    long Attempts,
    long Retries,
    long ThrottlingRetries,
    long FailedCalls,
    TimeSpan TotalBackoff,
    TimeSpan LongestBackoff);
