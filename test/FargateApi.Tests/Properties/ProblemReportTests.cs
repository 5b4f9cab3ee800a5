using System.Text.Json.Nodes;
using static FargateApi.Tests.Properties.PropertyFixtures;

namespace FargateApi.Tests.Properties;

public sealed class ProblemReportTests
{
    [Fact]
    public void Cpu_256_with_memory_4096_lists_the_allowed_memory()
    {
        var result = Read(Minimal().With("Cpu", "256").With("Memory", "4096"));

        Assert.Equal("1 invalid property: Memory: 4096 is not allowed with Cpu 256; allowed: 512, 1024, 2048.", result.Describe());
    }

    [Fact]
    public void Every_problem_is_reported_at_once_one_sentence_each()
    {
        var node = Seed()
            .With("Cpu", "256").With("Memory", "4096")
            .With("Priority", null).With("Priorty", "5")
            .With("PathPatterns", "/api/*,/v2/*")
            .With("AutoScaling.MaxCapacity", "0")
            .With("Tags", new JsonObject { ["aws:x"] = "y" });

        var result = Read(node);

        Assert.Equal(6, result.Problems.Count);
        Assert.Null(result.Properties);
        Problem(result, "Memory", "allowed: 512, 1024, 2048");
        Problem(result, "Priorty", "unknown property; did you mean Priority?");
        Problem(result, "Priority", "required");
        Problem(result, "PathPatterns", "expected a list");
        Problem(result, "AutoScaling.MaxCapacity", "at least 1");
        Problem(result, "Tags.aws:x", "aws:");
        var text = result.Describe();
        Assert.StartsWith("6 invalid properties: Priorty: unknown property; did you mean Priority? ", text, StringComparison.Ordinal);
        Assert.Equal(6, text.Split(". ").Length + text.Split("? ").Length - 1);
    }

    [Theory]
    [InlineData("Priorty", "Priorty", "did you mean Priority?")]
    [InlineData("cpu", "cpu", "did you mean Cpu?")]
    [InlineData("CPU", "CPU", "did you mean Cpu?")]
    [InlineData("ServiceNmae", "ServiceNmae", "did you mean ServiceName?")]
    [InlineData("EnvironmentVariable", "EnvironmentVariable", "did you mean EnvironmentVariables?")]
    [InlineData("AutoScaling.MaxCapcity", "AutoScaling.MaxCapcity", "did you mean AutoScaling.MaxCapacity?")]
    [InlineData("HealthCheck.Interval", "HealthCheck.Interval", "did you mean HealthCheck.IntervalSeconds?")]
    [InlineData("MaxCapacity", "MaxCapacity", "unknown property here; did you mean AutoScaling.MaxCapacity?")]
    [InlineData("Deployment.Priority", "Deployment.Priority", "unknown property here; did you mean Priority?")]
    [InlineData("Flavour", "Flavour", "unknown property")]
    [InlineData("Grants.Queues", "Grants.Queues", "unknown property; allowed: DynamoDbTables, S3Buckets, SecretArns")]
    public void Unknown_properties_at_any_level_are_reported_with_the_nearest_name(string path, string property, string fragment)
    {
        Problem(Read(Minimal().With(path, "1")), property, fragment);
    }

    [Fact]
    public void Unknown_name_far_from_every_property_gets_no_suggestion()
    {
        var problem = Problem(Read(Minimal().With("Flavour", "1")), "Flavour", "unknown property");

        Assert.DoesNotContain("did you mean", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_required_properties_are_all_named()
    {
        var result = Read("{}");

        Assert.Equal(["ProjectPrefix", "ServiceName", "Priority"], result.Problems.Select(p => p.Property));
        Assert.All(result.Problems, p => Assert.StartsWith("required", p.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[]", "expected an object, got a list")]
    [InlineData("\"text\"", "expected an object, got the string 'text'")]
    [InlineData("null", "required")]
    public void Properties_that_are_not_an_object_are_reported(string json, string fragment)
    {
        var result = Read(json);

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Message.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void Default_element_is_reported_not_thrown()
    {
        var result = FargateApi.Properties.PropertiesReader.Read(default);

        Assert.False(result.IsValid);
        Assert.Equal(3, result.Problems.Count);
    }

    [Fact]
    public void Huge_string_is_rejected_without_echoing_it()
    {
        var huge = new string('x', 1024 * 1024);

        var result = Read(Seed().With("ImageTag", huge).With("ServiceName", huge).With("EnvironmentVariables", new JsonObject { [huge] = huge }));

        Problem(result, "ImageTag", "(1048576 characters); at most 128");
        Problem(result, "ServiceName", "(1048576 characters); at most 24");
        Assert.Contains(result.Problems, p => p.Property.StartsWith("EnvironmentVariables.xxx", StringComparison.Ordinal) && p.Property.Length < 100);
        var text = result.Describe();
        Assert.True(text.Length < 1500, text[..Math.Min(text.Length, 1500)]);
    }

    [Fact]
    public void Quoted_values_show_at_most_sixty_characters()
    {
        var value = "/" + new string('a', 200);

        var problem = Problem(Read(Seed().With("Environment", value)), "Environment", "characters");

        Assert.Contains("'/" + new string('a', 59) + "'… (201 characters)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Repeated_member_is_reported()
    {
        var result = Read("""{"ProjectPrefix": "a", "ServiceName": "b", "Priority": "1", "Cpu": "512", "Cpu": "1024"}""");

        Problem(result, "Cpu", "given more than once");
    }

    [Fact]
    public void Valid_result_describes_itself_as_valid()
    {
        var result = Read(Minimal());

        Assert.True(result.IsValid);
        Assert.Empty(result.Problems);
        Assert.Equal("Properties are valid.", result.Describe());
    }
}
