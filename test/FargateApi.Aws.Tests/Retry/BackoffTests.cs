using FargateApi.Aws.Retry;
using FargateApi.Aws.Tests.Support;

namespace FargateApi.Aws.Tests.Retry;

public sealed class BackoffTests
{
    private static readonly RetryPolicy Policy = RetryPolicy.Default;

    [Theory]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(5, 1600)]
    [InlineData(8, 12800)]
    [InlineData(9, 20000)]
    [InlineData(40, 20000)]
    public void Transient_ceiling_doubles_from_100_ms_up_to_the_20_s_cap(int retry, double ceilingMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(ceilingMs), Backoff.Compute(retry, RetryKind.Transient, Policy, new FixedRandom(1.0)));
    }

    [Theory]
    [InlineData(1, 500)]
    [InlineData(3, 2000)]
    [InlineData(7, 20000)]
    public void Throttling_ceiling_starts_at_500_ms(int retry, double ceilingMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(ceilingMs), Backoff.Compute(retry, RetryKind.Throttling, Policy, new FixedRandom(1.0)));
    }

    [Fact]
    public void Full_jitter_spreads_draws_over_the_whole_range_and_a_seed_repeats_them()
    {
        TimeSpan[] first = Enumerable.Range(0, 2000).Select(_ => TimeSpan.Zero).ToArray();
        var random = new Random(1234);
        for (int i = 0; i < first.Length; i++)
        {
            first[i] = Backoff.Compute(4, RetryKind.Transient, Policy, random);
        }

        var again = new Random(1234);
        TimeSpan[] second = first.Select(_ => Backoff.Compute(4, RetryKind.Transient, Policy, again)).ToArray();

        Assert.Equal(first, second);
        Assert.All(first, d => Assert.InRange(d.TotalMilliseconds, 0, 800));
        Assert.True(first.Min().TotalMilliseconds < 40, "full jitter reaches near zero");
        Assert.True(first.Max().TotalMilliseconds > 760, "full jitter reaches near the ceiling");
    }
}
