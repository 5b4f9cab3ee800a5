using System.Text;
using FargateApi.Aws.Http;
using FargateApi.Lambda.CloudFormation;
using FargateApi.Lambda.Continuation;
using FargateApi.Lambda.Tests.Loopback;
using FargateApi.Provisioning;

namespace FargateApi.Lambda.Tests;

/// <summary>Every way a continuation can go wrong still ends in exactly one FAILED answer with a reason that says why.</summary>
public class ContinuationFailureTests
{
    public static TheoryData<int> LambdaErrors => [403, 500];

    [Theory]
    [MemberData(nameof(LambdaErrors))]
    public async Task Hand_off_that_lambda_refuses_is_answered_failed_with_the_reason(int status)
    {
        var lifecycle = new ResumableFakeLifecycle { OnCreate = _ => Task.FromResult(ResumableFakeLifecycle.Unfinished(ResumableFakeLifecycle.Continuation(1))) };
        await using var provider = new ProviderHarness(lifecycle);
        var errorCode = status == 403 ? "AccessDeniedException" : "ServiceException";
        provider.LambdaReply = (_, _) => Task.FromResult(Reply.Status(status, $"{{\"Type\":\"User\",\"message\":\"{errorCode} says no\"}}", ("x-amzn-ErrorType", errorCode), ("Content-Type", "application/json")));

        var outcome = await provider.InvokeAsync(Events.Create(provider.ResponseUrl));

        Assert.Equal("response", outcome.Kind);
        Assert.Equal(status == 403 ? 1 : 8, provider.Invokes.Count); // 5xx are retried (RetryPolicy.Default: 8 attempts); 403 is not.
        var response = provider.SingleResponse();
        Assert.Equal("FAILED", response.GetProperty("Status").GetString());
        var reason = response.GetProperty("Reason").GetString()!;
        Assert.StartsWith("Create could not go on waiting for ECS service 'acme-api-service' in cluster 'acme'", reason, StringComparison.Ordinal);
        Assert.Contains($"{errorCode} says no", reason, StringComparison.Ordinal);
        Assert.Equal(FailedCreateId.For(Events.LogicalResourceId, "11111111-aaaa-bbbb-cccc-000000000001"), response.GetProperty("PhysicalResourceId").GetString());
        Assert.DoesNotContain("s3cr3tsignature", provider.Logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hand_off_that_lambda_never_answers_is_failed_before_the_lambda_deadline()
    {
        var lifecycle = new ResumableFakeLifecycle { OnCreate = _ => Task.FromResult(ResumableFakeLifecycle.Unfinished(ResumableFakeLifecycle.Continuation(1))) };

        // A 2 s margin, not the harness's 1 s: the FAILED PUT must still beat the deadline while the rest of the suite
        // (the 1,000-event fuzz test) loads both cores.
        await using var provider = new ProviderHarness(lifecycle, ProviderHarness.TestOptions with { MinimumSafetyMargin = TimeSpan.FromSeconds(2) });
        provider.LambdaReply = async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return Reply.Status(202);
        };
        var budget = TimeSpan.FromSeconds(6);
        var deadline = DateTimeOffset.UtcNow + budget;

        await provider.InvokeAsync(Events.Create(provider.ResponseUrl), budget);

        var put = Assert.Single(provider.Puts);
        Assert.True(put.ReceivedAt < deadline, $"answered {(put.ReceivedAt - deadline).TotalMilliseconds} ms after the deadline");
        var response = provider.SingleResponse();
        Assert.Equal("FAILED", response.GetProperty("Status").GetString());
        Assert.Contains("Lambda did not accept the invocation within", response.GetProperty("Reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hand_off_without_credentials_fails_that_request_only_and_keeps_the_update_id()
    {
        var lifecycle = new ResumableFakeLifecycle { OnUpdate = (_, _) => Task.FromResult(ResumableFakeLifecycle.Unfinished(ResumableFakeLifecycle.Continuation(1, ContinuedOperation.Update))) };
        var built = 0;
        var sender = new LambdaContinuationSender(() =>
        {
            built++;
            return new Aws.Services.Lambda.LambdaClient(new AwsHttpCaller(AwsCallerOptions.FromEnvironment(_ => null)));
        });
        await using var provider = new ProviderHarness(lifecycle, continuations: sender);
        Assert.Equal(0, built);

        await provider.InvokeAsync(Events.Update(provider.ResponseUrl, "acme-api"));
        await provider.InvokeAsync(Events.Update(provider.ResponseUrl, "acme-api"));

        Assert.Equal(2, built); // A failed construction is not cached: credentials that appear later are used.
        Assert.Equal(2, provider.Puts.Count);
        var response = System.Text.Json.JsonDocument.Parse(provider.Puts[0].Body).RootElement;
        Assert.Equal("FAILED", response.GetProperty("Status").GetString());
        Assert.Equal("acme-api", response.GetProperty("PhysicalResourceId").GetString());
        Assert.Contains("No AWS region found", response.GetProperty("Reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Continuation_past_its_deadline_fails_without_calling_the_lifecycle()
    {
        var lifecycle = new ResumableFakeLifecycle();
        await using var provider = new ProviderHarness(lifecycle);
        var late = ResumableFakeLifecycle.Continuation(4, deadlineIn: TimeSpan.FromSeconds(-1));

        await provider.InvokeRawAsync(Envelope(late, Events.Create(provider.ResponseUrl).ToJsonString()));

        Assert.Empty(lifecycle.Calls);
        Assert.Empty(provider.Invokes);
        var response = provider.SingleResponse();
        Assert.Equal("FAILED", response.GetProperty("Status").GetString());
        var reason = response.GetProperty("Reason").GetString()!;
        Assert.StartsWith("Create did not reach steady state within ServiceTimeout: ECS service 'acme-api-service' in cluster 'acme'", reason, StringComparison.Ordinal);
        Assert.Contains("after 4 continued invocation(s)", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Continuation_reaching_a_lifecycle_that_cannot_resume_fails_clearly()
    {
        await using var provider = new ProviderHarness(new FakeLifecycle());

        await provider.InvokeRawAsync(Envelope(ResumableFakeLifecycle.Continuation(1), Events.Create(provider.ResponseUrl).ToJsonString()));

        Assert.Empty(provider.Lifecycle.Calls);
        var response = provider.SingleResponse();
        Assert.Equal("FAILED", response.GetProperty("Status").GetString());
        Assert.Contains("lifecycle (FakeLifecycle) cannot resume a continued Create", response.GetProperty("Reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lifecycle_that_cannot_resume_but_returns_a_continuation_is_failed_at_once_not_handed_on()
    {
        var lifecycle = new FakeLifecycle { OnCreate = _ => Task.FromResult(ResumableFakeLifecycle.Unfinished(ResumableFakeLifecycle.Continuation(1))) };
        await using var provider = new ProviderHarness(lifecycle);

        await provider.InvokeAsync(Events.Create(provider.ResponseUrl));

        Assert.Empty(provider.Invokes);
        var response = provider.SingleResponse();
        Assert.Equal("FAILED", response.GetProperty("Status").GetString());
        Assert.Contains("cannot resume it", response.GetProperty("Reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Continuation_of_a_create_arriving_with_a_delete_event_is_refused()
    {
        var lifecycle = new ResumableFakeLifecycle();
        await using var provider = new ProviderHarness(lifecycle);

        await provider.InvokeRawAsync(Envelope(ResumableFakeLifecycle.Continuation(1), Events.Delete(provider.ResponseUrl, "acme-api").ToJsonString()));

        Assert.Empty(lifecycle.Calls);
        var response = provider.SingleResponse();
        Assert.Equal("FAILED", response.GetProperty("Status").GetString());
        Assert.Equal("acme-api", response.GetProperty("PhysicalResourceId").GetString());
        Assert.Contains("continuation of Create arrived with a Delete event", response.GetProperty("Reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreadable_continuation_with_an_answerable_event_is_answered_failed()
    {
        var lifecycle = new ResumableFakeLifecycle();
        await using var provider = new ProviderHarness(lifecycle);
        var payload = Encoding.UTF8.GetString(SignedEnvelope.Write("{\"operation\":\"Sideways\"}", Encoding.UTF8.GetBytes(Events.Create(provider.ResponseUrl).ToJsonString()), "previous-lambda-request"));

        await provider.InvokeRawAsync(payload);

        Assert.Empty(lifecycle.Calls);
        var response = provider.SingleResponse();
        Assert.Equal("FAILED", response.GetProperty("Status").GetString());
        Assert.StartsWith("Internal error: Create could not be continued. The continuation in the payload is unreadable", response.GetProperty("Reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Continued_event_goes_through_the_same_https_rule_as_a_first_event()
    {
        var lifecycle = new ResumableFakeLifecycle();
        await using var provider = new ProviderHarness(lifecycle, ProviderHarness.TestOptions with { AllowHttpResponseUrl = false });

        var outcome = await provider.InvokeRawAsync(Envelope(ResumableFakeLifecycle.Continuation(1), Events.Create(provider.ResponseUrl).ToJsonString()));

        Assert.Equal("error", outcome.Kind);
        Assert.Equal("ResponseUrlRefused", outcome.ErrorType);
        Assert.Empty(lifecycle.Calls);
        Assert.Empty(provider.Puts);
    }

    [Fact]
    public async Task Continued_event_that_is_malformed_is_answered_failed_like_a_first_event()
    {
        var lifecycle = new ResumableFakeLifecycle();
        await using var provider = new ProviderHarness(lifecycle);
        var broken = Events.Update(provider.ResponseUrl, "acme-api");
        broken.Remove("OldResourceProperties");

        await provider.InvokeRawAsync(Envelope(ResumableFakeLifecycle.Continuation(1, ContinuedOperation.Update), broken.ToJsonString()));

        Assert.Empty(lifecycle.Calls);
        var response = provider.SingleResponse();
        Assert.Equal("FAILED", response.GetProperty("Status").GetString());
        Assert.Contains("OldResourceProperties is required on Update", response.GetProperty("Reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_that_throws_is_answered_failed_with_its_message()
    {
        var lifecycle = new ResumableFakeLifecycle { OnResume = (_, _) => throw new InvalidOperationException("Deployment circuit breaker rolled back acme-api-service.") };
        await using var provider = new ProviderHarness(lifecycle);

        await provider.InvokeRawAsync(Envelope(ResumableFakeLifecycle.Continuation(2), Events.Create(provider.ResponseUrl).ToJsonString()));

        var response = provider.SingleResponse();
        Assert.Equal("FAILED", response.GetProperty("Status").GetString());
        Assert.Equal("Deployment circuit breaker rolled back acme-api-service.", response.GetProperty("Reason").GetString());
        Assert.True(FailedCreateId.IsFailedCreate(response.GetProperty("PhysicalResourceId").GetString()));
    }

    [Fact]
    public async Task Envelope_without_an_event_is_unanswerable_and_reported_to_lambda()
    {
        await using var provider = new ProviderHarness(new ResumableFakeLifecycle());

        var outcome = await provider.InvokeRawAsync(Envelope(ResumableFakeLifecycle.Continuation(1), "{}"));

        Assert.Equal("error", outcome.Kind);
        Assert.Equal("UnanswerableEvent", outcome.ErrorType);
        Assert.Empty(provider.Puts);
    }

    private static string Envelope(LifecycleContinuation continuation, string cloudFormationEvent) =>
        Encoding.UTF8.GetString(SignedEnvelope.Write(continuation, Encoding.UTF8.GetBytes(cloudFormationEvent), "previous-lambda-request"));
}
