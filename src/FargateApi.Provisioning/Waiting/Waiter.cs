namespace FargateApi.Provisioning.Waiting;

/// <summary>
/// A wait, as data: how to observe the resource (one status function), what each observation means (acceptors), how long
/// to pause between observations, and what to say when time runs out. <see cref="Poller"/> runs every waiter.
/// </summary>
/// <param name="Subject">What is being waited for, for messages: <c>service acme-api-service to become stable</c>.</param>
/// <param name="Status">One observation; it may act as well (a delete attempt whose answer is the observation).</param>
/// <param name="Delay">The pause after the first observation; it doubles after each one up to <paramref name="MaxDelay"/>
/// (equal to it: a fixed delay, as botocore's waiters have).</param>
/// <param name="TimedOut">The failure to report when the wait's deadline or <c>MaxAttempts</c> is reached; null: the wait
/// was only worth its bound, and the work goes on as if it had succeeded.</param>
internal sealed record Waiter<T>(
    string Subject,
    Func<CancellationToken, Task<T>> Status,
    IReadOnlyList<Acceptor<T>> Acceptors,
    TimeSpan Delay,
    TimeSpan MaxDelay,
    Func<T, CancellationToken, Task<Exception?>> TimedOut)
{
    public int? MaxAttempts { get; init; }

    /// <summary>Told of every observation (progress for people), before the acceptors.</summary>
    public Action<T>? Observed { get; init; }

    /// <summary>The pause after observation <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        var delay = Delay;
        for (var i = 1; i < attempt && delay < MaxDelay; i++)
        {
            delay *= 2;
        }

        return delay > MaxDelay ? MaxDelay : delay;
    }
}
