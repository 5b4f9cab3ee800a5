namespace FargateApi.Simulation.Faults;

/// <summary>
/// Token buckets per API, like the ones AWS documents for EC2 and ECS (a burst capacity refilled at a steady rate).
/// Time comes from the simulation's <see cref="TimeProvider"/>: under a frozen fake clock a bucket never refills,
/// so "the (burst+1)-th call is throttled" is deterministic.
/// </summary>
public sealed class RateLimiter
{
    private readonly Lock _sync = new();
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

    internal RateLimiter(TimeProvider time) => _time = time;

    /// <summary>Limit one operation of a service (<paramref name="operation"/> null: every operation of it shares one bucket).</summary>
    public RateLimiter Limit(string service, string? operation, double ratePerSecond, int burst)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(ratePerSecond);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        lock (_sync)
        {
            _buckets[KeyOf(service, operation)] = new Bucket(ratePerSecond, burst, burst, _time.GetTimestamp());
        }

        return this;
    }

    /// <summary>Takes a token; false when the call must be throttled.</summary>
    internal bool TryAcquire(string service, string operation)
    {
        lock (_sync)
        {
            return TryTake(KeyOf(service, operation)) && TryTake(KeyOf(service, null));
        }
    }

    private bool TryTake(string key)
    {
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            return true;
        }

        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(bucket.LastRefill, now).TotalSeconds;
        var tokens = Math.Min(bucket.Burst, bucket.Tokens + (elapsed * bucket.RatePerSecond));
        if (tokens < 1)
        {
            _buckets[key] = bucket with { Tokens = tokens, LastRefill = now };
            return false;
        }

        _buckets[key] = bucket with { Tokens = tokens - 1, LastRefill = now };
        return true;
    }

    private static string KeyOf(string service, string? operation) => $"{service}/{operation ?? "*"}";

    private sealed record Bucket(double RatePerSecond, int Burst, double Tokens, long LastRefill);
}
