using System.Diagnostics;

namespace FargateApi.Resilience.Tests.Support;

/// <summary>
/// Real time, sped up: every simulated second lasts 1/<c>factor</c> of a real one, for timers, timestamps and the wall
/// clock alike. Token buckets refill, backoffs and 15 s polls pass, and 50 concurrent stacks interleave as they would,
/// with AWS's own numbers (rates, RetryPolicy.Default, poll delays) left unchanged. A stepping clock would not do here:
/// with 50 stacks waiting at once it adds their delays up instead of overlapping them.
/// </summary>
internal sealed class AcceleratedClock(double factor) : TimeProvider
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly long _origin = Stopwatch.GetTimestamp();

    public double Factor => factor;

    public override long TimestampFrequency => Stopwatch.Frequency;

    public override long GetTimestamp() => (long)((Stopwatch.GetTimestamp() - _origin) * factor);

    public override DateTimeOffset GetUtcNow() => Epoch + Elapsed;

    /// <summary>Simulated time since the clock started.</summary>
    public TimeSpan Elapsed => TimeSpan.FromSeconds(GetTimestamp() / (double)Stopwatch.Frequency);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(System.CreateTimer(callback, state, Scale(dueTime), Scale(period)), this);

    private TimeSpan Scale(TimeSpan span) => span == Timeout.InfiniteTimeSpan ? span : span / factor;

    private sealed class ScaledTimer(ITimer inner, AcceleratedClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.Scale(dueTime), clock.Scale(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
