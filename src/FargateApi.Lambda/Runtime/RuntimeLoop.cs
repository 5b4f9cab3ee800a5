using FargateApi.Lambda.Logging;

namespace FargateApi.Lambda.Runtime;

/// <summary>
/// Fetches events one at a time and reports each one's outcome exactly once: its response, or an error when the
/// handler says so or throws. Only a broken Runtime API ends the loop (Lambda then replaces the environment).
/// </summary>
internal sealed class RuntimeLoop(RuntimeApiClient runtime, IInvocationHandler handler, JsonLog log, TimeProvider time)
{
    /// <summary>The X-Ray SDKs read the trace header of the current invocation from here.</summary>
    public const string TraceIdVariable = "_X_AMZN_TRACE_ID";

    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Invocation invocation;
            try
            {
                invocation = await runtime.NextAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }

            await HandleOneAsync(invocation, stopping).ConfigureAwait(false);
        }
    }

    private async Task HandleOneAsync(Invocation invocation, CancellationToken stopping)
    {
        Environment.SetEnvironmentVariable(TraceIdVariable, invocation.TraceId);
        var context = new InvocationContext(invocation, time);
        InvocationResult result;
        try
        {
            result = await handler.HandleAsync(invocation, context, stopping).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Any failure of the handler is reported to Lambda as this invocation's error; the loop goes on.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            log.Error("invocation.unhandled", ("lambdaRequestId", invocation.RequestId), ("errorType", exception.GetType().Name), ("error", exception.Message));
            result = InvocationResult.Failure(exception.GetType().Name, exception.Message);
        }

        if (result.Error is { } error)
        {
            await runtime.ReportErrorAsync(invocation.RequestId, error, stopping).ConfigureAwait(false);
        }
        else
        {
            await runtime.RespondAsync(invocation.RequestId, result.Payload, stopping).ConfigureAwait(false);
        }
    }
}
