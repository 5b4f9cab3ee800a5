using FargateApi.Aws.Http;
using FargateApi.Simulation.Faults;

namespace FargateApi.Simulation.Calls;

/// <summary>
/// The path of every simulated call: latency, injected faults, throttling, then the body under the one state
/// lock, then the call log. Adapters only say which service, operation and key, and what the body does.
/// </summary>
internal sealed class CallGate(SimulationOptions options, FaultInjector faults, RateLimiter rates, CallLog log, Lock state)
{
    private long _sequence;

    public async Task<T> RunAsync<T>(string service, string operation, string key, Func<T> body, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(options.Latency, options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }

        var fault = faults.Next(operation);
        if (fault is { Timing: FaultTiming.BeforeEffect })
        {
            Record(service, operation, key, OutcomeOf(fault.Value.Fault));
            throw fault.Value.Fault;
        }

        if (!rates.TryAcquire(service, operation))
        {
            var throttled = ThrottlingErrors.For(service, operation);
            Record(service, operation, key, throttled.ErrorCode);
            throw throttled;
        }

        T result;
        try
        {
            lock (state)
            {
                result = body();
            }
        }
        catch (Exception error)
        {
            // AWS errors by code; anything else (a bug in a store, a bad request the HTTP client would have refused) by type.
            Record(service, operation, key, OutcomeOf(error));
            throw;
        }

        if (fault is { Timing: FaultTiming.AfterEffect })
        {
            Record(service, operation, key, OutcomeOf(fault.Value.Fault));
            throw fault.Value.Fault;
        }

        Record(service, operation, key, CallRecord.Ok);
        return result;
    }

    public Task RunAsync(string service, string operation, string key, Action body, CancellationToken cancellationToken) =>
        RunAsync(service, operation, key, () =>
        {
            body();
            return true;
        }, cancellationToken);

    private void Record(string service, string operation, string key, string outcome) =>
        log.Add(new CallRecord(Interlocked.Increment(ref _sequence), service, operation, key, outcome));

    private static string OutcomeOf(Exception fault) => fault switch
    {
        AwsServiceException aws => aws.ErrorCode,
        SimulatedCrashException => CallRecord.Crash,
        _ => fault.GetType().Name,
    };
}
