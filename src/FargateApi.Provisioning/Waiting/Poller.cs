namespace FargateApi.Provisioning.Waiting;

/// <summary>
/// The one polling loop: observe, let the acceptors decide, pause, observe again (the shape of botocore's waiters,
/// waiters-2.json). A wait ends in success, in the failure an acceptor words, in the waiter's time-out when the deadline or
/// its attempts are spent, or with <see cref="PollOutcome.ContinueLater"/> when the invocation ends first: nothing is half
/// done between two observations, so the next invocation can pick the wait up where this one stopped.
/// </summary>
internal static class Poller
{
    public static async Task<PollResult<T>> RunAsync<T>(Waiter<T> waiter, PollBudget budget, TimeProvider time, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var observation = await waiter.Status(cancellationToken).ConfigureAwait(false);
            waiter.Observed?.Invoke(observation);
            var acceptor = waiter.Acceptors.FirstOrDefault(candidate => candidate.Matches(observation));
            switch (acceptor?.State ?? PollState.Retry)
            {
                case PollState.Success:
                    return new(PollOutcome.Succeeded, observation);
                case PollState.Failure:
                    throw new ProvisioningException(await acceptor!.Reason!(observation, cancellationToken).ConfigureAwait(false));
            }

            var now = time.GetUtcNow();
            var remaining = budget.Deadline - now;
            if (attempt >= waiter.MaxAttempts || remaining <= TimeSpan.Zero)
            {
                return await waiter.TimedOut(observation, cancellationToken).ConfigureAwait(false) is { } failure
                    ? throw failure
                    : new(PollOutcome.Succeeded, observation);
            }

            // The last pause ends at the deadline, so the last observation is made then rather than never.
            var delay = waiter.DelayAfter(attempt) < remaining ? waiter.DelayAfter(attempt) : remaining;

            if (budget.InvocationDeadline is { } invocationEnds && now + delay + budget.ContinuationMargin >= invocationEnds)
            {
                return new(PollOutcome.ContinueLater, observation);
            }

            try
            {
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The invocation is ending: between two observations nothing is half done.
                return new(PollOutcome.ContinueLater, observation);
            }
        }
    }
}
