namespace FargateApi.Provisioning.Execution;

/// <summary>The time an operation may take: until <see cref="InvocationDeadline"/> in this invocation, until <see cref="Deadline"/> in all.</summary>
/// <param name="StartedAt">When the original request arrived (the first invocation).</param>
/// <param name="Deadline">When the operation must have finished, every invocation together (StartedAt + ServiceTimeout).</param>
/// <param name="InvocationDeadline">When this invocation must have answered; null: no continuation, the deadline bounds all.</param>
/// <param name="Invocation">0 for the original invocation, then the continuation's number.</param>
/// <param name="ServiceTimeout">The resource's ServiceTimeout, for the message of a wait that runs out of it.</param>
/// <param name="RequestId">CloudFormation's request (the same in every invocation of one operation): what makes a
/// create's idempotency token unique per request.</param>
internal sealed record WaitBudget(DateTimeOffset StartedAt, DateTimeOffset Deadline, DateTimeOffset? InvocationDeadline, ContinuedOperation Operation, int Invocation, TimeSpan ServiceTimeout, string RequestId = "");
