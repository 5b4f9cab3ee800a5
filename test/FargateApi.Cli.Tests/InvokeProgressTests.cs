using System.Text.Json;
using FargateApi.Cli.Invoke;
using FargateApi.Provisioning;
using FargateApi.Simulation;

namespace FargateApi.Cli.Tests;

/// <summary>Issue 13, item 4: invoke says what it is doing while it waits, stops when told, and events need not be written by hand.</summary>
public sealed class InvokeProgressTests : IDisposable
{
    private static readonly TimeSpan Quick = TimeSpan.FromMilliseconds(1);

    private readonly TempFolder _folder = new();
    private readonly SimulatedAws _aws = new();

    public InvokeProgressTests() => _aws.SeedNetwork("acme");

    public void Dispose() => _folder.Dispose();

    /// <summary>The simulation-backed provisioner, with the options invoke chose (its progress observer among them).</summary>
    private InvokeEnvironment Simulated(TimeSpan pollDelay) => new(_ => null, options => new StackProvisioner(
        _aws.Apis,
        options with { Region = _aws.Options.Region, PollDelay = pollDelay, SecurityGroupBackoff = Quick, ConsistencyDelay = Quick },
        TimeProvider.System));

    private string Properties(string extra = "") => _folder.Write($"p-{Guid.NewGuid():N}.json", Templates.Properties(extra));

    private async Task<string> EventAsync(params string[] args)
    {
        var run = await Cli.RunAsync(["event", .. args]);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Errors);
        return _folder.Write($"event-{Guid.NewGuid():N}.json", run.Output);
    }

    private static JsonElement Response(CliRun run)
    {
        using var document = JsonDocument.Parse(run.Output[run.Output.IndexOf('{', StringComparison.Ordinal)..]);
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task Each_poll_of_the_steady_state_wait_is_one_progress_line()
    {
        var create = await EventAsync("create", Properties());

        var run = await Cli.InvokeAsync(Simulated(Quick), create);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("invoke: create: provisioning; then waits for the service to be stable (at most ServiceTimeout, 3600 s)", run.ErrorLines);
        var polls = run.ErrorLines.Where(l => l.StartsWith("invoke: waiting for acme-app-api-service to be stable: ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(polls);
        Assert.All(polls, p => Assert.Matches(@"^invoke: waiting for acme-app-api-service to be stable: \d+:\d\d elapsed, \d+ of 1 tasks running, rollout [A-Z_]+, \d+ deployments?$", p));
        Assert.Contains(", 1 of 1 tasks running, rollout COMPLETED, 1 deployment", polls[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_wait_for_steady_state_it_neither_claims_to_wait_nor_polls()
    {
        var create = await EventAsync("create", Properties(", \"WaitForSteadyState\": false"));

        var run = await Cli.InvokeAsync(Simulated(Quick), create);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("invoke: create: provisioning; WaitForSteadyState is false: it answers once the deployment has started, without waiting for the tasks", run.ErrorLines);
        Assert.DoesNotContain(run.ErrorLines, l => l.StartsWith("invoke: waiting for", StringComparison.Ordinal) || l.Contains("then waits for", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Timeout_stops_the_wait_and_answers_failed_saying_so()
    {
        var create = await EventAsync("create", Properties());

        // Polls 10 minutes apart: the wait can only end by the timeout.
        var run = await Cli.InvokeAsync(Simulated(TimeSpan.FromMinutes(10)), create, "--timeout", "1s");

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Equal("FAILED", Response(run).GetProperty("Status").GetString());
        Assert.Equal("Create was stopped (--timeout) before it finished; what it made so far is left as it is (a Delete event removes it).", Response(run).GetProperty("Reason").GetString());
        Assert.Contains(run.ErrorLines, l => l.EndsWith("; stops after 0:01 (--timeout)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0s")]
    [InlineData("25h")]
    [InlineData("10d")]
    public async Task A_timeout_that_is_no_duration_is_a_usage_error(string value)
    {
        var run = await Cli.InvokeAsync(Simulated(Quick), "event.json", "--timeout", value);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal($"fargate-api invoke: --timeout: expected a duration of at most 24h such as 90s, 10m or 1h, got '{value}'", run.ErrorLines[0]);
    }

    [Fact]
    public async Task Events_written_by_event_drive_create_update_and_delete_through_invoke()
    {
        var v1 = Properties();
        var v2 = Properties(", \"DesiredCount\": 2");
        File.WriteAllText(v2, File.ReadAllText(v2).Replace("\"1.4.2\"", "\"1.5.0\"", StringComparison.Ordinal));

        var create = await Cli.InvokeAsync(Simulated(Quick), await EventAsync("create", v1));
        var physicalId = Response(create).GetProperty("PhysicalResourceId").GetString()!;
        var update = await Cli.InvokeAsync(Simulated(Quick), await EventAsync("update", v2, "--old", v1, "--physical-id", physicalId));
        var delete = await Cli.InvokeAsync(Simulated(Quick), await EventAsync("delete", v2, "--physical-id", physicalId));

        Assert.Equal((ExitCodes.Ok, ExitCodes.Ok, ExitCodes.Ok), (create.ExitCode, update.ExitCode, delete.ExitCode));
        Assert.Equal(physicalId, Response(update).GetProperty("PhysicalResourceId").GetString());
        Assert.EndsWith("acme-app-api-task:2", Response(update).GetProperty("Data").GetProperty("TaskDefinitionArn").GetString(), StringComparison.Ordinal);
        Assert.Empty(_aws.Snapshot().LiveBeyondSeed);
    }

    [Fact]
    public async Task An_event_carries_every_value_as_a_string_as_cloudformation_sends_it()
    {
        var run = await Cli.RunAsync("event", "update", Properties(", \"WaitForSteadyState\": false, \"PathPatterns\": [\"/api/*\"]"), "--old", Properties(), "--physical-id", "arn:aws:ecs:us-east-1:123456789012:service/c/s");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        var root = document.RootElement;
        Assert.Equal("Update", root.GetProperty("RequestType").GetString());
        Assert.Equal("Service", root.GetProperty("LogicalResourceId").GetString());
        Assert.Equal("Custom::FargateApi", root.GetProperty("ResourceType").GetString());
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:service/c/s", root.GetProperty("PhysicalResourceId").GetString());
        Assert.True(Guid.TryParse(root.GetProperty("RequestId").GetString(), out _));
        var properties = root.GetProperty("ResourceProperties");
        Assert.Equal("1", properties.GetProperty("Priority").GetString());
        Assert.Equal("false", properties.GetProperty("WaitForSteadyState").GetString());
        Assert.Equal("/api/*", properties.GetProperty("PathPatterns")[0].GetString());
        Assert.Equal(root.GetProperty("ServiceToken").GetString(), properties.GetProperty("ServiceToken").GetString());
        Assert.Equal("1", root.GetProperty("OldResourceProperties").GetProperty("Priority").GetString());
    }

    [Fact]
    public async Task An_event_of_a_template_resource_takes_its_logical_id_and_parameter_defaults()
    {
        var run = await Cli.RunAsync("event", "create", Path.Combine(Repository.Examples, "minimal.yaml"));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        Assert.Equal("Hello", document.RootElement.GetProperty("LogicalResourceId").GetString());
        Assert.Equal("10", document.RootElement.GetProperty("ResourceProperties").GetProperty("Priority").GetString());
    }

    [Fact]
    public async Task A_value_only_cloudformation_knows_cannot_go_into_an_event()
    {
        var run = await Cli.RunAsync("event", "create", Path.Combine(Repository.Examples, "app-api.yaml"));

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains("AppApi: set by intrinsic functions only CloudFormation resolves, so no event can hold them: EnvironmentVariables.AWS_REGION (Ref)", run.Errors, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
    }

    [Theory]
    [InlineData("update", "update needs --physical-id: the PhysicalResourceId the Create answered (invoke prints it)")]
    [InlineData("delete", "delete needs --physical-id: the PhysicalResourceId the Create answered (invoke prints it)")]
    [InlineData("move", "'move' is none of create, update, delete")]
    public async Task An_event_that_cloudformation_would_not_send_is_a_usage_error(string requestType, string message)
    {
        var run = await Cli.RunAsync("event", requestType, Properties());

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal($"fargate-api event: {message}", run.ErrorLines[0]);
    }

    [Fact]
    public async Task An_update_event_needs_the_old_properties()
    {
        var run = await Cli.RunAsync("event", "update", Properties(), "--physical-id", "arn:aws:ecs:us-east-1:123456789012:service/c/s");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("fargate-api event: update needs --old OLD: the properties before the update (CloudFormation always sends them)", run.ErrorLines[0]);
    }
}
