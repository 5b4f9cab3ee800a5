using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;

namespace FargateApi.Lambda.Tests.Loopback;

/// <summary>What the function reported for one invocation: its response, or an error (<c>/error</c> or <c>/init/error</c>).</summary>
public sealed record RuntimeOutcome(string Kind, string Body, string? ErrorType);

/// <summary>
/// The Lambda Runtime API on loopback: hands out queued events from <c>/invocation/next</c> (blocking while there
/// are none, as Lambda does) and records what the function posts back.
/// </summary>
public sealed class FakeRuntimeApi : IAsyncDisposable
{
    public const string InitErrorKey = "init";

    private readonly Channel<(string RequestId, string Payload, DateTimeOffset Deadline, string? TraceId)> _events = Channel.CreateUnbounded<(string, string, DateTimeOffset, string?)>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<RuntimeOutcome>> _outcomes = new();
    private readonly LoopbackHttpServer _server;

    public FakeRuntimeApi() => _server = new LoopbackHttpServer(RespondAsync);

    /// <summary>The value for <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Endpoint => _server.HostAndPort;

    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    public const string FunctionArn = "arn:aws:lambda:eu-west-1:123456789012:function:provider";

    /// <returns>The Lambda request id of the queued invocation.</returns>
    public string Enqueue(string payload, DateTimeOffset deadline, string? traceId = null)
    {
        var requestId = Guid.NewGuid().ToString();
        Outcome(requestId);
        _events.Writer.TryWrite((requestId, payload, deadline, traceId));
        return requestId;
    }

    /// <summary>Waits for the function's report on one invocation; the timeout only keeps a broken test from hanging.</summary>
    public Task<RuntimeOutcome> OutcomeAsync(string requestId) => Outcome(requestId).Task.WaitAsync(TimeSpan.FromSeconds(60));

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private TaskCompletionSource<RuntimeOutcome> Outcome(string key) =>
        _outcomes.GetOrAdd(key, _ => new TaskCompletionSource<RuntimeOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task<Reply> RespondAsync(RecordedRequest request, CancellationToken cancellationToken)
    {
        const string prefix = "/2018-06-01/runtime/";
        if (!request.Target.StartsWith(prefix, StringComparison.Ordinal))
        {
            return Reply.Status(404);
        }

        var path = request.Target[prefix.Length..];
        if (request.Method == "GET" && path == "invocation/next")
        {
            var next = await _events.Reader.ReadAsync(cancellationToken);
            var headers = new List<(string, string)>
            {
                ("Lambda-Runtime-Aws-Request-Id", next.RequestId),
                ("Lambda-Runtime-Deadline-Ms", next.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
                ("Lambda-Runtime-Invoked-Function-Arn", FunctionArn),
                ("Content-Type", "application/json"),
            };
            if (next.TraceId is not null)
            {
                headers.Add(("Lambda-Runtime-Trace-Id", next.TraceId));
            }

            return Reply.Status(200, next.Payload, [.. headers]);
        }

        if (request.Method == "POST" && path == "init/error")
        {
            Outcome(InitErrorKey).TrySetResult(new RuntimeOutcome("init/error", request.BodyText, request.Header("Lambda-Runtime-Function-Error-Type")));
            return Reply.Status(202);
        }

        var parts = path.Split('/');
        if (request.Method == "POST" && parts is ["invocation", var id, "response" or "error"])
        {
            Outcome(id).TrySetResult(new RuntimeOutcome(parts[2], request.BodyText, request.Header("Lambda-Runtime-Function-Error-Type")));
            return Reply.Status(202);
        }

        return Reply.Status(404);
    }
}
