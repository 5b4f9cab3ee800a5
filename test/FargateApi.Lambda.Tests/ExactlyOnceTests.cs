using System.Text.Json.Nodes;
using FargateApi.Lambda.Tests.Loopback;

namespace FargateApi.Lambda.Tests;

/// <summary>Every answerable event gets exactly one PUT and one report to the Runtime API, whatever happens.</summary>
public class ExactlyOnceTests
{
    public static TheoryData<string> Scenarios => ["success", "invalid", "throws", "throws-sync", "hangs", "wrong-type", "malformed", "delete-throws"];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Each_scenario_gets_exactly_one_response_and_one_runtime_report(string scenario)
    {
        var lifecycle = new FakeLifecycle();
        JsonObject cloudFormationEvent;
        await using var provider = new ProviderHarness(lifecycle);
        switch (scenario)
        {
            case "invalid":
                cloudFormationEvent = Events.Create(provider.ResponseUrl, new JsonObject { ["Cpu"] = "7" });
                break;
            case "throws":
                lifecycle.OnCreate = async _ =>
                {
                    await Task.Yield();
                    throw new TimeoutException("waiting for ServicesStable");
                };
                cloudFormationEvent = Events.Create(provider.ResponseUrl);
                break;
            case "throws-sync":
                lifecycle.OnCreate = _ => throw new NullReferenceException();
                cloudFormationEvent = Events.Create(provider.ResponseUrl);
                break;
            case "hangs":
                lifecycle.OnCreate = FakeLifecycle.Hang;
                cloudFormationEvent = Events.Create(provider.ResponseUrl);
                break;
            case "wrong-type":
                cloudFormationEvent = Events.Create(provider.ResponseUrl);
                cloudFormationEvent["ResourceType"] = "AWS::CloudFormation::CustomResource";
                break;
            case "malformed":
                cloudFormationEvent = Events.Create(provider.ResponseUrl);
                cloudFormationEvent["RequestType"] = null;
                break;
            case "delete-throws":
                lifecycle.OnDelete = _ => throw new InvalidOperationException("still in use");
                cloudFormationEvent = Events.Delete(provider.ResponseUrl, "acme-api");
                break;
            default:
                cloudFormationEvent = Events.Create(provider.ResponseUrl);
                break;
        }

        var outcome = await provider.InvokeAsync(cloudFormationEvent, TimeSpan.FromSeconds(2.5));

        // A second, ordinary event afterwards: nothing left over from the first may answer twice or block the loop.
        var next = await provider.InvokeAsync(Events.Delete(provider.ResponseUrl, "acme-api"));

        Assert.Equal("response", outcome.Kind);
        Assert.Equal("response", next.Kind);
        Assert.Equal(2, provider.Puts.Count);
        var reports = provider.RuntimeRequests.Where(r => r.Method == "POST").ToList();
        Assert.Equal(2, reports.Count);
        Assert.All(reports, r => Assert.EndsWith("/response", r.Target, StringComparison.Ordinal));
        Assert.Equal(2, reports.Select(r => r.Target).Distinct().Count());
    }

    [Fact]
    public async Task Null_reference_in_the_lifecycle_still_gives_a_useful_reason()
    {
        var lifecycle = new FakeLifecycle { OnCreate = _ => throw new NullReferenceException() };
        await using var provider = new ProviderHarness(lifecycle);

        await provider.InvokeAsync(Events.Create(provider.ResponseUrl));

        var reason = provider.SingleResponse().GetProperty("Reason").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(reason));
        Assert.DoesNotContain(" at ", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bucket_failure_is_not_answered_twice_and_is_reported_as_the_invocation_error()
    {
        await using var provider = new ProviderHarness();
        provider.BucketReply = (_, _) => Task.FromResult(Reply.Status(404));

        var outcome = await provider.InvokeAsync(Events.Create(provider.ResponseUrl));

        Assert.Equal("error", outcome.Kind);
        Assert.Single(provider.Puts);
        Assert.Single(provider.RuntimeRequests, r => r.Method == "POST");
    }
}
