using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using FargateApi.Lambda.CloudFormation;
using FargateApi.Lambda.Tests.Loopback;

namespace FargateApi.Lambda.Tests.Hostile;

/// <summary>
/// The ResponseURL misbehaving for longer than DeliveryTests covers: many 503s, resets, a bucket that accepts and never
/// answers, a port nobody listens on. Whatever it does, the invocation reports to the Runtime API before its deadline,
/// and a response that never got through leaves a log that says how often it was tried and what went wrong last.
/// </summary>
public sealed class ResponseEndpointFailureTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(4);

    /// <summary>The production reserve for reporting to the Runtime API, not the test harness's shorter one.</summary>
    private static readonly HandlerOptions Options = ProviderHarness.TestOptions with { DeliveryReserve = HandlerOptions.FromEnvironment().DeliveryReserve };

    [Fact]
    public async Task Five_503s_then_200_deliver_exactly_one_response_before_the_deadline()
    {
        var senderOptions = ProviderHarness.FastRetries with { MaxAttempts = 8 };
        await using var provider = new ProviderHarness(options: Options, senderOptions: senderOptions);
        var failures = 5;
        provider.BucketReply = (_, _) => Task.FromResult(Reply.Status(Interlocked.Decrement(ref failures) >= 0 ? 503 : 200));
        var deadline = DateTimeOffset.UtcNow + Budget;

        var outcome = await provider.InvokeAsync(Events.Create(provider.ResponseUrl), Budget);

        Assert.Equal("response", outcome.Kind);
        Assert.Equal(6, provider.Puts.Count);
        Assert.Single(provider.Puts.Select(p => p.BodyText).Distinct());
        Assert.Single(provider.LogLines, l => Step(l) == "response.sent");
        Assert.Equal(6, Assert.Single(provider.LogLines, l => Step(l) == "response.sent").GetProperty("attempt").GetInt32());
        Assert.All(provider.Puts, put => Assert.True(put.ReceivedAt < deadline));
        AssertReportedBefore(provider, deadline);
    }

    [Fact]
    public async Task Resets_on_every_other_attempt_still_deliver_once()
    {
        await using var provider = new ProviderHarness(options: Options);
        var attempt = 0;
        provider.BucketReply = (_, _) => Task.FromResult(Interlocked.Increment(ref attempt) < 4 ? Reply.Reset : Reply.Status(200));
        var deadline = DateTimeOffset.UtcNow + Budget;

        var outcome = await provider.InvokeAsync(Events.Create(provider.ResponseUrl), Budget);

        Assert.Equal("response", outcome.Kind);
        Assert.Equal(4, provider.Puts.Count);
        Assert.Equal(3, provider.LogLines.Count(l => Step(l) == "response.attempt_failed"));
        AssertReportedBefore(provider, deadline);
    }

    [Fact]
    public async Task Bucket_that_always_resets_gives_up_saying_attempts_and_last_error()
    {
        await using var provider = new ProviderHarness(options: Options);
        provider.BucketReply = (_, _) => Task.FromResult(Reply.Reset);
        var deadline = DateTimeOffset.UtcNow + Budget;

        var outcome = await provider.InvokeAsync(Events.Create(provider.ResponseUrl), Budget);

        Assert.Equal("error", outcome.Kind);
        Assert.Equal("ResponseNotDelivered", outcome.ErrorType);
        var attempts = ProviderHarness.FastRetries.MaxAttempts;
        Assert.Equal(attempts, provider.Puts.Count);
        AssertGaveUp(provider, attempts, "attempts");
        var last = provider.LogLines.Last(l => Step(l) == "response.attempt_failed");
        Assert.Equal(attempts, last.GetProperty("attempt").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(last.GetProperty("error").GetString()));
        AssertReportedBefore(provider, deadline);
    }

    [Fact]
    public async Task Stalled_attempts_time_out_and_the_retry_delivers_before_the_deadline()
    {
        var senderOptions = ProviderHarness.FastRetries with { AttemptTimeout = TimeSpan.FromMilliseconds(400) };
        await using var provider = new ProviderHarness(options: Options, senderOptions: senderOptions);
        var stalls = 2;
        provider.BucketReply = async (_, cancellationToken) =>
        {
            if (Interlocked.Decrement(ref stalls) >= 0)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return Reply.Status(200);
        };
        var deadline = DateTimeOffset.UtcNow + Budget;

        var outcome = await provider.InvokeAsync(Events.Create(provider.ResponseUrl), Budget);

        Assert.Equal("response", outcome.Kind);
        Assert.Equal(3, provider.Puts.Count);
        var failures = provider.LogLines.Where(l => Step(l) == "response.attempt_failed").ToList();
        Assert.Equal(2, failures.Count);
        Assert.All(failures, f => Assert.StartsWith("no answer within 0.4", f.GetProperty("error").GetString(), StringComparison.Ordinal));
        AssertReportedBefore(provider, deadline);
    }

    [Fact]
    public async Task Bucket_that_never_answers_ends_the_invocation_before_its_deadline_even_with_the_default_attempt_timeout()
    {
        // The production sender: one attempt may take 10 s, longer than the whole budget here.
        await using var provider = new ProviderHarness(options: Options, senderOptions: ResponseSenderOptions.Default);
        provider.BucketReply = async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return Reply.Status(200);
        };
        var deadline = DateTimeOffset.UtcNow + Budget;

        var outcome = await provider.InvokeAsync(Events.Create(provider.ResponseUrl), Budget);

        Assert.Equal("error", outcome.Kind);
        Assert.Equal("ResponseNotDelivered", outcome.ErrorType);
        Assert.NotEmpty(provider.Puts);
        AssertGaveUp(provider, provider.Puts.Count, "deadline");
        Assert.Contains(provider.LogLines, l => Step(l) == "response.attempt_failed" && l.GetProperty("error").GetString()!.StartsWith("no answer within", StringComparison.Ordinal));
        AssertReportedBefore(provider, deadline);
    }

    [Fact]
    public async Task Port_with_nobody_listening_is_retried_then_given_up_before_the_deadline()
    {
        await using var provider = new ProviderHarness(options: Options);
        var deadline = DateTimeOffset.UtcNow + Budget;
        var closed = new Uri($"http://127.0.0.1:{UnusedPort()}/cfn-responses/shop/ApiService?X-Amz-Signature=closedportsecret");

        var outcome = await provider.InvokeAsync(Events.Create(closed), Budget);

        Assert.Equal("error", outcome.Kind);
        Assert.Equal("ResponseNotDelivered", outcome.ErrorType);
        AssertGaveUp(provider, ProviderHarness.FastRetries.MaxAttempts, "attempts");
        Assert.Contains(provider.LogLines, l => Step(l) == "response.attempt_failed" && l.GetProperty("error").GetString()!.Contains("ConnectionRefused", StringComparison.Ordinal));
        Assert.DoesNotContain("closedportsecret", provider.Logs, StringComparison.Ordinal);
        AssertReportedBefore(provider, deadline);
    }

    [Fact]
    public async Task Lifecycle_that_hangs_and_a_bucket_that_stalls_still_end_the_invocation_before_the_deadline()
    {
        var lifecycle = new FakeLifecycle { OnCreate = FakeLifecycle.Hang };
        var senderOptions = ProviderHarness.FastRetries with { AttemptTimeout = TimeSpan.FromSeconds(30) };
        await using var provider = new ProviderHarness(lifecycle, Options, senderOptions);
        provider.BucketReply = async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return Reply.Status(200);
        };
        var deadline = DateTimeOffset.UtcNow + Budget;

        var outcome = await provider.InvokeAsync(Events.Create(provider.ResponseUrl), Budget);

        Assert.Equal("error", outcome.Kind);
        Assert.Contains(provider.LogLines, l => Step(l) == "operation.timed_out");
        AssertGaveUp(provider, provider.Puts.Count, "deadline");
        AssertReportedBefore(provider, deadline);
    }

    private static string? Step(JsonElement line) => line.GetProperty("step").GetString();

    private static void AssertGaveUp(ProviderHarness provider, int attempts, string why)
    {
        var gaveUp = Assert.Single(provider.LogLines, l => Step(l) == "response.gave_up");
        Assert.Equal("error", gaveUp.GetProperty("level").GetString());
        Assert.Equal(attempts, gaveUp.GetProperty("attempts").GetInt32());
        Assert.Equal(why, gaveUp.GetProperty("why").GetString());
    }

    /// <summary>Lambda kills the function at its deadline: the report must already be in.</summary>
    private static void AssertReportedBefore(ProviderHarness provider, DateTimeOffset deadline)
    {
        var report = Assert.Single(provider.RuntimeRequests, r => r.Method == "POST" && (r.Target.EndsWith("/response", StringComparison.Ordinal) || r.Target.EndsWith("/error", StringComparison.Ordinal)));
        Assert.True(report.ReceivedAt < deadline, $"reported {(report.ReceivedAt - deadline).TotalMilliseconds:0} ms after the deadline");
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
