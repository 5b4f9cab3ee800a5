using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FargateApi.Lambda.CloudFormation;
using FargateApi.Lambda.Tests.EndToEnd;
using FargateApi.Properties;
using Xunit.Abstractions;

namespace FargateApi.Lambda.Tests.Hostile;

/// <summary>
/// A thousand mutations of a valid Create (fixed seed, so a failure replays), each through the runtime loop, the
/// handler and the real provisioner over one simulation: no exception ever escapes the handler, every event gets
/// exactly one response or a clean rejection, and only a well-formed Create with valid properties may call AWS.
/// </summary>
public sealed class EventFuzzTests(ITestOutputHelper output)
{
    private const int Iterations = 1_000;
    private const int Seed = 20_261_128;

    private static readonly string[] TopLevelFields =
        ["RequestType", "ServiceToken", "ResponseURL", "StackId", "RequestId", "LogicalResourceId", "ResourceType", "ResourceProperties", "PhysicalResourceId", "OldResourceProperties"];

    private static readonly string[] PropertyNames =
        ["ProjectPrefix", "ServiceName", "Cpu", "Memory", "ImageTag", "Image", "ContainerPort", "Priority", "DesiredCount", "Tags", "EnvironmentVariables", "Secrets", "Network", "HealthCheck", "AutoScaling", "PathPatterns", "LogRetentionDays", "Environment"];

    private static readonly string[] Fragments =
        ["../", ";rm -rf /", "'\"><script>", "\r\n", "\0", "\u202e", "\U0001F680", "\ud800", "\udc00", "%00", "${jndi:ldap://x}", "\\", "é", "\t", " "];

    private static readonly string[] BadResponseUrls =
        ["", "ftp://127.0.0.1/x", "not a url", "/relative?X-Amz-Signature=x", "file:///etc/passwd", "javascript:alert(1)", "https://"];

    [Fact]
    public async Task Thousand_mutated_create_events_never_throw_always_answer_once_and_never_call_aws_for_invalid_properties()
    {
        await using var provider = new SimulatedProvider();
        var random = new Random(Seed);
        var tally = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < Iterations; i++)
        {
            var node = provider.Create(requestId: $"fuzz-{i:D4}");
            var mutations = 1 + random.Next(3);
            for (var m = 0; m < mutations; m++)
            {
                Mutate(node, random);
            }

            var payload = node.ToJsonString();
            var mayCallAws = IsValidCreate(payload);
            var (puts, calls) = (provider.Puts.Count, provider.Aws.Calls.Count);

            var outcome = await provider.InvokeRawAsync(payload, DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30));

            var context = $"iteration {i}: {Shorten(payload)}";
            if (outcome.Kind == "response")
            {
                Assert.True(provider.Puts.Count == puts + 1, $"{provider.Puts.Count - puts} PUTs for {context}");
                var status = JsonDocument.Parse(provider.Puts[^1].Body).RootElement.GetProperty("Status").GetString()!;
                Count(tally, status);
            }
            else
            {
                Assert.True(outcome.ErrorType is "UnanswerableEvent" or "ResponseUrlRefused", $"{outcome.ErrorType}: {outcome.Body} for {context}");
                Assert.True(provider.Puts.Count == puts, $"a PUT for a rejected event: {context}");
                Count(tally, outcome.ErrorType!);
            }

            if (!mayCallAws)
            {
                Assert.True(provider.Aws.Calls.Count == calls, $"{provider.Aws.Calls.Count - calls} AWS calls for {context}");
            }
        }

        HostileAssertions.LogsAreWellFormed(provider);
        Assert.Equal(0, provider.Continuations.Count);
        output.WriteLine(string.Join(", ", tally.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}: {t.Value}")));
        Assert.True(tally.GetValueOrDefault("FAILED") > Iterations / 2, "the mutations should mostly produce invalid events");
    }

    /// <summary>Whether the handler may legitimately provision: a well-formed Create of our type whose properties validate.</summary>
    private static bool IsValidCreate(string payload)
    {
        try
        {
            return RequestParser.Parse(Encoding.UTF8.GetBytes(payload)) is WellFormedEvent { Request: { RequestType: RequestType.Create, ResourceType: Operation.ResourceType } request }
                && PropertiesReader.Read(request.ResourceProperties).IsValid;
        }
        catch (InvalidOperationException)
        {
            // Text the parser cannot read (a lone surrogate) is never a valid Create; the handler must cope with it all the same.
            return false;
        }
    }

    private static void Mutate(JsonObject node, Random random)
    {
        if (random.Next(5) == 0 || node["ResourceProperties"] is not JsonObject properties)
        {
            var field = TopLevelFields[random.Next(TopLevelFields.Length)];
            node[field] = field == "ResponseURL" ? BadResponseUrls[random.Next(BadResponseUrls.Length)] : MutatedValue(node[field], random);
            if (random.Next(10) == 0)
            {
                node.Remove(field);
            }

            return;
        }

        var name = random.Next(8) == 0 ? "Unknown" + random.Next(100) : PropertyNames[random.Next(PropertyNames.Length)];
        if (random.Next(6) == 0)
        {
            properties.Remove(name);
        }
        else
        {
            properties[name] = MutatedValue(properties[name], random);
        }
    }

    private static JsonNode? MutatedValue(JsonNode? current, Random random)
    {
        var text = current is JsonValue value && value.TryGetValue<string>(out var s) ? s : "x";
        return random.Next(12) switch
        {
            0 => null,
            1 => JsonValue.Create(random.Next(2) == 0),
            2 => JsonValue.Create(random.Next(-100_000, 100_000)),
            3 => JsonValue.Create(random.NextDouble() * 1e300),
            4 => new JsonArray(text, 1),
            5 => new JsonObject { [text] = text, ["nested"] = new JsonObject { ["a"] = new JsonArray() } },
            6 => string.Empty,
            7 => new string(text.Length > 0 ? text[0] : 'x', random.Next(1, 5_000)),
            8 => text.Insert(random.Next(text.Length + 1), Fragments[random.Next(Fragments.Length)]),
            9 => text.Length > 1 ? text[..random.Next(text.Length)] : text + text,
            10 => text.ToUpperInvariant() + Fragments[random.Next(Fragments.Length)],
            _ => Fragments[random.Next(Fragments.Length)],
        };
    }

    private static void Count(Dictionary<string, int> tally, string key) => tally[key] = tally.GetValueOrDefault(key) + 1;

    private static string Shorten(string text) => text.Length <= 600 ? text : string.Concat(text.AsSpan(0, 600), "…");
}
