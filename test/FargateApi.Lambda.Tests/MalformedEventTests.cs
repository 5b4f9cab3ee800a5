using System.Text.Json.Nodes;
using FargateApi.Lambda.CloudFormation;

namespace FargateApi.Lambda.Tests;

/// <summary>Broken events: answered FAILED when there is anywhere to answer, else an invocation error that says why.</summary>
public class MalformedEventTests
{
    [Fact]
    public async Task Unknown_request_type_is_answered_failed_with_a_failed_create_id()
    {
        await using var provider = new ProviderHarness();
        var node = Events.Create(provider.ResponseUrl);
        node["RequestType"] = "Upsert";

        var outcome = await provider.InvokeAsync(node);

        Assert.Equal("response", outcome.Kind);
        Assert.Empty(provider.Lifecycle.Calls);
        var response = provider.SingleResponse();
        Assert.Equal("FAILED", response.GetProperty("Status").GetString());
        Assert.Contains("RequestType 'Upsert'", response.GetProperty("Reason").GetString(), StringComparison.Ordinal);
        Assert.True(FailedCreateId.IsFailedCreate(response.GetProperty("PhysicalResourceId").GetString()));
        Assert.Equal(Events.StackId, response.GetProperty("StackId").GetString());
    }

    [Fact]
    public async Task Malformed_delete_echoes_its_physical_id()
    {
        await using var provider = new ProviderHarness();
        var node = Events.Delete(provider.ResponseUrl, "acme-api");
        node["ResourceProperties"] = new JsonArray();

        await provider.InvokeAsync(node);

        var response = provider.SingleResponse();
        Assert.Equal("FAILED", response.GetProperty("Status").GetString());
        Assert.Equal("acme-api", response.GetProperty("PhysicalResourceId").GetString());
        Assert.Contains("ResourceProperties must be an object, not a Array", response.GetProperty("Reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Event_that_is_not_json_errors_the_invocation_and_logs_why()
    {
        await using var provider = new ProviderHarness();

        var outcome = await provider.InvokeRawAsync("{\"RequestType\": \"Create\", ");

        Assert.Equal("error", outcome.Kind);
        Assert.Equal("UnanswerableEvent", outcome.ErrorType);
        Assert.Contains("not JSON", outcome.Body, StringComparison.Ordinal);
        Assert.Empty(provider.Puts);
        Assert.Contains(provider.LogLines, l => l.GetProperty("step").GetString() == "event.unanswerable" && l.GetProperty("level").GetString() == "error");
    }

    [Fact]
    public async Task Event_without_response_url_errors_the_invocation()
    {
        await using var provider = new ProviderHarness();
        var node = Events.Create(provider.ResponseUrl);
        node.Remove("ResponseURL");

        var outcome = await provider.InvokeAsync(node);

        Assert.Equal("error", outcome.Kind);
        Assert.Contains("ResponseURL is missing", outcome.Body, StringComparison.Ordinal);
        Assert.Empty(provider.Puts);
    }

    [Fact]
    public async Task Event_with_a_numeric_request_id_errors_the_invocation()
    {
        await using var provider = new ProviderHarness();
        var node = Events.Create(provider.ResponseUrl);
        node["RequestId"] = 7;

        var outcome = await provider.InvokeAsync(node);

        Assert.Equal("error", outcome.Kind);
        Assert.Contains("RequestId must be a string, not a Number", outcome.Body, StringComparison.Ordinal);
        Assert.Empty(provider.Puts);
    }
}
