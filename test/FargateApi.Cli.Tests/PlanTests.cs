using System.Text.Json;

namespace FargateApi.Cli.Tests;

public sealed class PlanTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Seed => Path.Combine(Repository.Examples, "app-api.properties.json");

    private string Changed(string name, string from, string to) =>
        _folder.Write(name, File.ReadAllText(Seed).Replace(from, to, StringComparison.Ordinal));

    [Fact]
    public async Task Service_name_change_says_replace_with_the_reason()
    {
        var next = Changed("renamed.json", "\"ServiceName\": \"app-api\"", "\"ServiceName\": \"web-api\"");

        var run = await Cli.RunAsync("plan", "--old", Seed, "--new", next);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.StartsWith("placeholder environment", run.Output, StringComparison.Ordinal);
        Assert.Contains(run.OutputLines, l => l.StartsWith("replace: ServiceName app-api → web-api cannot change in place (", StringComparison.Ordinal));
        Assert.Contains("  service: replace", run.OutputLines);
        Assert.StartsWith("replace: a new generation (0) of the stack beside the old one, because ServiceName app-api → web-api", run.OutputLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Container_port_change_is_an_update_in_place_that_closes_the_old_port_after_the_rollout()
    {
        var next = Changed("port.json", "\"ContainerPort\": 8000", "\"ContainerPort\": 8080");

        var run = await Cli.RunAsync("plan", "--old", Seed, "--new", next);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.DoesNotContain(run.OutputLines, l => l.StartsWith("replace", StringComparison.Ordinal));
        Assert.Contains(run.OutputLines, l => l.Contains("revoke ingress", StringComparison.Ordinal) && l.EndsWith("once no task listens on the old port, so traffic is never cut", StringComparison.Ordinal));
        Assert.StartsWith("update in place: ", run.OutputLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Image_tag_change_says_update_in_place_of_task_definition_revision_and_service()
    {
        var next = Changed("tag.json", "\"ImageTag\": \"1.4.2\"", "\"ImageTag\": \"1.5.0\"");

        var run = await Cli.RunAsync("plan", "--old", Seed, "--new", next);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("update in place: task definition revision, service", run.OutputLines[^1]);
        Assert.Contains(run.OutputLines, l => l.Trim().StartsWith("Container.Image: ", StringComparison.Ordinal) && l.EndsWith("acme/app-api:1.5.0", StringComparison.Ordinal));
        Assert.DoesNotContain(run.OutputLines, l => l.Contains("replace", StringComparison.Ordinal));
    }

    /// <summary>The template with a Cpu parameter that has no default: plan takes parameter defaults, so only then is Cpu unknown.</summary>
    private static string CpuWithoutDefault => Templates.YamlWithIntrinsics.Replace("Cpu: {Type: Number, Default: 512}", "Cpu: {Type: Number}", StringComparison.Ordinal);

    [Fact]
    public async Task Templates_are_planned_by_logical_id()
    {
        var template = CpuWithoutDefault.Replace("Memory: 8192", "Memory: 1024", StringComparison.Ordinal);
        var old = _folder.Write("old.yaml", template);
        var next = _folder.Write("new.yaml", template.Replace("ServiceName: app-api", "ServiceName: web-api", StringComparison.Ordinal));

        var run = await Cli.RunAsync("plan", "--old", old, "--new", next, "--resource", "AppApi");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains(run.OutputLines, l => l.StartsWith("replace: ServiceName app-api → web-api", StringComparison.Ordinal));
        Assert.Contains(run.OutputLines, l => l.StartsWith("set by intrinsic functions, unknown offline", StringComparison.Ordinal) && l.Contains("Cpu", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Template_whose_validity_hangs_on_an_intrinsic_cannot_be_planned()
    {
        var template = _folder.Write("t.yaml", CpuWithoutDefault);

        var run = await Cli.RunAsync("plan", "--old", template, "--new", template);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains("AppApi: cannot be planned offline: values set by intrinsic functions", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Template_without_the_named_resource_is_a_usage_error()
    {
        var template = _folder.Write("t.yaml", Templates.YamlWithIntrinsics);

        var run = await Cli.RunAsync("plan", "--old", template, "--new", template, "--resource", "Nope");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("no Custom::FargateApi resource 'Nope'; it has: AppApi", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_new_properties_exit_invalid_naming_the_property()
    {
        var next = Changed("bad.json", "\"Memory\": 1024", "\"Memory\": 9999");

        var run = await Cli.RunAsync("plan", "--old", Seed, "--new", next);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains($"{next}: (properties): Memory: 9999 is not allowed with Cpu 512", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_has_kind_reasons_and_field_changes()
    {
        var next = Changed("renamed.json", "\"ServiceName\": \"app-api\"", "\"ServiceName\": \"web-api\"");

        var run = await Cli.RunAsync("plan", "--old", Seed, "--new", next, "--json");

        using var document = JsonDocument.Parse(run.Output);
        Assert.Equal("Replace", document.RootElement.GetProperty("kind").GetString());
        Assert.StartsWith("ServiceName app-api → web-api", document.RootElement.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains(document.RootElement.GetProperty("changes").EnumerateArray(), c => c.GetProperty("resource").GetString() == "service" && c.GetProperty("kind").GetString() == "Replace");
    }

    [Theory]
    [InlineData("plan")]
    [InlineData("plan", "--old", "a.json")]
    [InlineData("plan", "--old", "a.json", "--new")]
    [InlineData("plan", "--old", "a.json", "--new", "b.json", "--colour")]
    public async Task Incomplete_command_line_is_a_usage_error(params string[] args)
    {
        var run = await Cli.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("usage: fargate-api plan", run.Errors, StringComparison.Ordinal);
    }
}
