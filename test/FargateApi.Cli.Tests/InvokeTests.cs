using System.Text;
using System.Text.Json;
using FargateApi.Cli.Invoke;
using FargateApi.Provisioning;
using FargateApi.Simulation;

namespace FargateApi.Cli.Tests;

/// <summary>
/// <c>invoke</c> runs the real provisioner; here it runs over the in-process simulation (never real AWS) and answers
/// to its loopback response sink, whose capture the tests read back from stdout.
/// </summary>
public sealed class InvokeTests : IDisposable
{
    private const string StackId = "arn:aws:cloudformation:us-east-1:123456789012:stack/app/1c2fa620-982a-11e3-aff7-50e2416294e0";
    private static readonly TimeSpan Quick = TimeSpan.FromMilliseconds(1);

    private readonly TempFolder _folder = new();
    private readonly SimulatedAws _aws = new();
    private int _built;

    public InvokeTests() => _aws.SeedNetwork("acme");

    public void Dispose() => _folder.Dispose();

    /// <summary>The simulation-backed provisioner; counts how often the command asked for one.</summary>
    private InvokeEnvironment Simulated => new(_ => null, options =>
    {
        _built++;
        return new StackProvisioner(
            _aws.Apis,
            options with { Region = _aws.Options.Region, PollDelay = Quick, SecurityGroupBackoff = Quick, ConsistencyDelay = Quick },
            TimeProvider.System);
    });

    private string Event(string requestType, string properties, string? physicalId = null, string resourceType = "Custom::FargateApi")
    {
        var physical = physicalId is null ? string.Empty : $"\"PhysicalResourceId\": \"{physicalId}\",";
        return _folder.Write($"{requestType}-{Guid.NewGuid():N}.json", $$"""
            {
              "RequestType": "{{requestType}}", "RequestId": "req-{{requestType}}", "StackId": "{{StackId}}",
              "LogicalResourceId": "AppApi", "ResourceType": "{{resourceType}}", {{physical}}
              "ResponseURL": "https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com/x?X-Amz-Signature=abc",
              "ResourceProperties": {{properties}}
            }
            """);
    }

    /// <summary>The JSON body the sink received, as printed after its request line.</summary>
    private static JsonElement Response(CliRun run)
    {
        Assert.StartsWith("PUT /cloudformation-response (Content-Type: '',", run.Output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(run.Output[run.Output.IndexOf('{', StringComparison.Ordinal)..]);
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task Delete_of_a_failed_create_id_answers_success_with_that_id()
    {
        const string failedId = "fargate-api-create-failed:AppApi:0123456789ab";

        var run = await Cli.InvokeAsync(Simulated, Event("Delete", Templates.Properties(), failedId));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var response = Response(run);
        Assert.Equal("SUCCESS", response.GetProperty("Status").GetString());
        Assert.Equal(failedId, response.GetProperty("PhysicalResourceId").GetString());
        Assert.Equal("req-Delete", response.GetProperty("RequestId").GetString());
        Assert.Empty(_aws.Snapshot().LiveBeyondSeed);
        Assert.Contains("invoke: delete: " + failedId, run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_with_invalid_properties_answers_failed_without_building_the_lifecycle()
    {
        var run = await Cli.InvokeAsync(Simulated, Event("Create", Templates.Properties(", \"Cpu\": 256, \"Memory\": 4096")));

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        var response = Response(run);
        Assert.Equal("FAILED", response.GetProperty("Status").GetString());
        Assert.Equal("1 invalid property: Memory: 4096 is not allowed with Cpu 256; allowed: 512, 1024, 2048.", response.GetProperty("Reason").GetString());
        Assert.StartsWith(PhysicalIds.FailedCreatePrefix + "AppApi:", response.GetProperty("PhysicalResourceId").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, _built);
    }

    [Fact]
    public async Task Create_then_delete_provisions_and_removes_the_stack()
    {
        var create = await Cli.InvokeAsync(Simulated, Event("Create", Templates.Properties(", \"WaitForSteadyState\": false")));
        var physicalId = Response(create).GetProperty("PhysicalResourceId").GetString()!;
        var delete = await Cli.InvokeAsync(Simulated, Event("Delete", Templates.Properties(", \"WaitForSteadyState\": false"), physicalId));

        Assert.Equal(ExitCodes.Ok, create.ExitCode);
        Assert.Equal("SUCCESS", Response(create).GetProperty("Status").GetString());
        Assert.StartsWith("arn:aws:ecs:us-east-1:", physicalId, StringComparison.Ordinal);
        Assert.Equal("acme-app-api-service", Response(create).GetProperty("Data").GetProperty("ServiceName").GetString());
        Assert.Equal(ExitCodes.Ok, delete.ExitCode);
        Assert.Empty(_aws.Snapshot().LiveBeyondSeed);
    }

    [Fact]
    public async Task Missing_credentials_answer_failed_with_where_they_were_looked_for()
    {
        var noAws = new InvokeEnvironment(_ => null);

        var run = await Cli.InvokeAsync(noAws, Event("Create", Templates.Properties()));

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains("No AWS credentials found", Response(run).GetProperty("Reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_of_another_resource_type_with_a_failed_create_id_succeeds_without_aws()
    {
        var run = await Cli.InvokeAsync(Simulated, Event("Delete", "{}", "fargate-api-create-failed:AppApi:0123456789ab", "Custom::Other"));

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal(0, _built);
    }

    [Theory]
    [InlineData("""{ "RequestType": "Create" }""", "the event lacks RequestId, StackId, LogicalResourceId, ResourceType")]
    [InlineData("""{ "RequestType": "Update", "RequestId": "r", "StackId": "s", "LogicalResourceId": "A", "ResourceType": "Custom::FargateApi" }""", "a Update event needs a PhysicalResourceId")]
    [InlineData("""{ "RequestType": "Move", "RequestId": "r", "StackId": "s", "LogicalResourceId": "A", "ResourceType": "Custom::FargateApi" }""", "RequestType 'Move' is none of Create, Update, Delete")]
    [InlineData("[1, 2", "")]
    public async Task Unusable_event_is_a_usage_error(string content, string problem)
    {
        var file = _folder.Write("event.json", content);

        var run = await Cli.InvokeAsync(Simulated, file);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith($"{file}: {problem}", run.Errors, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
    }

    [Theory]
    [InlineData]
    [InlineData("a.json", "b.json")]
    [InlineData("a.json", "--function-arn")]
    [InlineData("a.json", "--region", "x")]
    public async Task Wrong_command_line_is_a_usage_error(params string[] args)
    {
        var run = await Cli.InvokeAsync(Simulated, args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("usage: fargate-api invoke", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Response_sink_captures_method_empty_content_type_and_exact_body()
    {
        using var sink = new ResponseSink();
        var body = Encoding.UTF8.GetBytes("{\"Status\":\"SUCCESS\",\"Reason\":\"ü\"}" + new string('x', 20_000));
        var received = sink.ReceiveAsync(CancellationToken.None);
        using var http = new HttpClient();
        using var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", string.Empty);

        using var answer = await http.PutAsync(sink.Url, content);
        var captured = await received;

        Assert.True(answer.IsSuccessStatusCode);
        Assert.Equal("PUT", captured.Method);
        Assert.Equal(string.Empty, captured.ContentType);
        Assert.Equal(body, captured.Body);
        Assert.Equal("127.0.0.1", sink.Url.Host);
    }
}
