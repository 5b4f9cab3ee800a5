using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FargateApi.Lambda.Tests.Loopback;

namespace FargateApi.IntegrationTests.Moto;

/// <summary>
/// The published bootstrap as one warm Lambda environment pointed at moto: a loopback Runtime API hands it the
/// CloudFormation events one at a time, a loopback "S3 bucket" takes its answers. Killed on dispose.
/// </summary>
public sealed class ProviderUnderMoto : IAsyncDisposable
{
    private readonly FakeRuntimeApi _runtime = new();
    private readonly LoopbackHttpServer _bucket = new((_, _) => Task.FromResult(Reply.Status(200)));
    private readonly StringBuilder _output = new();
    private readonly Process _process;

    /// <param name="environment">Extra variables (e.g. other credentials); all inherited AWS_* variables are dropped first,
    /// so a developer's profile or endpoint settings cannot leak in.</param>
    public ProviderUnderMoto(string bootstrapPath, MotoServer moto, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(bootstrapPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var name in start.Environment.Keys.Where(key => key.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_LAMBDA_RUNTIME_API"] = _runtime.Endpoint;
        start.Environment["FARGATE_API_ALLOW_HTTP_RESPONSE_URL"] = "1";

        // The test events name stacks moto never had: event verification (DescribeStackResource) is turned off through
        // its documented variable, as the README allows for emulators only.
        start.Environment["FARGATE_API_VERIFY_EVENTS"] = "0";
        start.Environment["AWS_ENDPOINT_URL"] = moto.Endpoint;
        start.Environment["AWS_REGION"] = MotoServer.Region;
        start.Environment["AWS_ACCESS_KEY_ID"] = "testing";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "testing";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The bootstrap's log lines so far (JSON, one per line).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Invokes the function with one event and returns the response it PUT to the event's ResponseURL.</summary>
    public async Task<JsonElement> SendAsync(JsonObject cloudFormationEvent)
    {
        var requestId = cloudFormationEvent["RequestId"]!.GetValue<string>();
        cloudFormationEvent["ResponseURL"] = $"http://{_bucket.HostAndPort}/cfn/{requestId}?X-Amz-Signature=abc123";
        var invocation = _runtime.Enqueue(cloudFormationEvent.ToJsonString(), DateTimeOffset.UtcNow.AddMinutes(5));
        RuntimeOutcome outcome;
        try
        {
            outcome = await _runtime.OutcomeAsync(invocation);
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{cloudFormationEvent["RequestType"]} got no outcome in time; the bootstrap said:\n{Output}", timeout);
        }

        Assert.True(outcome.Kind == "response", $"{cloudFormationEvent["RequestType"]} ended as {outcome.Kind} {outcome.ErrorType}: {outcome.Body}\n{Output}");
        var put = Assert.Single(_bucket.Requests, request => request.Target.StartsWith($"/cfn/{requestId}?", StringComparison.Ordinal));
        return JsonDocument.Parse(put.Body).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        await _runtime.DisposeAsync();
        await _bucket.DisposeAsync();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
