using System.Text;
using System.Text.Json;
using FargateApi.Lambda.CloudFormation;
using FargateApi.Lambda.Tests.Loopback;
using FargateApi.Provisioning;

namespace FargateApi.Lambda.Tests;

/// <summary>The response PUT as it goes on the wire: headers, size, retries, and where it is refused.</summary>
public class DeliveryTests
{
    [Fact]
    public async Task Put_carries_an_empty_content_type_header_on_the_wire()
    {
        await using var provider = new ProviderHarness();

        await provider.InvokeAsync(Events.Create(provider.ResponseUrl));

        var put = Assert.Single(provider.Puts);
        Assert.Contains("\r\nContent-Type: \r\n", put.RawHead + "\r\n", StringComparison.OrdinalIgnoreCase);
        Assert.Equal(string.Empty, put.Header("Content-Type"));
        Assert.Equal(put.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), put.Header("Content-Length"));
        Assert.Equal("/cfn-responses/shop/ApiService?X-Amz-Signature=s3cr3tsignature&X-Amz-Expires=7200", put.Target);
    }

    [Fact]
    public async Task Put_is_retried_on_503_until_the_bucket_accepts_it()
    {
        await using var provider = new ProviderHarness();
        var answers = new Queue<int>([503, 503, 200]);
        provider.BucketReply = (_, _) => Task.FromResult(Reply.Status(answers.Dequeue()));

        var outcome = await provider.InvokeAsync(Events.Create(provider.ResponseUrl));

        Assert.Equal("response", outcome.Kind);
        Assert.Equal(3, provider.Puts.Count);
        Assert.Single(provider.Puts.Select(p => Encoding.UTF8.GetString(p.Body)).Distinct());
        Assert.Equal(2, provider.LogLines.Count(l => l.GetProperty("step").GetString() == "response.attempt_failed"));
    }

    [Fact]
    public async Task Put_is_retried_after_a_connection_reset()
    {
        await using var provider = new ProviderHarness();
        var resets = 1;
        provider.BucketReply = (_, _) => Task.FromResult(Interlocked.Decrement(ref resets) >= 0 ? Reply.Reset : Reply.Status(200));

        var outcome = await provider.InvokeAsync(Events.Create(provider.ResponseUrl));

        Assert.Equal("response", outcome.Kind);
        Assert.Equal(2, provider.Puts.Count);
    }

    [Fact]
    public async Task Put_that_gets_no_answer_is_retried_after_the_attempt_timeout()
    {
        var senderOptions = ProviderHarness.FastRetries with { AttemptTimeout = TimeSpan.FromMilliseconds(300) };
        await using var provider = new ProviderHarness(senderOptions: senderOptions);
        var silent = 1;
        provider.BucketReply = async (_, cancellationToken) =>
        {
            if (Interlocked.Decrement(ref silent) >= 0)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return Reply.Status(200);
        };

        var outcome = await provider.InvokeAsync(Events.Create(provider.ResponseUrl));

        Assert.Equal("response", outcome.Kind);
        Assert.Equal(2, provider.Puts.Count);
    }

    [Fact]
    public async Task Put_rejected_with_403_is_not_retried_and_the_invocation_errors()
    {
        await using var provider = new ProviderHarness();
        provider.BucketReply = (_, _) => Task.FromResult(Reply.Status(403, "<Error><Code>SignatureDoesNotMatch</Code></Error>"));

        var outcome = await provider.InvokeAsync(Events.Create(provider.ResponseUrl));

        Assert.Equal("error", outcome.Kind);
        Assert.Equal("ResponseNotDelivered", outcome.ErrorType);
        Assert.Single(provider.Puts);
    }

    [Fact]
    public async Task Put_retries_stop_at_the_attempt_limit()
    {
        await using var provider = new ProviderHarness();
        provider.BucketReply = (_, _) => Task.FromResult(Reply.Status(500));

        var outcome = await provider.InvokeAsync(Events.Create(provider.ResponseUrl));

        Assert.Equal("error", outcome.Kind);
        Assert.Equal(ProviderHarness.FastRetries.MaxAttempts, provider.Puts.Count);
    }

    [Fact]
    public async Task Put_retries_stop_before_the_lambda_deadline()
    {
        var senderOptions = ProviderHarness.FastRetries with { MaxAttempts = int.MaxValue };
        await using var provider = new ProviderHarness(senderOptions: senderOptions);
        provider.BucketReply = (_, _) => Task.FromResult(Reply.Status(503));
        var budget = TimeSpan.FromSeconds(2);
        var deadline = DateTimeOffset.UtcNow + budget;

        var outcome = await provider.InvokeAsync(Events.Create(provider.ResponseUrl), budget);

        Assert.Equal("error", outcome.Kind);
        Assert.True(provider.Puts.Count > 2, $"{provider.Puts.Count} attempts");
        Assert.All(provider.Puts, put => Assert.True(put.ReceivedAt < deadline));
        Assert.Contains(provider.LogLines, l => l.GetProperty("step").GetString() == "response.gave_up" && l.GetProperty("why").GetString() == "deadline");
    }

    [Fact]
    public async Task Http_response_url_is_refused_unless_allowed_and_nothing_is_called()
    {
        var options = ProviderHarness.TestOptions with { AllowHttpResponseUrl = false };
        await using var provider = new ProviderHarness(options: options);

        var outcome = await provider.InvokeAsync(Events.Create(provider.ResponseUrl));

        Assert.Equal("error", outcome.Kind);
        Assert.Equal("ResponseUrlRefused", outcome.ErrorType);
        Assert.Contains("not https", outcome.Body, StringComparison.Ordinal);
        Assert.Empty(provider.Puts);
        Assert.Empty(provider.Lifecycle.Calls);
        Assert.Contains(provider.LogLines, l => l.GetProperty("step").GetString() == "event.response_url_refused");
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("true", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Http_is_allowed_only_by_the_environment_variable_set_to_1(string? value, bool allowed)
    {
        var before = Environment.GetEnvironmentVariable(HandlerOptions.AllowHttpVariable);
        try
        {
            Environment.SetEnvironmentVariable(HandlerOptions.AllowHttpVariable, value);
            Assert.Equal(allowed, HandlerOptions.FromEnvironment().AllowHttpResponseUrl);
        }
        finally
        {
            Environment.SetEnvironmentVariable(HandlerOptions.AllowHttpVariable, before);
        }
    }

    [Fact]
    public async Task Huge_failure_message_is_shortened_keeping_its_head()
    {
        var message = "Task definition rejected: " + string.Concat(Enumerable.Repeat("memory reservation exceeds limit; ", 500));
        var lifecycle = new FakeLifecycle { OnCreate = _ => throw new InvalidOperationException(message) };
        await using var provider = new ProviderHarness(lifecycle);

        await provider.InvokeAsync(Events.Create(provider.ResponseUrl));

        var put = Assert.Single(provider.Puts);
        Assert.True(put.Body.Length <= ResponseBody.MaxBytes, $"{put.Body.Length} bytes");
        var reason = JsonDocument.Parse(put.Body).RootElement.GetProperty("Reason").GetString()!;
        Assert.StartsWith("Task definition rejected: memory reservation", reason, StringComparison.Ordinal);
        Assert.EndsWith(ResponseBody.TruncationMark, reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Huge_data_answers_failed_saying_it_does_not_fit()
    {
        var data = Enumerable.Range(0, 50).ToDictionary(i => $"Attribute{i}", _ => new string('d', 200));
        var lifecycle = new FakeLifecycle { OnCreate = _ => Task.FromResult(new LifecycleOutcome("acme-api", data)) };
        await using var provider = new ProviderHarness(lifecycle);

        await provider.InvokeAsync(Events.Create(provider.ResponseUrl));

        var put = Assert.Single(provider.Puts);
        Assert.True(put.Body.Length <= ResponseBody.MaxBytes);
        var response = JsonDocument.Parse(put.Body).RootElement;
        Assert.Equal("FAILED", response.GetProperty("Status").GetString());
        Assert.Contains("over CloudFormation's 4096-byte limit", response.GetProperty("Reason").GetString(), StringComparison.Ordinal);
    }
}
