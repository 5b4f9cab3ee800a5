namespace FargateApi.Provisioning.Execution;

/// <summary>What one run of a plan did: the steps finished, and the waits that go on in the next invocation (none: the plan is done).</summary>
internal sealed record ExecutionResult(IReadOnlySet<string> Completed, IReadOnlyList<string> Continuing, bool FoundNothing)
{
    public bool IsFinished => Continuing.Count == 0;
}
