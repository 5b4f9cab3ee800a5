namespace FargateApi.Provisioning.Execution;

/// <summary>How one step ended in this invocation.</summary>
internal enum StepOutcome
{
    /// <summary>The resource is as the step wants it.</summary>
    Done,

    /// <summary>Done, and the step found nothing to act on (a delete of what is gone, or not yet visible to a read).</summary>
    FoundNothing,

    /// <summary>Its guard did not hold: nothing was called.</summary>
    Skipped,

    /// <summary>A wait that goes on in the next invocation: the step runs again there.</summary>
    ContinueLater,
}
