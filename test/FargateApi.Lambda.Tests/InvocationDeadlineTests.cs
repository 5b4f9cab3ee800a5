using System.Text;
using System.Text.Json.Nodes;
using FargateApi.Lambda.CloudFormation;

namespace FargateApi.Lambda.Tests;

/// <summary>The lifecycle learns when its invocation must have answered: the runtime's deadline less the margin and the hand-off reserve.</summary>
public class InvocationDeadlineTests
{
    public static TheoryData<string> RequestTypes => ["Create", "Update", "Delete", "Resume"];

    [Theory]
    [MemberData(nameof(RequestTypes))]
    public async Task Invocation_deadline_is_the_runtime_deadline_less_safety_margin_and_hand_off_reserve(string requestType)
    {
        var lifecycle = new ResumableFakeLifecycle();
        await using var provider = new ProviderHarness(lifecycle);

        // Under 20 s the test margin is its 1 s minimum (5 % would be less): the expected value does not depend on timing.
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddSeconds(10).ToUnixTimeMilliseconds());
        JsonNode cloudFormationEvent = requestType switch
        {
            "Update" => Events.Update(provider.ResponseUrl, "acme-api"),
            "Delete" => Events.Delete(provider.ResponseUrl, "acme-api"),
            _ => Events.Create(provider.ResponseUrl),
        };
        var payload = requestType == "Resume"
            ? Encoding.UTF8.GetString(SignedEnvelope.Write(ResumableFakeLifecycle.Continuation(1), Encoding.UTF8.GetBytes(cloudFormationEvent.ToJsonString()), "previous"))
            : cloudFormationEvent.ToJsonString();

        await provider.InvokeRawAsync(payload, deadline);

        var call = Assert.Single(lifecycle.Calls);
        Assert.Equal(requestType, call.Operation);
        var options = ProviderHarness.TestOptions;
        Assert.Equal(deadline - options.MinimumSafetyMargin - options.HandOffReserve, call.Identity.InvocationDeadline);
    }

    [Fact]
    public void Production_reserve_leaves_the_work_a_deadline_before_the_token_fires()
    {
        var options = HandlerOptions.FromEnvironment();
        var context = new Runtime.InvocationContext(new Runtime.Invocation("id", DateTimeOffset.UtcNow.AddMinutes(15), null, null, default), TimeProvider.System);

        var window = InvocationWindow.For(context, options);

        Assert.Equal(TimeSpan.FromSeconds(3), options.HandOffReserve);
        Assert.Equal(context.Deadline - window.SafetyMargin, window.WorkEnd);
        Assert.Equal(window.WorkEnd - TimeSpan.FromSeconds(3), window.InvocationDeadline);
        Assert.InRange(window.SafetyMargin, TimeSpan.FromSeconds(44), TimeSpan.FromSeconds(45));
    }
}
