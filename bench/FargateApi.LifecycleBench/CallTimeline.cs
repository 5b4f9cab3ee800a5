using System.Diagnostics;

namespace FargateApi.LifecycleBench;

/// <summary>
/// The simulation's clock, watching every per-call latency delay: each simulated call waits exactly one timer of the
/// configured latency, so the timers' start and fire times are the calls' intervals. From them comes the executed
/// critical path: the longest chain of calls each of which started only after the previous one finished.
/// </summary>
internal sealed class CallTimeline(TimeSpan latency) : TimeProvider
{
    private readonly Lock _sync = new();
    private readonly List<(long Start, long End)> _calls = [];

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != latency)
        {
            return TimeProvider.System.CreateTimer(callback, state, dueTime, period);
        }

        var start = Stopwatch.GetTimestamp();
        return TimeProvider.System.CreateTimer(
            s =>
            {
                lock (_sync)
                {
                    _calls.Add((start, Stopwatch.GetTimestamp()));
                }

                callback(s);
            },
            state,
            dueTime,
            period);
    }

    public void Clear()
    {
        lock (_sync)
        {
            _calls.Clear();
        }
    }

    /// <summary>Calls on the longest chain of strictly sequential calls since the last <see cref="Clear"/>.</summary>
    public int CriticalPathCalls() => Rounds().DefaultIfEmpty(0).Max();

    /// <summary>
    /// For each call since the last <see cref="Clear"/>, in the order they finished: the length of the longest chain of
    /// sequential calls ending with it (1: it started before any other call ended).
    /// </summary>
    public IReadOnlyList<int> Rounds()
    {
        List<(long Start, long End)> calls;
        lock (_sync)
        {
            calls = [.. _calls.OrderBy(c => c.End)];
        }

        var chain = new int[calls.Count];
        for (var i = 0; i < calls.Count; i++)
        {
            chain[i] = 1;
            for (var j = 0; j < i; j++)
            {
                if (calls[j].End <= calls[i].Start && chain[j] + 1 > chain[i])
                {
                    chain[i] = chain[j] + 1;
                }
            }
        }

        return chain;
    }
}
