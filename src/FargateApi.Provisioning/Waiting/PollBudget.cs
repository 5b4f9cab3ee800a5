namespace FargateApi.Provisioning.Waiting;

/// <summary>
/// How long a wait may go on: until <see cref="Deadline"/> in all (the operation's end: ServiceTimeout, or Delete's own
/// bound), and in this invocation until <see cref="InvocationDeadline"/> less <see cref="ContinuationMargin"/>, after
/// which it continues in the next invocation instead of sleeping through the end of this one.
/// </summary>
internal sealed record PollBudget(DateTimeOffset Deadline, DateTimeOffset? InvocationDeadline, TimeSpan ContinuationMargin);
