using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FargateApi.Lambda.CloudFormation;
using FargateApi.Lambda.Tests.EndToEnd;
using Xunit.Abstractions;

namespace FargateApi.Lambda.Tests.Hostile;

/// <summary>
/// The corpus cases too large to commit, built in code: a 10 MB event, 1 MB strings in every kind of field, 10,000
/// levels of nesting. Same rules as the corpus: FAILED or rejected, no AWS call, nothing created, logs still one
/// JSON object per line.
/// </summary>
public sealed class GeneratedHostileEventTests(ITestOutputHelper output)
{
    private const int Megabyte = 1024 * 1024;

    [Fact]
    public async Task Ten_megabyte_event_is_answered_failed_within_the_size_limit_without_aws_calls()
    {
        await using var provider = new SimulatedProvider();
        var properties = SimulatedProvider.ValidProperties();
        properties["ServiceName"] = new string('a', 10 * Megabyte);
        var payload = provider.Create(properties).ToJsonString();
        Assert.True(payload.Length > 10 * Megabyte);

        var outcome = await provider.InvokeRawAsync(payload, DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30));

        Assert.Equal("response", outcome.Kind);
        var response = SingleFailed(provider);
        Assert.Contains("ServiceName", response.GetProperty("Reason").GetString(), StringComparison.Ordinal);
        AssertNothingReachedAws(provider);
        output.WriteLine($"10 MB ServiceName: longest log line {provider.LogTextLines.Max(l => l.Length)} characters, {provider.Logs.Length} in all");
        Assert.True(provider.Logs.Length < 64 * 1024, $"{provider.Logs.Length} characters of logs for one event");
    }

    [Theory]
    [InlineData("ServiceName")]
    [InlineData("ProjectPrefix")]
    [InlineData("Image")]
    [InlineData("Cpu")]
    [InlineData("Unknown1MbProperty")]
    public async Task One_megabyte_property_value_is_answered_failed_without_aws_calls(string property)
    {
        await using var provider = new SimulatedProvider();
        var properties = SimulatedProvider.ValidProperties();
        properties[property] = Hostile1Mb();

        await provider.InvokeAsync(provider.Create(properties));

        var response = SingleFailed(provider);
        Assert.Contains(property, response.GetProperty("Reason").GetString(), StringComparison.Ordinal);
        AssertNothingReachedAws(provider);
    }

    [Theory]
    [InlineData("Tags")]
    [InlineData("EnvironmentVariables")]
    public async Task One_megabyte_map_key_or_value_is_answered_failed_without_aws_calls(string map)
    {
        await using var provider = new SimulatedProvider();
        var properties = SimulatedProvider.ValidProperties();
        properties[map] = new JsonObject { [new string('K', Megabyte)] = "v", ["TEAM"] = Hostile1Mb() };

        await provider.InvokeAsync(provider.Create(properties));

        Assert.Contains(map, SingleFailed(provider).GetProperty("Reason").GetString(), StringComparison.Ordinal);
        AssertNothingReachedAws(provider);
    }

    [Theory]
    [InlineData("RequestType", "is not one of Create, Update, Delete")]
    [InlineData("ResourceType", "only handles resources of type")]
    public async Task One_megabyte_envelope_string_is_answered_failed_within_the_size_limit(string field, string reason)
    {
        await using var provider = new SimulatedProvider();
        var node = provider.Create();
        node[field] = Hostile1Mb();

        await provider.InvokeAsync(node);

        var put = Assert.Single(provider.Puts);
        Assert.True(put.Body.Length <= ResponseBody.MaxBytes, $"{put.Body.Length} bytes");
        Assert.Contains(reason, SingleFailed(provider).GetProperty("Reason").GetString(), StringComparison.Ordinal);
        AssertNothingReachedAws(provider);
        output.WriteLine($"1 MB {field}: longest log line {provider.LogTextLines.Max(l => l.Length)} characters, {provider.Logs.Length} in all");
    }

    [Fact]
    public async Task One_megabyte_logical_id_is_still_echoed_in_exactly_one_failed_answer()
    {
        await using var provider = new SimulatedProvider();
        var node = provider.Create();
        var logicalId = new string('L', Megabyte);
        node["LogicalResourceId"] = logicalId;
        node["ResourceType"] = "Custom::Other";

        var outcome = await provider.InvokeAsync(node);

        // The ids must be echoed verbatim, so this body cannot fit in 4096 bytes; CloudFormation will reject it, but the
        // provider still sends its one answer (it never sends such an id itself).
        Assert.Equal("response", outcome.Kind);
        var response = SingleFailed(provider);
        Assert.Equal(logicalId, response.GetProperty("LogicalResourceId").GetString());
        AssertNothingReachedAws(provider);
        output.WriteLine($"1 MB LogicalResourceId: {provider.LogTextLines.Count} log lines, longest {provider.LogTextLines.Max(l => l.Length)} characters, {provider.Logs.Length} in all");
    }

    [Fact]
    public async Task Ten_thousand_levels_of_nesting_in_properties_are_rejected_as_not_json_without_aws_calls()
    {
        await using var provider = new SimulatedProvider();
        var payload = provider.Create().ToJsonString().Replace("\"ImageTag\":\"v1\"", "\"ImageTag\":" + Nested(10_000), StringComparison.Ordinal);

        var outcome = await provider.InvokeRawAsync(payload, DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30));

        // JsonDocument stops at depth 64: the whole event is unreadable, its ResponseURL included (see the report).
        Assert.Equal("error", outcome.Kind);
        Assert.Equal("UnanswerableEvent", outcome.ErrorType);
        Assert.Contains("not JSON", outcome.Body, StringComparison.Ordinal);
        Assert.Contains("depth", outcome.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(provider.Puts);
        AssertNothingReachedAws(provider);
    }

    [Fact]
    public async Task Ten_thousand_levels_of_nesting_as_the_whole_event_are_rejected()
    {
        await using var provider = new SimulatedProvider();

        var outcome = await provider.InvokeRawAsync(Nested(10_000), DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30));

        Assert.Equal("error", outcome.Kind);
        Assert.Equal("UnanswerableEvent", outcome.ErrorType);
        Assert.Empty(provider.Puts);
        AssertNothingReachedAws(provider);
    }

    [Fact]
    public async Task Nesting_within_the_parser_limit_is_answered_failed_naming_the_property()
    {
        await using var provider = new SimulatedProvider();
        var payload = provider.Create().ToJsonString().Replace("\"ImageTag\":\"v1\"", "\"ImageTag\":" + Nested(60), StringComparison.Ordinal);

        await provider.InvokeRawAsync(payload, DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30));

        Assert.Contains("ImageTag", SingleFailed(provider).GetProperty("Reason").GetString(), StringComparison.Ordinal);
        AssertNothingReachedAws(provider);
    }

    /// <summary>A megabyte of the characters that break naive code: separators, quotes, markup, CRLF, NUL, RTL, emoji.</summary>
    private static string Hostile1Mb()
    {
        const string unit = "../;rm -rf /'\"><script>\r\n\0\u202e\U0001F680";
        var text = new StringBuilder(Megabyte + unit.Length);
        while (text.Length < Megabyte)
        {
            text.Append(unit);
        }

        return text.ToString();
    }

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    private static JsonElement SingleFailed(SimulatedProvider provider)
    {
        var response = JsonDocument.Parse(Assert.Single(provider.Puts).Body).RootElement;
        Assert.Equal("FAILED", response.GetProperty("Status").GetString());
        return response;
    }

    private static void AssertNothingReachedAws(SimulatedProvider provider)
    {
        Assert.Equal(0, provider.AwsCalls);
        Assert.Equal(0, provider.Created);
        HostileAssertions.LogsAreWellFormed(provider);
    }
}
