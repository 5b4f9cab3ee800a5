using System.Text;
using System.Text.Json.Nodes;

namespace FargateApi.Lambda.Tests.Security;

/// <summary>
/// Issue 12, item 2: a payload that claims to continue an operation is acted on only with the provider's signature over
/// all of it, and even then only within ServiceTimeout and the hop bound. Each test performs the attack and shows that the
/// lifecycle was never called (nothing changed).
/// </summary>
public sealed class SignedContinuationTests
{
    [Fact]
    public async Task Unsigned_continuation_is_ignored_and_logged_with_no_answer_and_no_change()
    {
        var lifecycle = new ResumableFakeLifecycle();
        await using var provider = new ProviderHarness(lifecycle);
        var payload = new JsonObject
        {
            ["fargateApiContinuation"] = JsonNode.Parse(ResumableFakeLifecycle.Continuation(1).ToJson()),
            ["event"] = Events.Create(provider.ResponseUrl),
        };

        var outcome = await provider.InvokeRawAsync(payload.ToJsonString());

        Assert.Equal("error", outcome.Kind);
        Assert.Equal("ContinuationRefused", outcome.ErrorType);
        Assert.Empty(lifecycle.Calls);
        Assert.Empty(provider.Puts);
        Assert.Contains(provider.LogLines, line => line.GetProperty("step").GetString() == "continuation.refused");
    }

    [Theory]
    [InlineData("\"Image\":null", "\"Image\":\"attacker.example/x:1\"")] // the properties
    [InlineData("\"invocation\":1", "\"invocation\":2")] // the hop count
    [InlineData("shop/5b2c8f10", "team-b/5b2c8f10")] // the stack it is about
    public async Task Continuation_changed_in_any_byte_after_signing_is_ignored(string original, string tampered)
    {
        var lifecycle = new ResumableFakeLifecycle();
        await using var provider = new ProviderHarness(lifecycle);
        var create = Events.Create(provider.ResponseUrl);
        create["ResourceProperties"]!["Image"] = null;
        var signed = Encoding.UTF8.GetString(SignedEnvelope.Write(ResumableFakeLifecycle.Continuation(1), Encoding.UTF8.GetBytes(create.ToJsonString()), "previous"));
        Assert.Contains(original, signed, StringComparison.Ordinal);

        var outcome = await provider.InvokeRawAsync(signed.Replace(original, tampered, StringComparison.Ordinal));

        Assert.Equal("ContinuationRefused", outcome.ErrorType);
        Assert.Empty(lifecycle.Calls);
        Assert.Empty(provider.Puts);
    }

    [Fact]
    public async Task Continuation_signed_with_another_key_is_ignored()
    {
        var lifecycle = new ResumableFakeLifecycle();
        await using var provider = new ProviderHarness(lifecycle);
        var otherKey = "another-key-of-the-right-length-0123456789abcdef"u8.ToArray();
        var payload = SignedEnvelope.Write(ResumableFakeLifecycle.Continuation(1), Encoding.UTF8.GetBytes(Events.Create(provider.ResponseUrl).ToJsonString()), "previous", otherKey);

        var outcome = await provider.InvokeRawAsync(Encoding.UTF8.GetString(payload));

        Assert.Equal("ContinuationRefused", outcome.ErrorType);
        Assert.Empty(lifecycle.Calls);
    }

    [Fact]
    public async Task Signed_continuation_with_a_deadline_past_service_timeout_is_answered_failed_without_resuming()
    {
        var lifecycle = new ResumableFakeLifecycle();
        await using var provider = new ProviderHarness(lifecycle);
        var create = Events.Create(provider.ResponseUrl);
        create["ResourceProperties"]!["ServiceTimeout"] = "600";
        var overLong = ResumableFakeLifecycle.Continuation(1, deadlineIn: TimeSpan.FromMinutes(30));

        await provider.InvokeRawAsync(Encoding.UTF8.GetString(SignedEnvelope.Write(overLong, Encoding.UTF8.GetBytes(create.ToJsonString()), "previous")));

        Assert.Empty(lifecycle.Calls);
        var response = provider.SingleResponse();
        Assert.Equal("FAILED", response.GetProperty("Status").GetString());
        Assert.Contains("plus its ServiceTimeout of 600 s", response.GetProperty("Reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_continuation_past_the_hop_bound_is_answered_failed_without_resuming()
    {
        var lifecycle = new ResumableFakeLifecycle();
        await using var provider = new ProviderHarness(lifecycle);
        var create = Events.Create(provider.ResponseUrl);
        create["ResourceProperties"]!["ServiceTimeout"] = "600";
        var tooMany = ResumableFakeLifecycle.Continuation(11, deadlineIn: TimeSpan.FromMinutes(5));

        await provider.InvokeRawAsync(Encoding.UTF8.GetString(SignedEnvelope.Write(tooMany, Encoding.UTF8.GetBytes(create.ToJsonString()), "previous")));

        Assert.Empty(lifecycle.Calls);
        var response = provider.SingleResponse();
        Assert.Equal("FAILED", response.GetProperty("Status").GetString());
        Assert.Contains("handed on 11 times, more than the 10 a ServiceTimeout of 600 s allows", response.GetProperty("Reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Last_allowed_hop_still_resumes()
    {
        var lifecycle = new ResumableFakeLifecycle();
        await using var provider = new ProviderHarness(lifecycle);
        var create = Events.Create(provider.ResponseUrl);
        create["ResourceProperties"]!["ServiceTimeout"] = "600";

        await provider.InvokeRawAsync(Encoding.UTF8.GetString(SignedEnvelope.Write(ResumableFakeLifecycle.Continuation(10, deadlineIn: TimeSpan.FromMinutes(5)), Encoding.UTF8.GetBytes(create.ToJsonString()), "previous")));

        Assert.Equal("Resume", Assert.Single(lifecycle.Calls).Operation);
        Assert.Equal("SUCCESS", provider.SingleResponse().GetProperty("Status").GetString());
    }

    [Fact]
    public async Task The_key_is_read_only_when_a_continuation_is_sent_or_received()
    {
        var continuation = ResumableFakeLifecycle.Continuation(1);
        var lifecycle = new ResumableFakeLifecycle { OnCreate = _ => Task.FromResult(ResumableFakeLifecycle.Unfinished(continuation)) };
        await using var provider = new ProviderHarness(lifecycle);
        var invalid = Events.Create(provider.ResponseUrl, requestId: "invalid-create");
        invalid["ResourceProperties"]!["Cpu"] = "3";

        await provider.InvokeAsync(invalid);
        Assert.Equal(0, provider.ContinuationKey.Reads);

        await provider.InvokeAsync(Events.Create(provider.ResponseUrl));
        Assert.Equal(1, provider.ContinuationKey.Reads);
        await provider.InvokeHandedOffAsync(0);
        Assert.Equal(2, provider.ContinuationKey.Reads);
        Assert.Equal(["Create", "Resume"], lifecycle.Calls.Select(c => c.Operation));
    }
}
