using System.Text.Json;
using System.Text.Json.Nodes;
using FargateApi.Aws.Credentials;
using FargateApi.Aws.Http;
using FargateApi.Aws.Services.Lambda;
using FargateApi.Lambda.CloudFormation;
using FargateApi.Lambda.Continuation;
using FargateApi.Lambda.Tests.Loopback;

namespace FargateApi.Lambda.Tests;

/// <summary>
/// The whole provider in-process: runtime loop and handler against a loopback Runtime API, answering to a loopback
/// "S3" that records every PUT as it arrived on the wire, and a loopback "Lambda" that records every hand-off Invoke
/// (real LambdaClient and AwsHttpCaller, dummy credentials, <c>AWS_ENDPOINT_URL_LAMBDA</c> given through the caller
/// options, not the process environment). Retry delays are shrunk; logic and wire format are not.
/// </summary>
internal sealed class ProviderHarness : IAsyncDisposable
{
    private readonly LoopbackHttpServer _lambda;
    private readonly LoopbackRuntime _runtime;

    /// <param name="continuations">Null: the real sender over the loopback Lambda endpoint.</param>
    public ProviderHarness(FakeLifecycle? lifecycle = null, HandlerOptions? options = null, ResponseSenderOptions? senderOptions = null, IContinuationSender? continuations = null)
    {
        Lifecycle = lifecycle ?? new FakeLifecycle();
        _lambda = new LoopbackHttpServer((request, cancellationToken) => LambdaReply(request, cancellationToken));
        continuations ??= new LambdaContinuationSender(() => new LambdaClient(new AwsHttpCaller(LambdaCallerOptions(_lambda.HostAndPort))));
        _runtime = new LoopbackRuntime(
            senderOptions ?? FastRetries,
            (sender, log) => new CustomResourceHandler(Lifecycle, sender, continuations, ContinuationKey, options ?? TestOptions, log));
    }

    /// <summary>The key continuations are signed with; a test signs its own payloads with it.</summary>
    public FixedContinuationKey ContinuationKey { get; } = new();

    /// <summary>A one-second margin: deadline tests stay short, and delivery still has room on a loaded machine.</summary>
    public static HandlerOptions TestOptions { get; } = new(true, TimeSpan.FromSeconds(1), 0.05, TimeSpan.FromMilliseconds(100));

    public static ResponseSenderOptions FastRetries { get; } = new(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), 5);

    public FakeLifecycle Lifecycle { get; }

    /// <summary>How the fake Lambda answers each Invoke; 202 Accepted (an Event invocation queued) unless a test says otherwise.</summary>
    public Func<RecordedRequest, CancellationToken, Task<Reply>> LambdaReply { get; set; } = (_, _) => Task.FromResult(Reply.Status(202));

    /// <summary>Every Invoke the provider sent to hand a wait on, as it arrived on the wire.</summary>
    public IReadOnlyList<RecordedRequest> Invokes => _lambda.Requests;

    /// <summary>How the fake bucket answers each PUT; 200 unless a test says otherwise.</summary>
    public Func<RecordedRequest, CancellationToken, Task<Reply>> BucketReply
    {
        get => _runtime.BucketReply;
        set => _runtime.BucketReply = value;
    }

    public Uri ResponseUrl => new($"http://{_runtime.BucketHostAndPort}/cfn-responses/shop/ApiService?X-Amz-Signature=s3cr3tsignature&X-Amz-Expires=7200");

    public IReadOnlyList<RecordedRequest> Puts => _runtime.Puts;

    public IReadOnlyList<RecordedRequest> RuntimeRequests => _runtime.RuntimeRequests;

    public string Logs => _runtime.Logs;

    public IEnumerable<JsonElement> LogLines => Logs.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement);

    /// <summary>Hands the provider one event and waits for what it reports to the Runtime API.</summary>
    public Task<RuntimeOutcome> InvokeAsync(JsonNode cloudFormationEvent, TimeSpan? budget = null, string? traceId = null) =>
        InvokeRawAsync(cloudFormationEvent.ToJsonString(), budget, traceId);

    public Task<RuntimeOutcome> InvokeRawAsync(string payload, TimeSpan? budget = null, string? traceId = null) =>
        InvokeRawAsync(payload, DateTimeOffset.UtcNow + (budget ?? TimeSpan.FromSeconds(30)), traceId);

    /// <param name="deadline">Sent as Lambda-Runtime-Deadline-Ms (whole milliseconds).</param>
    public Task<RuntimeOutcome> InvokeRawAsync(string payload, DateTimeOffset deadline, string? traceId = null) =>
        _runtime.InvokeRawAsync(payload, deadline, traceId);

    /// <summary>Feeds the body of the <paramref name="index"/>-th hand-off Invoke back in, as Lambda would deliver it.</summary>
    public Task<RuntimeOutcome> InvokeHandedOffAsync(int index, TimeSpan? budget = null) =>
        InvokeRawAsync(Invokes[index].BodyText, budget);

    /// <summary>The one PUT body, parsed; fails when there was not exactly one PUT.</summary>
    public JsonElement SingleResponse()
    {
        var put = Assert.Single(Puts);
        return JsonDocument.Parse(put.Body).RootElement;
    }

    public async ValueTask DisposeAsync()
    {
        await _runtime.DisposeAsync();
        await _lambda.DisposeAsync();
    }

    /// <summary>Dummy credentials and a loopback Lambda endpoint; backoff waits are skipped so retries stay fast.</summary>
    private static AwsCallerOptions LambdaCallerOptions(string hostAndPort) => new()
    {
        Credentials = new AwsCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        Region = "eu-west-1",
        Environment = name => name == "AWS_ENDPOINT_URL_LAMBDA" ? $"http://{hostAndPort}" : null,
        Delay = (_, _) => Task.CompletedTask,
    };
}
