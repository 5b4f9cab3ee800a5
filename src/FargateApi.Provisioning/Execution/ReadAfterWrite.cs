using FargateApi.Provisioning.Waiting;

namespace FargateApi.Provisioning.Execution;

/// <summary>
/// A read of what a write just made, or just said exists: AWS APIs are eventually consistent, so the read may not see it
/// yet ("the result of a command … might not be immediately visible to all subsequent commands",
/// https://docs.aws.amazon.com/ec2/latest/devguide/eventual-consistency.html; IAM: "changes … take time to become visible",
/// https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_general.html#troubleshoot_general_eventual-consistency).
/// Retried from <see cref="ProvisionerOptions.ConsistencyDelay"/>, for at most <see cref="Bound"/>.
/// </summary>
internal static class ReadAfterWrite
{
    /// <summary>How long a lag is waited out: reported propagation delays are seconds, rarely tens of seconds.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    /// <param name="read">The read; null when AWS answers that the thing is not there.</param>
    public static async Task<T> ReadAsync<T>(StackRun run, string what, Func<CancellationToken, Task<T?>> read, CancellationToken cancellationToken)
        where T : class
    {
        var waiter = new Waiter<T?>(
            $"{what} to be readable",
            read,
            [Acceptor<T?>.Success(value => value is not null)],
            run.Options.ConsistencyDelay,
            run.Options.ConsistencyDelay * 4,
            (_, _) => Task.FromResult<Exception?>(new ProvisioningException(
                $"AWS answered that {what} exists, but it could not be read for {Bound.TotalSeconds:0} s.")));
        var result = await Poller.RunAsync(waiter, new PollBudget(run.Time.GetUtcNow() + Bound, null, TimeSpan.Zero), run.Time, cancellationToken).ConfigureAwait(false);
        return result.Last!;
    }

    /// <summary>
    /// A read of something that may have just been made, or may never have been: read again every
    /// <paramref name="delay"/> while it is missing, for at most <paramref name="window"/>; null when it never showed.
    /// </summary>
    public static async Task<T?> ReadOrMissingAsync<T>(TimeProvider time, TimeSpan delay, TimeSpan window, Func<CancellationToken, Task<T?>> read, CancellationToken cancellationToken)
        where T : class
    {
        var giveUpAt = time.GetUtcNow() + window;
        T? found;
        while ((found = await read(cancellationToken).ConfigureAwait(false)) is null && time.GetUtcNow() + delay <= giveUpAt)
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }

        return found;
    }
}
