using System.Text;
using System.Text.Json;
using FargateApi.Lambda.Logging;
using FargateApi.Lambda.Runtime;
using FargateApi.Lambda.Tests.Loopback;

namespace FargateApi.Lambda.Tests;

/// <summary>The Runtime API conversation itself, with a trivial handler.</summary>
[Collection(ProcessEnvironment.Name)]
public class RuntimeLoopTests
{
    [Fact]
    public async Task Handler_sees_the_invocation_headers_and_the_trace_id_is_exported()
    {
        await using var runtime = new FakeRuntimeApi();
        var seen = new TaskCompletionSource<(Invocation Invocation, string? Trace, TimeSpan Remaining)>();
        var handler = new DelegateHandler((invocation, context) =>
        {
            seen.TrySetResult((invocation, Environment.GetEnvironmentVariable(RuntimeLoop.TraceIdVariable), context.RemainingTime));
            return InvocationResult.Success(Encoding.UTF8.GetBytes("{\"ok\":true}"));
        });
        await using var loop = new LoopRunner(runtime, handler);
        var deadline = DateTimeOffset.UtcNow.AddMinutes(5);

        var id = runtime.Enqueue("{\"hello\":1}", deadline, "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
        var outcome = await runtime.OutcomeAsync(id);

        var (invocation, trace, remaining) = await seen.Task;
        Assert.Equal(id, invocation.RequestId);
        Assert.Equal(FakeRuntimeApi.FunctionArn, invocation.FunctionArn);
        Assert.Equal(deadline.ToUnixTimeMilliseconds(), invocation.Deadline.ToUnixTimeMilliseconds());
        Assert.Equal("{\"hello\":1}", Encoding.UTF8.GetString(invocation.Payload.Span));
        Assert.StartsWith("Root=1-5759e988", trace, StringComparison.Ordinal);
        Assert.InRange(remaining, TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(5));
        Assert.Equal(new RuntimeOutcome("response", "{\"ok\":true}", null), outcome);
        Assert.Contains(runtime.Requests, r => r.Method == "GET" && r.Target == "/2018-06-01/runtime/invocation/next");
    }

    [Fact]
    public async Task Handler_that_throws_is_reported_as_an_invocation_error_with_its_type_header_and_the_loop_goes_on()
    {
        await using var runtime = new FakeRuntimeApi();
        var calls = 0;
        var handler = new DelegateHandler((_, _) => Interlocked.Increment(ref calls) == 1
            ? throw new InvalidDataException("boom")
            : InvocationResult.Success(Encoding.UTF8.GetBytes("{}")));
        await using var loop = new LoopRunner(runtime, handler);

        var failed = await runtime.OutcomeAsync(runtime.Enqueue("{}", DateTimeOffset.UtcNow.AddMinutes(1)));
        var next = await runtime.OutcomeAsync(runtime.Enqueue("{}", DateTimeOffset.UtcNow.AddMinutes(1)));

        Assert.Equal("error", failed.Kind);
        Assert.Equal("InvalidDataException", failed.ErrorType);
        var document = JsonDocument.Parse(failed.Body).RootElement;
        Assert.Equal("boom", document.GetProperty("errorMessage").GetString());
        Assert.Equal("InvalidDataException", document.GetProperty("errorType").GetString());
        Assert.Equal("response", next.Kind);
    }

    [Fact]
    public async Task Init_error_is_posted_with_its_error_type()
    {
        await using var runtime = new FakeRuntimeApi();
        using var client = new RuntimeApiClient(runtime.Endpoint);

        await client.ReportInitErrorAsync(new RuntimeError("Runtime.ConfigurationError", "no region"), CancellationToken.None);

        var outcome = await runtime.OutcomeAsync(FakeRuntimeApi.InitErrorKey);
        Assert.Equal("Runtime.ConfigurationError", outcome.ErrorType);
        Assert.Equal("no region", JsonDocument.Parse(outcome.Body).RootElement.GetProperty("errorMessage").GetString());
    }

    private sealed class DelegateHandler(Func<Invocation, InvocationContext, InvocationResult> handle) : IInvocationHandler
    {
        public Task<InvocationResult> HandleAsync(Invocation invocation, InvocationContext context, CancellationToken cancellationToken) =>
            Task.FromResult(handle(invocation, context));
    }

    private sealed class LoopRunner : IAsyncDisposable
    {
        private readonly RuntimeApiClient _client;
        private readonly CancellationTokenSource _stopping = new();
        private readonly Task _loop;

        public LoopRunner(FakeRuntimeApi runtime, IInvocationHandler handler)
        {
            _client = new RuntimeApiClient(runtime.Endpoint);
            var log = new JsonLog(TextWriter.Null, TimeProvider.System);
            _loop = Task.Run(() => new RuntimeLoop(_client, handler, log, TimeProvider.System).RunAsync(_stopping.Token));
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

            _client.Dispose();
            _stopping.Dispose();
        }
    }
}

/// <summary>Every runtime loop writes <c>_X_AMZN_TRACE_ID</c>: a test reading it must not run beside any other loop.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironment
{
    public const string Name = "Process environment";
}
