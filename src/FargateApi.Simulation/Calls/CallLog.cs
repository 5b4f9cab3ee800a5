namespace FargateApi.Simulation.Calls;

/// <summary>Every call in order, for tests ("no CreateService after the failure") and benchmarks (calls per stack).</summary>
public sealed class CallLog
{
    private readonly Lock _sync = new();
    private readonly List<CallRecord> _records = [];

    public int Count
    {
        get
        {
            lock (_sync)
            {
                return _records.Count;
            }
        }
    }

    public IReadOnlyList<CallRecord> Records
    {
        get
        {
            lock (_sync)
            {
                return [.. _records];
            }
        }
    }

    public int CountOf(string operation)
    {
        lock (_sync)
        {
            return _records.Count(r => r.Operation == operation);
        }
    }

    /// <summary>Calls of <paramref name="operation"/> that AWS carried out (a refused attempt, retried later, is not one).</summary>
    public int SucceededCountOf(string operation)
    {
        lock (_sync)
        {
            return _records.Count(r => r.Operation == operation && r.Succeeded);
        }
    }

    public IReadOnlyList<CallRecord> Of(string operation)
    {
        lock (_sync)
        {
            return [.. _records.Where(r => r.Operation == operation)];
        }
    }

    internal void Add(CallRecord record)
    {
        lock (_sync)
        {
            _records.Add(record);
        }
    }
}
