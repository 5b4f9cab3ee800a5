using System.Text.Json;

namespace FargateApi.Cli.Tests;

public sealed class SimulateTests
{
    private static string Seed => Path.Combine(Repository.Examples, "app-api.properties.json");

    [Fact]
    public async Task Simulate_runs_create_update_delete_and_leaves_nothing()
    {
        var run = await Cli.RunAsync("simulate", Seed);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains(run.OutputLines, l => l.StartsWith("== Create: ", StringComparison.Ordinal));
        Assert.Contains(run.OutputLines, l => l.StartsWith("== Update: ", StringComparison.Ordinal));
        Assert.Contains(run.OutputLines, l => l.StartsWith("== Delete: ", StringComparison.Ordinal));
        Assert.Equal("nothing left behind: every resource the provider made is gone", run.OutputLines[^1]);
        Assert.Contains("simulate: Create…", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_json_reports_phases_and_no_leftovers()
    {
        using var folder = new TempFolder();
        var update = folder.Write("renamed.json", File.ReadAllText(Seed).Replace("\"ServiceName\": \"app-api\"", "\"ServiceName\": \"web-api\"", StringComparison.Ordinal));

        var run = await Cli.RunAsync("simulate", Seed, "--update", update, "--json");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        var phases = document.RootElement.GetProperty("phases").EnumerateArray().ToList();
        Assert.Equal(["Create", "Update", "Delete (old id, after replacement)", "Delete"], phases.Select(p => p.GetProperty("name").GetString()));
        Assert.NotEqual(phases[0].GetProperty("physicalResourceId").GetString(), phases[1].GetProperty("physicalResourceId").GetString());
        Assert.NotEmpty(phases[0].GetProperty("made").EnumerateArray());
        Assert.Empty(document.RootElement.GetProperty("leftBehind").EnumerateArray());
        Assert.True(document.RootElement.GetProperty("succeeded").GetBoolean());
    }

    [Fact]
    public async Task Simulate_with_invalid_properties_exits_invalid_before_any_phase()
    {
        using var folder = new TempFolder();
        var file = folder.Write("bad.json", Templates.Properties(", \"Cpu\": 256, \"Memory\": 4096"));

        var run = await Cli.RunAsync("simulate", file);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains("Memory: 4096 is not allowed with Cpu 256", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("== Create", run.Output, StringComparison.Ordinal);
    }
}
