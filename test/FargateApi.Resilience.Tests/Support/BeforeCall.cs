namespace FargateApi.Resilience.Tests.Support;

/// <summary>
/// Runs <paramref name="meanwhile"/> once, just before the first call that <paramref name="matches"/>: what another
/// process did in the window between two of this one's calls.
/// </summary>
internal sealed class BeforeCall(Func<string, IReadOnlyList<object?>, bool> matches, Func<Task> meanwhile) : ICallInterceptor
{
    private int _fired;

    public bool Fired => _fired == 1;

    public async Task<TResult> InvokeAsync<TResult>(string operation, IReadOnlyList<object?> arguments, Func<Task<TResult>> call)
    {
        if (matches(operation, arguments) && Interlocked.Exchange(ref _fired, 1) == 0)
        {
            await meanwhile().ConfigureAwait(false);
        }

        return await call().ConfigureAwait(false);
    }
}
