using FargateApi.Aws.Http;
using FargateApi.Aws.Retry;
using FargateApi.Aws.Tests.Support;

namespace FargateApi.Aws.Tests.Http;

public sealed class DeadlineTests
{
    private static readonly ServerReply Unavailable = ServerReply.Text(503, "", "text/plain");

    [Fact]
    public async Task Cancellation_during_backoff_stops_retrying_and_keeps_the_last_error()
    {
        await using var server = LoopbackAwsServer.Scripted(Unavailable);
        using var cts = new CancellationTokenSource();
        int delays = 0;
        var caller = new WireHarness().Caller(server, delay: (_, token) =>
        {
            // The caller's deadline passes during the second backoff.
            if (++delays == 2)
            {
                cts.Cancel();
            }

            token.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        });

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => caller.SendAsync(TestServices.Ecs, TestServices.Json(TestServices.Ecs, "ListClusters"), cts.Token));

        Assert.Equal(2, server.Requests.Count);
        var last = Assert.IsType<AwsServiceException>(cancelled.InnerException);
        Assert.Equal(503, last.HttpStatus);
        Assert.Equal(1, caller.Statistics.Snapshot().FailedCalls);
    }

    [Fact]
    public async Task Already_cancelled_call_sends_nothing()
    {
        await using var server = LoopbackAwsServer.Scripted(ServerReply.Ok());
        var caller = new WireHarness().Caller(server);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => caller.SendAsync(TestServices.Ecs, TestServices.Json(TestServices.Ecs, "ListClusters"), new CancellationToken(canceled: true)));

        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData(0.9, 1)] // backoff 90 ms would end after the 50 ms deadline: give up at once
    [InlineData(0.1, 2)] // backoff 10 ms ends before it: retry
    public async Task No_backoff_is_started_that_would_end_after_the_explicit_deadline(double jitter, int expectedRequests)
    {
        await using var server = LoopbackAwsServer.Scripted(Unavailable, ServerReply.Ok());
        var clock = new FixedTimeProvider(DateTimeOffset.UnixEpoch.AddDays(20000));
        var harness = new WireHarness();
        var caller = harness.Caller(server, clock: clock, random: new FixedRandom(jitter));
        DateTimeOffset deadline = clock.Now.AddMilliseconds(50);

        try
        {
            await caller.SendAsync(TestServices.Ecs, TestServices.Json(TestServices.Ecs, "ListClusters"), deadline, CancellationToken.None);
        }
        catch (AwsServiceException error)
        {
            Assert.Equal(503, error.HttpStatus);
        }

        Assert.Equal(expectedRequests, server.Requests.Count);
        Assert.Equal(expectedRequests - 1, harness.Delays.Count);
    }

    [Fact]
    public async Task No_backoff_is_started_past_the_total_retry_time()
    {
        await using var server = LoopbackAwsServer.Scripted(Unavailable);
        var clock = new FixedTimeProvider(DateTimeOffset.UnixEpoch.AddDays(20000));
        var harness = new WireHarness();
        var policy = RetryPolicy.Default with { MaxTotalTime = TimeSpan.FromSeconds(1) };
        var caller = harness.Caller(server, policy: policy, clock: clock, random: new FixedRandom(0.99), delay: (d, _) =>
        {
            harness.Delays.Add(d);
            clock.Now += d;
            return Task.CompletedTask;
        });

        await Assert.ThrowsAsync<AwsServiceException>(
            () => caller.SendAsync(TestServices.Ecs, TestServices.Json(TestServices.Ecs, "ListClusters"), CancellationToken.None));

        // 99, 198, 396 ms fit in one second (693 ms); the next, 792 ms, would end at 1485 ms.
        Assert.Equal(4, server.Requests.Count);
        Assert.True(harness.Delays.Sum(d => d.TotalMilliseconds) <= 1000);
    }
}
