using System.Text.Json;

namespace FargateApi.Cli.Tests;

/// <summary>Issue 13, item 3: simulate takes what the other verbs take and says what an Update changed.</summary>
public sealed class SimulateTemplateTests : IDisposable
{
    private const string TwoResources = """
        Parameters:
          Prefix: {Type: String, Default: acme}
        Resources:
          Api:
            Type: Custom::FargateApi
            Properties:
              ServiceToken: !ImportValue fargate-api-provider-ServiceToken
              ProjectPrefix: !Ref Prefix
              ServiceName: api
              ImageTag: "1.0.0"
              Priority: 1
          Web:
            Type: Custom::FargateApi
            Properties:
              ServiceToken: !ImportValue fargate-api-provider-ServiceToken
              ProjectPrefix: !Ref Prefix
              ServiceName: web
              Priority: 2
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_template_with_several_resources_needs_resource_and_then_runs_the_chosen_one()
    {
        var file = _folder.Write("stack.yaml", TwoResources);

        var unchosen = await Cli.RunAsync("simulate", file);
        var run = await Cli.RunAsync("simulate", file, "--resource", "Api");

        Assert.Equal(ExitCodes.Usage, unchosen.ExitCode);
        Assert.Equal($"{file}: 2 Custom::FargateApi resources (Api, Web); choose one with --resource", Assert.Single(unchosen.ErrorLines));
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains($"simulate: {file}: template parameters at their defaults: Prefix=acme", run.ErrorLines);
        Assert.Contains($"simulate: {file}: set by intrinsic functions, simulated with stand-in values: ServiceToken (Fn::ImportValue)", run.ErrorLines);
        Assert.Contains(run.OutputLines, l => l.EndsWith("service/acme-cluster/acme-api-service", StringComparison.Ordinal) && l.Contains("+ made     service", StringComparison.Ordinal));
        Assert.Equal("nothing left behind: every resource the provider made is gone", run.OutputLines[^1]);
    }

    [Fact]
    public async Task The_example_template_simulates_like_its_properties_file()
    {
        var run = await Cli.RunAsync("simulate", Path.Combine(Repository.Examples, "app-api.yaml"));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains(run.OutputLines, l => l.StartsWith("== Update: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_update_says_which_task_definition_and_image_the_service_now_runs()
    {
        var file = _folder.Write("stack.yaml", TwoResources);
        var next = _folder.Write("next.yaml", TwoResources.Replace("ImageTag: \"1.0.0\"", "ImageTag: \"1.1.0\"", StringComparison.Ordinal));

        var run = await Cli.RunAsync("simulate", file, "--update", next, "--resource", "Api");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var update = UpdateSection(run);
        Assert.Equal("   ~ task definition: acme-api-task:1 → acme-api-task:2", update[0]);
        Assert.Equal("   ~ image: 123456789012.dkr.ecr.us-east-1.amazonaws.com/acme/api:1.0.0 → 123456789012.dkr.ecr.us-east-1.amazonaws.com/acme/api:1.1.0", update[1]);
        Assert.Contains("   + made     task-definition arn:aws:ecs:us-east-1:123456789012:task-definition/acme-api-task:2", update);
    }

    [Fact]
    public async Task The_update_changes_are_in_the_json_too()
    {
        var run = await Cli.RunAsync("simulate", Path.Combine(Repository.Examples, "app-api.properties.json"), "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        var phases = document.RootElement.GetProperty("phases");
        var changes = phases[1].GetProperty("changes").EnumerateArray().Select(c => (c.GetProperty("what").GetString(), c.GetProperty("old").GetString(), c.GetProperty("new").GetString())).ToList();
        Assert.Equal(("task definition", "acme-app-api-task:1", "acme-app-api-task:2"), changes[0]);
        Assert.Equal(("image", "123456789012.dkr.ecr.us-east-1.amazonaws.com/acme/app-api:1.4.2", "123456789012.dkr.ecr.us-east-1.amazonaws.com/acme/app-api:1.4.2-next"), changes[1]);
        Assert.Empty(phases[0].GetProperty("changes").EnumerateArray());
    }

    [Fact]
    public async Task A_replacement_says_the_service_is_a_new_one()
    {
        var seed = Path.Combine(Repository.Examples, "app-api.properties.json");
        var renamed = _folder.Write("renamed.json", File.ReadAllText(seed).Replace("\"ServiceName\": \"app-api\"", "\"ServiceName\": \"web-api\"", StringComparison.Ordinal));

        var run = await Cli.RunAsync("simulate", seed, "--update", renamed);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("   ~ service: acme-app-api-service → acme-web-api-service", UpdateSection(run)[0]);
    }

    [Fact]
    public async Task Task_network_interfaces_are_not_listed_as_made_by_the_provider()
    {
        var text = await Cli.RunAsync("simulate", Path.Combine(Repository.Examples, "app-api.properties.json"));
        var json = await Cli.RunAsync("simulate", Path.Combine(Repository.Examples, "app-api.properties.json"), "--json");

        Assert.DoesNotContain(text.OutputLines, l => l.Contains("network-interface", StringComparison.Ordinal));
        using var document = JsonDocument.Parse(json.Output);
        Assert.All(document.RootElement.GetProperty("phases").EnumerateArray(), phase =>
            Assert.DoesNotContain(
                phase.GetProperty("made").EnumerateArray().Concat(phase.GetProperty("changed").EnumerateArray()).Concat(phase.GetProperty("removed").EnumerateArray()),
                e => e.GetProperty("type").GetString() == "network-interface"));
    }

    [Theory]
    [InlineData("--latency-ms", "abc", "--latency-ms: expected a whole number of milliseconds from 0 to 60000, got 'abc'")]
    [InlineData("--latency-ms", "-5", "--latency-ms: expected a whole number of milliseconds from 0 to 60000, got '-5'")]
    [InlineData("--latency-ms", "60001", "--latency-ms: expected a whole number of milliseconds from 0 to 60000, got '60001'")]
    [InlineData("--colour", "red", "unknown option '--colour'")]
    public async Task Option_values_are_checked_with_a_specific_message(string option, string value, string message)
    {
        var run = await Cli.RunAsync("simulate", Path.Combine(Repository.Examples, "minimal.properties.json"), option, value);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal($"fargate-api simulate: {message}", run.ErrorLines[0]);
    }

    /// <summary>The lines between "== Update" and the next phase.</summary>
    private static List<string> UpdateSection(CliRun run) =>
        [.. run.OutputLines.SkipWhile(l => !l.StartsWith("== Update", StringComparison.Ordinal)).Skip(1).TakeWhile(l => !l.StartsWith("==", StringComparison.Ordinal))];
}
