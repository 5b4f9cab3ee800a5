using System.Text.Json;
using System.Text.Json.Nodes;
using FargateApi.Properties;
using static FargateApi.Tests.Properties.PropertyFixtures;

namespace FargateApi.Tests.Properties;

public sealed class JsonSchemaTests
{
    private static readonly JsonDocument Schema = JsonDocument.Parse(PropertyCatalog.ToJsonSchema());

    private static List<string> Validate(JsonNode instance)
    {
        using var document = JsonDocument.Parse(instance.ToJsonString());
        return new MiniJsonSchema(Schema.RootElement).Validate(document.RootElement);
    }

    [Fact]
    public void Schema_is_draft_2020_12_and_closed_at_every_object_level()
    {
        var root = Schema.RootElement;

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", root.GetProperty("$schema").GetString());
        Assert.False(root.GetProperty("additionalProperties").GetBoolean());
        foreach (var nested in PropertyCatalog.All.Where(p => p.Type == PropertyType.Object))
        {
            Assert.False(root.GetProperty("properties").GetProperty(nested.Name).GetProperty("additionalProperties").GetBoolean());
        }

        Assert.Equal(["ProjectPrefix", "ServiceName", "Priority"], root.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(PropertyCatalog.All.Select(p => p.Name), root.GetProperty("properties").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Seed_example_with_stringified_values_is_accepted()
    {
        Assert.Empty(Validate(Seed()));
    }

    [Fact]
    public void Seed_example_with_json_numbers_and_booleans_is_accepted()
    {
        var node = Seed().With("Cpu", 512).With("Memory", 1024).With("WaitForSteadyState", true).With("Deployment.CircuitBreakerRollback", false);

        Assert.Empty(Validate(node));
    }

    [Fact]
    public void Minimal_properties_are_accepted()
    {
        Assert.Empty(Validate(Minimal()));
    }

    public static TheoryData<string, string, string> Rejected => new()
    {
        { "Priorty", "\"5\"", "$.Priorty: not allowed" },
        { "AutoScaling.MaxCapcity", "\"5\"", "$.AutoScaling.MaxCapcity: not allowed" },
        { "Cpu", "300", "$.Cpu: anyOf" },
        { "Cpu", "\"lots\"", "$.Cpu: anyOf" },
        { "Cpu", "\"300\"", "$.Cpu: anyOf" },
        { "LogRetentionDays", "\"2\"", "$.LogRetentionDays: anyOf" },
        { "WaitForSteadyState", "\"yes\"", "$.WaitForSteadyState: anyOf" },
        { "PathPatterns", "\"/api/*,/v2/*\"", "$.PathPatterns: type" },
        { "LogRemovalPolicy", "\"Delete\"", "$.LogRemovalPolicy: enum" },
        { "ServiceName", "\"App_Api\"", "$.ServiceName: pattern" },
        { "ServiceName", null!, "$: required" },
        { "Tags", "{\"aws:x\": \"y\"}", "$.Tags.(name aws:x): pattern" },
        { "Secrets", "{\"DB\": \"password\"}", "$.Secrets.DB: pattern" },
        { "Network.SubnetIds", "[\"subnet-12\"]", "$.Network.SubnetIds[0]: pattern" },
        { "HostHeaders", "[\"a.example.com\",\"b.example.com\",\"c.example.com\",\"d.example.com\",\"e.example.com\",\"f.example.com\"]", "$.HostHeaders: maxItems" },
        { "HealthCheck.Retries", "11", "$.HealthCheck.Retries: anyOf" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Wrong_properties_are_rejected_by_the_schema_and_by_the_reader(string path, string valueJson, string expectedError)
    {
        var node = Seed().With(path, valueJson is null ? null : JsonNode.Parse(valueJson));

        Assert.Contains(expectedError, Validate(node));
        Assert.False(Read(node).IsValid);
    }

    [Theory]
    [MemberData(nameof(RuleTests.Allowed), MemberType = typeof(RuleTests))]
    public void Values_the_reader_accepts_at_the_edges_the_schema_accepts_too(string changes)
    {
        Assert.Empty(Validate(Changed(changes)));
    }

    public static TheoryData<int, int> EveryCpuMemoryPair()
    {
        var pairs = new TheoryData<int, int>();
        foreach (var tier in FargateSizes.Tiers)
        {
            foreach (var memory in Enumerable.Range(FargateSizes.MinMemory / 512, FargateSizes.MaxMemory / 512).Select(m => m * 512).Where(m => tier.Allows(m)))
            {
                pairs.Add(tier.Cpu, memory);
            }
        }

        return pairs;
    }

    [Theory]
    [MemberData(nameof(EveryCpuMemoryPair))]
    public void Every_cpu_memory_pair_fargate_allows_is_accepted_as_number_and_as_string(int cpu, int memory)
    {
        Assert.Empty(Validate(Seed().With("Cpu", cpu).With("Memory", memory)));
        Assert.Empty(Validate(Seed().With("Cpu", cpu.ToString(System.Globalization.CultureInfo.InvariantCulture)).With("Memory", memory.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Theory]
    [InlineData("256", "4096")]
    [InlineData("512", "1536")]
    [InlineData("16384", "36864")]
    [InlineData(null, "8192")]
    public void A_memory_that_does_not_fit_the_cpu_is_flagged_by_the_schema_as_by_the_reader(string? cpu, string memory)
    {
        var node = Seed().With("Cpu", cpu is null ? null : JsonValue.Create(cpu)).With("Memory", memory);

        Assert.Contains("$.Memory: enum", Validate(node));
        Assert.False(Read(node).IsValid);
    }

    [Fact]
    public void Schema_uses_only_keywords_the_test_validator_checks()
    {
        var unknown = new List<string>();
        Walk(Schema.RootElement, unknown);

        Assert.Empty(unknown);
    }

    private static void Walk(JsonElement schema, List<string> unknown)
    {
        foreach (var keyword in schema.EnumerateObject())
        {
            switch (keyword.Name)
            {
                case "properties" or "$defs":
                    foreach (var member in keyword.Value.EnumerateObject())
                    {
                        Walk(member.Value, unknown);
                    }

                    break;
                case "items" or "propertyNames" or "if" or "then" or "not":
                    Walk(keyword.Value, unknown);
                    break;
                case "additionalProperties" when keyword.Value.ValueKind == JsonValueKind.Object:
                    Walk(keyword.Value, unknown);
                    break;
                case "anyOf" or "allOf":
                    foreach (var option in keyword.Value.EnumerateArray())
                    {
                        Walk(option, unknown);
                    }

                    break;
                case "$schema" or "title" or "description" or "default":
                    break;
                default:
                    if (!MiniJsonSchema.Supported.Contains(keyword.Name))
                    {
                        unknown.Add(keyword.Name);
                    }

                    break;
            }
        }
    }
}
