using FargateApi.Aws.Retry;

namespace FargateApi.Aws.Tests.Retry;

public sealed class RetryStatisticsTests
{
    [Fact]
    public void Concurrent_updates_are_all_counted_and_the_longest_backoff_kept()
    {
        var stats = new RetryStatistics();

        Parallel.For(0, 1000, i =>
        {
            stats.RecordCall();
            stats.RecordAttempt();
            stats.RecordRetry(i % 2 == 0 ? RetryKind.Throttling : RetryKind.Transient, TimeSpan.FromMilliseconds(i));
        });

        RetryStatisticsSnapshot snapshot = stats.Snapshot();
        Assert.Equal((1000L, 1000L, 1000L, 500L), (snapshot.Calls, snapshot.Attempts, snapshot.Retries, snapshot.ThrottlingRetries));
        Assert.Equal(TimeSpan.FromMilliseconds(999), snapshot.LongestBackoff);
        Assert.Equal(TimeSpan.FromMilliseconds(999 * 1000 / 2), snapshot.TotalBackoff);
    }
}
