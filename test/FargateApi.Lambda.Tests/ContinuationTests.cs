using System.Text.Json;
using FargateApi.Lambda.Continuation;
using FargateApi.Lambda.Tests.Loopback;
using FargateApi.Provisioning;

namespace FargateApi.Lambda.Tests;

/// <summary>A wait longer than one invocation: handed on through Lambda Invoke, answered once by the invocation that finishes.</summary>
public class ContinuationTests
{
    private const string EncodedFunctionArn = "arn%3Aaws%3Alambda%3Aeu-west-1%3A123456789012%3Afunction%3Aprovider";

    [Fact]
    public async Task Unfinished_create_is_handed_to_a_new_event_invocation_without_answering_cloudformation()
    {
        var continuation = ResumableFakeLifecycle.Continuation(1);
        var lifecycle = new ResumableFakeLifecycle { OnCreate = _ => Task.FromResult(ResumableFakeLifecycle.Unfinished(continuation)) };
        await using var provider = new ProviderHarness(lifecycle);
        var originalEvent = Events.Create(provider.ResponseUrl).ToJsonString();

        var outcome = await provider.InvokeRawAsync(originalEvent);

        Assert.Equal("response", outcome.Kind);
        Assert.Equal("{\"status\":\"CONTINUED\"}", outcome.Body);
        Assert.Empty(provider.Puts);
        var invoke = Assert.Single(provider.Invokes);
        Assert.Equal("POST", invoke.Method);
        Assert.Equal($"/2015-03-31/functions/{EncodedFunctionArn}/invocations", invoke.Target);
        Assert.Equal("Event", invoke.Header("X-Amz-Invocation-Type"));
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", invoke.Header("Authorization"), StringComparison.Ordinal);
        Assert.Contains("/eu-west-1/lambda/aws4_request", invoke.Header("Authorization"), StringComparison.Ordinal);
        using var payload = JsonDocument.Parse(invoke.Body);
        var root = payload.RootElement;
        Assert.Equal(continuation, LifecycleContinuation.FromJson(root.GetProperty(ContinuationEnvelope.ContinuationProperty).GetRawText()));
        Assert.Equal(originalEvent, root.GetProperty(ContinuationEnvelope.EventProperty).GetRawText());
    }

    [Fact]
    public async Task Handed_off_payload_resumes_the_create_and_answers_success_exactly_once()
    {
        var continuation = ResumableFakeLifecycle.Continuation(1);
        var lifecycle = new ResumableFakeLifecycle { OnCreate = _ => Task.FromResult(ResumableFakeLifecycle.Unfinished(continuation)) };
        await using var provider = new ProviderHarness(lifecycle);
        await provider.InvokeAsync(Events.Create(provider.ResponseUrl));

        var outcome = await provider.InvokeHandedOffAsync(0);

        Assert.Equal("response", outcome.Kind);
        Assert.Equal(["Create", "Resume"], lifecycle.Calls.Select(c => c.Operation));
        var resume = lifecycle.Calls.Last();
        Assert.Null(resume.PhysicalResourceId);
        Assert.Null(resume.OldProperties);
        Assert.Equal(512, resume.Properties!.Cpu);
        Assert.Equal(lifecycle.Calls.First().Identity with { InvocationDeadline = null }, resume.Identity with { InvocationDeadline = null });
        Assert.NotNull(resume.Identity.InvocationDeadline);
        Assert.Equal(continuation, Assert.Single(lifecycle.Resumed));
        Assert.Single(provider.Invokes);
        var response = provider.SingleResponse();
        Assert.Equal("SUCCESS", response.GetProperty("Status").GetString());
        Assert.Equal("acme-api", response.GetProperty("PhysicalResourceId").GetString());
        Assert.Equal("11111111-aaaa-bbbb-cccc-000000000001", response.GetProperty("RequestId").GetString());
        Assert.StartsWith("arn:aws:ecs:", response.GetProperty("Data").GetProperty("ServiceArn").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_chained_over_three_invocations_keeps_its_ids_and_answers_once_at_the_end()
    {
        var first = ResumableFakeLifecycle.Continuation(1, ContinuedOperation.Update);
        var second = first with { Invocation = 2 };
        var lifecycle = new ResumableFakeLifecycle
        {
            OnUpdate = (_, _) => Task.FromResult(ResumableFakeLifecycle.Unfinished(first)),
            OnResume = (continuation, _) => Task.FromResult(continuation.Invocation == 1
                ? ResumableFakeLifecycle.Unfinished(second)
                : new LifecycleOutcome("acme-api", new Dictionary<string, string> { ["Url"] = "https://api.example.com" })),
        };
        await using var provider = new ProviderHarness(lifecycle);
        var old = Events.ValidProperties();
        old["Cpu"] = "256";
        old["Memory"] = "512";

        var outcomes = new List<RuntimeOutcome> { await provider.InvokeAsync(Events.Update(provider.ResponseUrl, "acme-api", oldProperties: old)) };
        Assert.Empty(provider.Puts);
        outcomes.Add(await provider.InvokeHandedOffAsync(0));
        Assert.Empty(provider.Puts);
        outcomes.Add(await provider.InvokeHandedOffAsync(1));

        Assert.Equal(["CONTINUED", "CONTINUED", "SUCCESS"], outcomes.Select(o => JsonDocument.Parse(o.Body).RootElement.GetProperty("status").GetString()));
        Assert.Equal(2, provider.Invokes.Count);
        Assert.Equal([first, second], lifecycle.Resumed);
        Assert.All(lifecycle.Calls.Skip(1), resume =>
        {
            Assert.Equal("acme-api", resume.PhysicalResourceId);
            Assert.Equal(256, resume.OldProperties!.Cpu);
            Assert.Equal(512, resume.Properties!.Cpu);
        });
        var secondEnvelope = JsonDocument.Parse(provider.Invokes[1].Body).RootElement;
        var handedOffBy = provider.Invokes.Select(i => JsonDocument.Parse(i.Body).RootElement.GetProperty(ContinuationEnvelope.HandedOffByProperty).GetString()).ToList();
        Assert.Equal(2, handedOffBy.Distinct().Count());
        Assert.All(handedOffBy, id => Assert.True(Guid.TryParse(id, out _)));
        Assert.Equal(
            JsonDocument.Parse(provider.Invokes[0].Body).RootElement.GetProperty("event").GetRawText(),
            secondEnvelope.GetProperty("event").GetRawText());
        var response = provider.SingleResponse();
        Assert.Equal("SUCCESS", response.GetProperty("Status").GetString());
        Assert.Equal("https://api.example.com", response.GetProperty("Data").GetProperty("Url").GetString());
    }

    [Fact]
    public async Task Chain_logs_each_hand_off_but_never_the_response_url_or_the_payload()
    {
        var lifecycle = new ResumableFakeLifecycle { OnCreate = _ => Task.FromResult(ResumableFakeLifecycle.Unfinished(ResumableFakeLifecycle.Continuation(1))) };
        await using var provider = new ProviderHarness(lifecycle);
        await provider.InvokeAsync(Events.Create(provider.ResponseUrl));
        await provider.InvokeHandedOffAsync(0);

        var steps = provider.LogLines.Select(l => l.GetProperty("step").GetString()).ToList();
        Assert.Contains("continuation.handing_off", steps);
        Assert.Contains("continuation.handed_off", steps);
        Assert.Contains("continuation.received", steps);
        Assert.Contains("response.sent", steps);
        Assert.All(provider.LogLines, line => Assert.Equal(Events.StackId, line.GetProperty("stackId").GetString()));
        Assert.DoesNotContain("s3cr3tsignature", provider.Logs, StringComparison.Ordinal);
        Assert.DoesNotContain("cfn-responses", provider.Logs, StringComparison.Ordinal);
        Assert.DoesNotContain(ContinuationEnvelope.ContinuationProperty, provider.Logs, StringComparison.Ordinal);
        Assert.DoesNotContain("ResourceProperties", provider.Logs, StringComparison.Ordinal);
    }
}
