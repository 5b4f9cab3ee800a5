namespace FargateApi.Provisioning.Waiting;

/// <summary>What an acceptor makes of one observation: botocore's waiter states (waiters-2.json "state").</summary>
internal enum PollState
{
    Success,
    Failure,
    Retry,
}
