namespace FargateApi.Provisioning.Waiting;

/// <summary>
/// One rule of a waiter, in botocore's shape: when <see cref="Matches"/> holds for an observation, the wait ends
/// (<see cref="PollState.Success"/>, <see cref="PollState.Failure"/>) or goes on (<see cref="PollState.Retry"/>).
/// Acceptors are tried in order; an observation no acceptor matches is a retry.
/// </summary>
/// <param name="Reason">For failures: the Reason CloudFormation shows, worked out from the observation (it may read AWS).</param>
internal sealed record Acceptor<T>(PollState State, Func<T, bool> Matches, Func<T, CancellationToken, Task<string>>? Reason = null)
{
    public static Acceptor<T> Success(Func<T, bool> matches) => new(PollState.Success, matches);

    public static Acceptor<T> Retry(Func<T, bool> matches) => new(PollState.Retry, matches);

    public static Acceptor<T> Failure(Func<T, bool> matches, Func<T, string> reason) =>
        new(PollState.Failure, matches, (value, _) => Task.FromResult(reason(value)));

    public static Acceptor<T> Failure(Func<T, bool> matches, Func<T, CancellationToken, Task<string>> reason) =>
        new(PollState.Failure, matches, reason);
}
