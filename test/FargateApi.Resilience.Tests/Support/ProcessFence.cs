using FargateApi.Simulation.Faults;

namespace FargateApi.Resilience.Tests.Support;

/// <summary>
/// One Lambda process. Once any call has seen a <see cref="SimulatedCrashException"/> the process is dead: a step still
/// running beside the one that crashed (the plan runs steps of a wave in parallel) gets no further call through, as
/// nothing runs in a process that no longer exists. Without this, the rest of the wave would carry on after "death".
/// </summary>
internal sealed class ProcessFence : ICallInterceptor
{
    private volatile bool _dead;

    public bool Died => _dead;

    public async Task<TResult> InvokeAsync<TResult>(string operation, IReadOnlyList<object?> arguments, Func<Task<TResult>> call)
    {
        if (_dead)
        {
            throw new SimulatedCrashException($"{operation} after the process died");
        }

        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (SimulatedCrashException)
        {
            _dead = true;
            throw;
        }
    }
}
