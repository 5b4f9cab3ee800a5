namespace FargateApi.Lambda.Runtime;

/// <summary>What a handler may know about its invocation; the clock is injected so deadline logic is testable.</summary>
internal sealed class InvocationContext(Invocation invocation, TimeProvider time)
{
    public string RequestId => invocation.RequestId;

    public string? FunctionArn => invocation.FunctionArn;

    public DateTimeOffset Deadline => invocation.Deadline;

    public TimeProvider Time => time;

    /// <summary>Never negative: a deadline already past reads as zero.</summary>
    public TimeSpan RemainingTime
    {
        get
        {
            var remaining = invocation.Deadline - time.GetUtcNow();
            return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
        }
    }
}
