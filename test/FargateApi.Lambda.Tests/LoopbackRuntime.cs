using FargateApi.Lambda.CloudFormation;
using FargateApi.Lambda.Logging;
using FargateApi.Lambda.Runtime;
using FargateApi.Lambda.Tests.Loopback;

namespace FargateApi.Lambda.Tests;

/// <summary>
/// What every in-process harness of the provider shares: a loopback Lambda Runtime API, a loopback "S3" bucket that
/// records each ResponseURL PUT as it arrived on the wire, the JSON log, and the runtime loop driving a handler the
/// harness builds from the response sender and the log.
/// </summary>
internal sealed class LoopbackRuntime : IAsyncDisposable
{
    private readonly FakeRuntimeApi _runtime = new();
    private readonly LoopbackHttpServer _bucket;
    private readonly RuntimeApiClient _runtimeClient;
    private readonly HttpClient _responseHttp = ResponseSender.CreateHttpClient();
    private readonly CancellationTokenSource _stopping = new();
    private readonly StringWriter _logs = new();
    private readonly Task _loop;

    public LoopbackRuntime(ResponseSenderOptions senderOptions, Func<ResponseSender, JsonLog, IInvocationHandler> handler)
    {
        _bucket = new LoopbackHttpServer((request, cancellationToken) => BucketReply(request, cancellationToken));
        _runtimeClient = new RuntimeApiClient(_runtime.Endpoint);
        var time = TimeProvider.System;
        var log = new JsonLog(TextWriter.Synchronized(_logs), time);
        var sender = new ResponseSender(_responseHttp, senderOptions, time, () => 0.5);
        var invocationHandler = handler(sender, log);
        _loop = Task.Run(() => new RuntimeLoop(_runtimeClient, invocationHandler, log, time).RunAsync(_stopping.Token));
    }

    /// <summary>How the bucket answers each PUT; 200 unless a test says otherwise.</summary>
    public Func<RecordedRequest, CancellationToken, Task<Reply>> BucketReply { get; set; } = (_, _) => Task.FromResult(Reply.Status(200));

    public string BucketHostAndPort => _bucket.HostAndPort;

    public IReadOnlyList<RecordedRequest> Puts => [.. _bucket.Requests.Where(r => r.Method == "PUT")];

    public IReadOnlyList<RecordedRequest> RuntimeRequests => _runtime.Requests;

    public string Logs => _logs.ToString();

    /// <summary>Hands the provider one payload and waits for what it reports to the Runtime API.</summary>
    /// <param name="deadline">Sent as Lambda-Runtime-Deadline-Ms (whole milliseconds).</param>
    public async Task<RuntimeOutcome> InvokeRawAsync(string payload, DateTimeOffset deadline, string? traceId = null)
    {
        var id = _runtime.Enqueue(payload, deadline, traceId);
        return await _runtime.OutcomeAsync(id);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await _loop;
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException)
        {
        }

        _runtimeClient.Dispose();
        _responseHttp.Dispose();
        await _runtime.DisposeAsync();
        await _bucket.DisposeAsync();
        _stopping.Dispose();
    }
}
