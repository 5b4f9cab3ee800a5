namespace FargateApi.Cli.Tests;

public sealed class HelpTests
{
    [Theory]
    [InlineData("validate")]
    [InlineData("plan")]
    [InlineData("simulate")]
    [InlineData("invoke")]
    [InlineData("event")]
    public async Task Every_verb_has_help(string verb)
    {
        var run = await Cli.RunAsync(verb, "--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.StartsWith($"usage: fargate-api {verb}", run.Output.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("Exit code", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Top_level_help_lists_every_verb()
    {
        var run = await Cli.RunAsync("--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.All(new[] { "validate", "plan", "simulate", "invoke" }, verb => Assert.Contains($"fargate-api {verb} ", run.Output, StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_arguments_and_unknown_verb_are_usage_errors()
    {
        Assert.Equal(ExitCodes.Usage, (await Cli.RunAsync()).ExitCode);
        var unknown = await Cli.RunAsync("deploy");
        Assert.Equal(ExitCodes.Usage, unknown.ExitCode);
        Assert.Contains("unknown command 'deploy'", unknown.Errors, StringComparison.Ordinal);
    }
}
