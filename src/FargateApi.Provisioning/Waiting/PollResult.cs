namespace FargateApi.Provisioning.Waiting;

/// <summary>How a wait ended in this invocation.</summary>
internal enum PollOutcome
{
    /// <summary>An acceptor said success.</summary>
    Succeeded,

    /// <summary>Not yet, and this invocation is ending: the wait goes on in the next one (a value, not an exception).</summary>
    ContinueLater,
}

/// <summary>The last observation and how the wait ended; failures and time-outs are thrown as the waiter words them.</summary>
internal sealed record PollResult<T>(PollOutcome Outcome, T Last)
{
    public bool Succeeded => Outcome == PollOutcome.Succeeded;
}
