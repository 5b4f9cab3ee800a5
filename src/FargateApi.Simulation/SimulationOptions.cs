using FargateApi.Aws.Retry;
using FargateApi.Simulation.Authorization;

namespace FargateApi.Simulation;

/// <summary>
/// The knobs of one simulated account and region. Defaults make a fast, fully consistent AWS: every created
/// resource is visible at once and a deployment settles after two polls. Tests turn on the nasty parts they need.
/// </summary>
public sealed class SimulationOptions
{
    public string AccountId { get; init; } = "123456789012";

    public string Region { get; init; } = "us-east-1";

    /// <summary>DescribeServices polls of a service before its primary deployment is steady (running == desired, COMPLETED).</summary>
    public int PollsToSteadyState { get; init; } = 2;

    /// <summary>DescribeServices polls a deleted service stays DRAINING before it turns INACTIVE.</summary>
    public int PollsToInactive { get; init; } = 2;

    /// <summary>
    /// EC2 calls (DescribeNetworkInterfaces, DescribeSecurityGroups, DeleteSecurityGroup) a stopped task's ENI keeps
    /// holding its security groups. Real Fargate ENIs outlive their task by seconds to minutes
    /// (hashicorp/terraform-provider-aws#3414; alantech/iasql PR #659 saw 56 s to 15 min).
    /// </summary>
    public int EniLingerPolls { get; init; } = 3;

    /// <summary>When set, a lingering ENI also vanishes once this much simulated time has passed, whichever comes first.</summary>
    public TimeSpan? EniLingerTime { get; init; }

    /// <summary>Eventual consistency: describe/list/get calls that do not yet see a newly created resource.</summary>
    public int InvisibleReadsAfterCreate { get; init; }

    /// <summary>Delay before each call; applied with <see cref="TimeProvider"/> so tests can use a fake clock.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// How the simulated clients retry throttling, as the HTTP clients' <see cref="Aws.Http.AwsHttpCaller"/> does with the
    /// same policy: the provisioner must see what it sees in Lambda. Null: every throttle reaches the caller. Injected
    /// faults are never retried: they stand for what the caller sees after the client gave up.
    /// </summary>
    internal RetryPolicy? ClientRetry { get; init; } = RetryPolicy.Default;

    /// <summary>Seed of the backoff jitter, so runs repeat.</summary>
    public int RetrySeed { get; init; } = 7;

    /// <summary>
    /// The caller's identity-based policy (the provider's role). When set, every simulated call checks its IAM action and
    /// the actions it implies against it and fails as AWS does when one is denied (AccessDeniedException, AccessDenied,
    /// UnauthorizedOperation, or Application Auto Scaling's ValidationException); <see cref="SimulatedAws.AccessChecks"/>
    /// lists what was asked. Null (the default): nothing is checked.
    /// </summary>
    public IamPolicy? Permissions { get; init; }
}
