namespace FargateApi.Simulation.Faults;

/// <summary>
/// Not an AWS error: the harness treats it as the death of the process (Lambda timeout, OOM, sandbox recycled).
/// Nothing in the provider may catch it; a test catches it at the top and starts a fresh invocation.
/// </summary>
public sealed class SimulatedCrashException : Exception
{
    public SimulatedCrashException()
        : base("simulated process crash")
    {
    }

    public SimulatedCrashException(string message)
        : base(message)
    {
    }

    public SimulatedCrashException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
