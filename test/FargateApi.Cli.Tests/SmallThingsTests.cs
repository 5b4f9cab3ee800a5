using System.Text.Json;

namespace FargateApi.Cli.Tests;

/// <summary>Issue 13, item 6: the small things a new user notices.</summary>
public sealed class SmallThingsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Version_prints_the_version()
    {
        var run = await Cli.RunAsync("--version");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Matches(@"^fargate-api \d+\.\d+\.\d+", run.OutputLines.Single());
    }

    [Fact]
    public async Task Dash_reads_a_template_from_stdin_in_validate()
    {
        var run = await Cli.RunWithStdinAsync(Templates.YamlCpuMemoryMistake, "validate", "-");

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains("(stdin): AppApi: Memory: 4096 is not allowed with Cpu 256; allowed: 512, 1024, 2048", run.OutputLines);
    }

    [Fact]
    public async Task Dash_reads_json_from_stdin_in_plan_simulate_and_event()
    {
        var seed = File.ReadAllText(Path.Combine(Repository.Examples, "app-api.properties.json"));
        var next = _folder.Write("next.json", seed.Replace("\"1.4.2\"", "\"1.5.0\"", StringComparison.Ordinal));

        var plan = await Cli.RunWithStdinAsync(seed, "plan", "--old", "-", "--new", next);
        var simulate = await Cli.RunWithStdinAsync(seed, "simulate", "-");
        var @event = await Cli.RunWithStdinAsync(seed, "event", "create", "-");

        Assert.Equal("update in place: task definition revision, service", plan.OutputLines[^1]);
        Assert.Equal(ExitCodes.Ok, simulate.ExitCode);
        Assert.Equal("acme", JsonDocument.Parse(@event.Output).RootElement.GetProperty("ResourceProperties").GetProperty("ProjectPrefix").GetString());
    }

    [Fact]
    public async Task Dash_reads_the_event_from_stdin_in_invoke()
    {
        var seed = File.ReadAllText(Path.Combine(Repository.Examples, "minimal.properties.json"));
        var @event = await Cli.RunWithStdinAsync(seed, "event", "create", "-");

        // No AWS configuration in tests: the event is read, then the Create answers FAILED for want of credentials.
        var run = await Cli.RunWithStdinAsync(@event.Output, "invoke", "-");

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains("invoke: Create Service (Custom::FargateApi) of arn:aws:cloudformation:us-east-1:123456789012:stack/fargate-api-event/", run.Errors, StringComparison.Ordinal);
        Assert.Contains("No AWS credentials found", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stdin_is_read_once()
    {
        var run = await Cli.RunWithStdinAsync(Templates.Properties(), "plan", "--old", "-", "--new", "-");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("(stdin): stdin can be read only once; give the other inputs as files", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Plan_on_a_template_uses_parameter_defaults_and_says_so()
    {
        var old = _folder.Write("old.yaml", Templates.YamlWithIntrinsics.Replace("Memory: 8192", "Memory: 1024", StringComparison.Ordinal));
        var next = _folder.Write("new.yaml", File.ReadAllText(old).Replace("Cpu: {Type: Number, Default: 512}", "Cpu: {Type: Number, Default: 256}", StringComparison.Ordinal));

        var run = await Cli.RunAsync("plan", "--old", old, "--new", next);
        var json = await Cli.RunAsync("plan", "--old", old, "--new", next, "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("template parameters at their defaults: Cpu=512 → 256, Priority=1", run.OutputLines);
        Assert.Contains(run.OutputLines, l => l.Trim() == "Cpu: 512 → 256");
        Assert.Equal(["Cpu=512 → 256", "Priority=1"], JsonDocument.Parse(json.Output).RootElement.GetProperty("parametersAtDefault").EnumerateArray().Select(p => p.GetString()));
    }

    [Theory]
    [InlineData("app-api.properties.json", "\"ImageTag\": \"1.4.2\"", "\"ImageTag\": \"1.5.0\"")]
    [InlineData("app-api.properties.json", "\"ContainerPort\": 8000", "\"ContainerPort\": 8080")]
    [InlineData("app-api.properties.json", "\"ServiceName\": \"app-api\"", "\"ServiceName\": \"web-api\"")]
    [InlineData("app-api.properties.json", "\"Priority\": 1", "\"Priority\": 1")]
    [InlineData("minimal.yaml", "Priority: 10", "Priority: 10")]
    public async Task Plan_prints_each_line_once(string example, string from, string to)
    {
        var seed = Path.Combine(Repository.Examples, example);
        var next = _folder.Write("next" + Path.GetExtension(example), File.ReadAllText(seed).Replace(from, to, StringComparison.Ordinal));

        var run = await Cli.RunAsync("plan", "--old", seed, "--new", next);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var repeated = run.OutputLines.GroupBy(l => l).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(repeated.Count == 0, "printed more than once: " + string.Join(" | ", repeated));
    }

    [Fact]
    public async Task No_change_is_said_once()
    {
        var seed = Path.Combine(Repository.Examples, "minimal.yaml");

        var run = await Cli.RunAsync("plan", "--old", seed, "--new", seed);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Single(run.OutputLines, l => l.StartsWith("no change:", StringComparison.Ordinal));
        Assert.StartsWith("no change:", run.OutputLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void The_ci_script_refers_only_to_readme_sections_that_exist()
    {
        var script = File.ReadAllText(Path.Combine(Repository.Root, ".ci", "run"));
        var readme = File.ReadAllLines(Path.Combine(Repository.Root, "README.md"));

        var references = System.Text.RegularExpressions.Regex.Matches(script, "README \"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, section => Assert.Contains($"## {section}", readme));
    }

    [Fact]
    public void The_readme_says_where_the_native_cli_lands_and_which_moto_fixes_invoke_needs()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));

        Assert.Contains("src/FargateApi.Cli/bin/Release/net10.0/linux-x64/publish/fargate-api", readme, StringComparison.Ordinal);
        Assert.Contains("test/FargateApi.IntegrationTests/Moto/Scripts/moto_server_fixed.py", readme, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Repository.Root, "test", "FargateApi.IntegrationTests", "Moto", "Scripts", "moto_server_fixed.py")));
    }
}
