using System.Text;
using System.Text.Json;
using FargateApi.Cli.Invoke;
using FargateApi.Cli.Templates;

namespace FargateApi.Cli.Commands;

/// <summary>
/// <c>fargate-api invoke</c>: one CloudFormation custom-resource event through the provider's protocol rules and its
/// real provisioner, against the AWS account the environment configures, for debugging. The event's ResponseURL is
/// replaced by a loopback listener that prints the response CloudFormation would have received.
/// </summary>
internal static class InvokeCommand
{
    public const string Usage = """
        usage: fargate-api invoke EVENT.json [--function-arn ARN] [--timeout DURATION]

          EVENT.json          a CloudFormation custom-resource event (RequestType Create, Update or Delete; '-': stdin);
                              `fargate-api event` writes one
          --function-arn ARN  the provider's function ARN: account and partition are read off it instead of STS
          --timeout DURATION  stop after this long (90s, 10m, 1h) and answer FAILED; default: as long as the provisioner
                              waits (the properties' ServiceTimeout)

        Runs the event against the AWS account of the standard environment: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY /
        AWS_SESSION_TOKEN or AWS_PROFILE, AWS_REGION, and AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE> to point at an
        emulator. It creates, changes and deletes real resources. The event's ResponseURL is never called: the response
        goes to a listener on 127.0.0.1 and is printed on stdout; progress goes to stderr, one line per poll while it
        waits for the service to be stable (elapsed time, running/desired tasks, the deployment's rollout state).
        Exit code: 0 SUCCESS, 1 FAILED, 2 usage error or unreadable event.
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter errors, InvokeEnvironment environment, InputReader reader)
    {
        if (arguments.Any(a => a is "-h" or "--help"))
        {
            await output.WriteLineAsync(Usage).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var options = CommandLine.Parse(arguments, ["--function-arn", "--timeout"], []);
        if (options.Problem is null && options.Positional.Count != 1)
        {
            options = options with { Problem = options.Positional.Count == 0 ? "an event file is required" : $"unexpected '{options.Positional[1]}'" };
        }

        TimeSpan? timeout = null;
        if (options.Problem is null && options.Value("--timeout") is { } timeoutText)
        {
            timeout = Duration.Parse("--timeout", timeoutText, out var problem);
            options = timeout is null ? options with { Problem = problem } : options;
        }

        if (options.Problem is not null)
        {
            await errors.WriteLineAsync($"fargate-api invoke: {options.Problem}{Environment.NewLine}{Usage}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var file = options.Positional[0];
        var request = await ReadEventAsync(file, reader, errors).ConfigureAwait(false);
        if (request is null)
        {
            return ExitCodes.Usage;
        }

        void Progress(string line) => errors.WriteLine($"invoke: {line}");
        Progress($"{request.RequestType} {request.LogicalResourceId} ({request.ResourceType}) of {request.StackId}, request {request.RequestId}");

        using var sink = new ResponseSink();
        using var stop = timeout is { } limit ? new CancellationTokenSource(limit) : new CancellationTokenSource();
        Progress($"ResponseURL {(request.ResponseUrl is null ? "(none)" : "(the event's, not called)")} replaced by {sink.Url}{(timeout is { } t ? $"; stops after {WaitProgressPrinter.Elapsed(t)} (--timeout)" : string.Empty)}");
        var printer = new WaitProgressPrinter(Progress);
        var response = await InvokeOperation.RunAsync(request, () => environment.Lifecycle(options.Value("--function-arn"), printer), Progress, stop.Token).ConfigureAwait(false);
        var body = response.ToJson();
        Progress($"answering {(response.Success ? "SUCCESS" : "FAILED")} ({body.Length} bytes) to the local ResponseURL");

        var received = sink.ReceiveAsync(CancellationToken.None);
        await PutAsync(sink.Url, body).ConfigureAwait(false);
        var captured = await received.ConfigureAwait(false);
        await output.WriteLineAsync($"{captured.Method} {captured.Path} (Content-Type: '{captured.ContentType ?? "(none)"}', {captured.Body.Length} bytes)").ConfigureAwait(false);
        await output.WriteLineAsync(Pretty(captured.Body)).ConfigureAwait(false);
        if (captured.Body.Length > InvokeResponse.MaxBytes)
        {
            await errors.WriteLineAsync($"invoke: the response has {captured.Body.Length} bytes, over CloudFormation's {InvokeResponse.MaxBytes}; the Lambda would cut the Reason or drop the Data").ConfigureAwait(false);
        }

        return response.Success ? ExitCodes.Ok : ExitCodes.Invalid;
    }

    private static async Task<CustomResourceEvent?> ReadEventAsync(string file, InputReader reader, TextWriter errors)
    {
        try
        {
            using var document = JsonTemplateParser.Document((await reader.ReadAsync(file).ConfigureAwait(false)).Text);
            var request = CustomResourceEvent.Parse(document.RootElement, out var problem);
            if (request is null)
            {
                await errors.WriteLineAsync($"{InputReader.Display(file)}: {problem}").ConfigureAwait(false);
            }

            return request;
        }
        catch (Exception e) when (e is TemplateFormatException or InputException)
        {
            await errors.WriteLineAsync($"{InputReader.Display(file)}: {e.Message}").ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>PUT with an empty Content-Type, as the Lambda does: the pre-signed S3 URL is signed for none (research pitfall 8).</summary>
    private static async Task PutAsync(Uri url, byte[] body)
    {
        using var http = new HttpClient();
        using var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", string.Empty);
        using var response = await http.PutAsync(url, content).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    private static string Pretty(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.WriteTo(json);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
