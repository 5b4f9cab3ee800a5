using FargateApi.Aws.Http;
using FargateApi.Aws.Retry;
using FargateApi.Simulation.Authorization;
using FargateApi.Simulation.Faults;

namespace FargateApi.Simulation.Calls;

/// <summary>
/// The path of every simulated call: latency, injected faults, throttling, then under the one state lock the account
/// brought up to the clock (<paramref name="advance"/>), the caller's permissions (<see cref="Authorizer"/>) and the
/// body, then the call log. Adapters only say which service, operation and key, which permissions the call needs, and
/// what the body does.
/// </summary>
internal sealed class CallGate(SimulationOptions options, FaultInjector faults, RateLimiter rates, CallLog log, Lock state, Action advance, Authorizer authorizer)
{
    private readonly Random _random = new(options.RetrySeed);
    private long _sequence;

    /// <summary>The simulated clients' retries: how many, and the longest backoff.</summary>
    public RetryStatistics Retries { get; } = new();

    /// <summary>A call whose permissions are not declared: fails when permissions are enforced (<see cref="Authorizer.Authorize"/>).</summary>
    public Task<T> RunAsync<T>(string service, string operation, string key, Func<T> body, CancellationToken cancellationToken) =>
        RunAsync(service, operation, key, null, body, cancellationToken);

    public Task RunAsync(string service, string operation, string key, Action body, CancellationToken cancellationToken) =>
        RunAsync(service, operation, key, null, body, cancellationToken);

    public Task RunAsync(string service, string operation, string key, Func<IEnumerable<AccessCheck>>? access, Action body, CancellationToken cancellationToken) =>
        RunAsync(service, operation, key, access, () =>
        {
            body();
            return true;
        }, cancellationToken);

    /// <param name="access">The permissions the call needs, evaluated under the state lock just before the body.</param>
    public async Task<T> RunAsync<T>(string service, string operation, string key, Func<IEnumerable<AccessCheck>>? access, Func<T> body, CancellationToken cancellationToken)
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

        await AcquireAsync(service, operation, key, cancellationToken).ConfigureAwait(false);

        T result;
        try
        {
            lock (state)
            {
                advance();
                authorizer.Authorize(service, operation, access);
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

    /// <summary>Past the rate limit AWS throttles; the client backs off and tries again as the HTTP caller would.</summary>
    private async Task AcquireAsync(string service, string operation, string key, CancellationToken cancellationToken)
    {
        var started = options.TimeProvider.GetUtcNow();
        Retries.RecordCall();
        for (var attempt = 1; Attempt(service, operation) is false; attempt++)
        {
            var throttled = ThrottlingErrors.For(service, operation);
            Record(service, operation, key, throttled.ErrorCode);
            if (options.ClientRetry is not { } policy || !policy.AllowsRetryAfter(attempt, RetryKind.Throttling))
            {
                Retries.RecordFailure();
                throw throttled;
            }

            TimeSpan backoff;
            lock (_random)
            {
                backoff = Backoff.Compute(attempt, RetryKind.Throttling, policy, _random);
            }

            if (options.TimeProvider.GetUtcNow() + backoff > started + policy.MaxTotalTime)
            {
                Retries.RecordFailure();
                throw throttled;
            }

            Retries.RecordRetry(RetryKind.Throttling, backoff);
            await Task.Delay(backoff, options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private bool Attempt(string service, string operation)
    {
        Retries.RecordAttempt();
        return rates.TryAcquire(service, operation);
    }

    private void Record(string service, string operation, string key, string outcome) =>
        log.Add(new CallRecord(Interlocked.Increment(ref _sequence), service, operation, key, outcome));

    private static string OutcomeOf(Exception fault) => fault switch
    {
        AwsServiceException aws => aws.ErrorCode,
        SimulatedCrashException => CallRecord.Crash,
        _ => fault.GetType().Name,
    };
}
