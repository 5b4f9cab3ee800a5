namespace FargateApi.Simulation.Lambda;

/// <summary>One asynchronous (InvocationType Event) invocation, kept so a test can replay a continuation.</summary>
public sealed record RecordedInvocation(long Sequence, string FunctionName, string InvocationType, byte[] Payload, DateTimeOffset At);

/// <summary>Lambda Invoke calls: the simulation runs nothing, it records.</summary>
internal sealed class LambdaStore
{
    private readonly List<RecordedInvocation> _invocations = [];

    public IReadOnlyList<RecordedInvocation> Invocations => _invocations;

    public RecordedInvocation Record(string functionName, string invocationType, byte[] payload, DateTimeOffset at)
    {
        var invocation = new RecordedInvocation(_invocations.Count + 1, functionName, invocationType, payload, at);
        _invocations.Add(invocation);
        return invocation;
    }

    /// <summary>Takes the recorded invocations out, oldest first, so a test replays each continuation once.</summary>
    public IReadOnlyList<RecordedInvocation> Drain()
    {
        var taken = _invocations.ToList();
        _invocations.Clear();
        return taken;
    }
}
