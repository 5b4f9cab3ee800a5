namespace FargateApi.Provisioning;

/// <summary>
/// One poll of a wait, for whoever watches it: <c>fargate-api invoke</c> prints it, the Lambda could log it. Reported at
/// most once a poll; a slow or throwing observer is the observer's problem, so keep it cheap.
/// </summary>
/// <param name="Service">The ECS service being waited for.</param>
/// <param name="Elapsed">Since the operation started (its first invocation).</param>
/// <param name="Running">The service's runningCount at this poll.</param>
/// <param name="Desired">The service's desiredCount at this poll.</param>
/// <param name="RolloutState">The rollout state of the deployment being waited for (IN_PROGRESS, COMPLETED, FAILED), when ECS gives one.</param>
/// <param name="Detail">Anything else worth a line: deployments in flight, healthy targets.</param>
public sealed record WaitProgress(string Service, TimeSpan Elapsed, int Running, int Desired, string? RolloutState, string? Detail);
