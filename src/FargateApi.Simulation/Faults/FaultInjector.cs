namespace FargateApi.Simulation.Faults;

/// <summary>When an injected fault strikes relative to the call's effect.</summary>
public enum FaultTiming
{
    /// <summary>The call fails and changes nothing (what a 4xx/5xx or a lost request looks like).</summary>
    BeforeEffect,

    /// <summary>The call takes effect, then the caller sees the fault: the response was lost or the process died after AWS acted.</summary>
    AfterEffect,
}

/// <summary>
/// Fails chosen calls: the k-th call overall or the k-th call of one operation, with an AWS error or a
/// <see cref="SimulatedCrashException"/>. Each rule fires once.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _sync = new();
    private readonly List<Rule> _rules = [];
    private readonly Dictionary<string, int> _perOperation = new(StringComparer.Ordinal);
    private long _overall;

    /// <summary>
    /// Fail the <paramref name="k"/>-th call (1-based) to the simulation, whatever its operation. Calls are counted as the
    /// <see cref="Calls.CallLog"/> counts them, so <c>FailCall(aws.Calls.Count + 1, …)</c> fails the next call.
    /// </summary>
    public FaultInjector FailCall(int k, Exception fault, FaultTiming timing = FaultTiming.BeforeEffect)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        lock (_sync)
        {
            _rules.Add(new Rule(null, k, fault, timing));
        }

        return this;
    }

    /// <summary>Fail the <paramref name="k"/>-th call (1-based) of <paramref name="operation"/>, e.g. "CreateService".</summary>
    public FaultInjector FailOperation(string operation, int k, Exception fault, FaultTiming timing = FaultTiming.BeforeEffect)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        lock (_sync)
        {
            _rules.Add(new Rule(operation, k, fault, timing));
        }

        return this;
    }

    /// <summary>Counts the call and returns the fault it must suffer, if any.</summary>
    internal (Exception Fault, FaultTiming Timing)? Next(string operation)
    {
        lock (_sync)
        {
            var overall = ++_overall;
            _perOperation.TryGetValue(operation, out var count);
            _perOperation[operation] = ++count;

            var hit = _rules.FirstOrDefault(r => r.Operation is null ? r.K == overall : r.Operation == operation && r.K == count);
            if (hit is null)
            {
                return null;
            }

            _rules.Remove(hit);
            return (hit.Fault, hit.Timing);
        }
    }

    private sealed record Rule(string? Operation, long K, Exception Fault, FaultTiming Timing);
}
