using FargateApi.Aws.Retry;
using FargateApi.Simulation.Authorization;

namespace FargateApi.Simulation;

/// <summary>
/// The knobs of one simulated account and region. Defaults make a fast, fully consistent AWS: every created
/// resource is visible at once and a deployment settles after two polls. Tests turn on the nasty parts they need, or all
/// of them with <see cref="AwsLike"/>.
/// </summary>
public sealed record SimulationOptions
{
    public string AccountId { get; init; } = "123456789012";

    public string Region { get; init; } = "us-east-1";

    /// <summary>DescribeServices polls of a service before its primary deployment is steady (running == desired, COMPLETED). Ignored with <see cref="Timings"/>.</summary>
    public int PollsToSteadyState { get; init; } = 2;

    /// <summary>DescribeServices polls a deleted service stays DRAINING before it turns INACTIVE. Ignored with <see cref="Timings"/>.</summary>
    public int PollsToInactive { get; init; } = 2;

    /// <summary>
    /// Deployments on the clock instead of per poll. Null (default): a deployment settles after <see cref="PollsToSteadyState"/>
    /// DescribeServices polls and its targets are healthy the moment their task runs. Set: tasks start, run and stop on
    /// the simulation clock; ECS registers each task's IP in its target groups as <c>initial</c>, ELB marks it healthy after
    /// HealthyThresholdCount × HealthCheckIntervalSeconds (unhealthy after UnhealthyThresholdCount × interval when it fails
    /// its checks); ECS completes a rollout only once every task is healthy and the old ones have drained; a stopped task's
    /// target drains for the group's deregistration delay before the task stops; a deleted service stays DRAINING until
    /// its tasks have drained. See <see cref="Ecs.ClockedDeployments"/> for the rules and their sources.
    /// </summary>
    public EcsTimings? Timings { get; init; }

    /// <summary>
    /// EC2 calls (DescribeNetworkInterfaces, DescribeSecurityGroups, DeleteSecurityGroup) a stopped task's ENI keeps
    /// holding its security groups; null: no poll limit, only <see cref="EniLingerTime"/> (with neither, the ENI goes with
    /// its task). Real Fargate ENIs outlive their task by seconds to minutes (hashicorp/terraform-provider-aws#3414;
    /// alantech/iasql PR #659 saw 56 s to 15 min).
    /// </summary>
    public int? EniLingerPolls { get; init; } = 3;

    /// <summary>When set, a lingering ENI also vanishes once this much simulated time has passed since its task stopped, whichever comes first.</summary>
    public TimeSpan? EniLingerTime { get; init; }

    /// <summary>
    /// With <see cref="EniLingerTime"/>: each ENI lingers a time drawn evenly between the two (seeded by
    /// <see cref="RandomSeed"/>), the spread reported in the wild (1 to 15+ minutes, terraform-provider-aws#3414, iasql PR #659).
    /// </summary>
    public TimeSpan? EniLingerTimeMax { get; init; }

    /// <summary>Eventual consistency: describe/list/get calls that do not yet see a newly created resource.</summary>
    public int InvisibleReadsAfterCreate { get; init; }

    /// <summary>
    /// Eventual consistency on the clock: for this long after its creation a resource is missing from describe/list/get
    /// calls (writes see it). EC2: "if you run a command to modify or describe the resource that you just created, its ID
    /// might not have propagated throughout the system" (EC2 developer guide, eventual-consistency.html, which advises
    /// retrying "starting with a couple of seconds"); IAM: "the change must be replicated across IAM, which can take some
    /// time" (IAM user guide, troubleshoot_general.html), "usually within ~2 seconds" (pulumi/pulumi-awsx#927).
    /// </summary>
    public TimeSpan InvisibleAfterCreate { get; init; }

    /// <summary>
    /// CreateService naming a target group whose listener rule was created (or switched to it) less than this ago fails
    /// as if no rule forwarded to it: "The target group with targetGroupArn … does not have an associated load balancer."
    /// It happens even when the rule was created first (aws-samples/ecs-refarch-cloudformation PR #5,
    /// aws-cloudformation/cloudformation-coverage-roadmap#1868); terraform-provider-aws retries it for its 2-minute IAM
    /// propagation timeout (PR #3535). No report gives the window's length.
    /// </summary>
    public TimeSpan LoadBalancerAssociationLag { get; init; }

    /// <summary>
    /// RegisterTaskDefinition naming a role created less than this ago fails with <c>AccessDeniedException</c> "User: … is
    /// not authorized to perform: iam:PassRole on resource: …": the caller's PassRole check does not see the new role yet
    /// (terraform-aws-modules/terraform-aws-ecs#414: denied "in the same second" as CreateRole, fine on a re-run).
    /// </summary>
    public TimeSpan PassRoleLagAfterCreateRole { get; init; }

    /// <summary>
    /// A task launched less than this after its task or execution role was created fails to launch: the service event
    /// "failed to launch a task with (error ECS was unable to assume the role '…' that was provided for this task. …)" and
    /// no task (pulumi/pulumi-awsx#927; "it cannot be assumed for 10-30 seconds", terraform-provider-aws#6566). The
    /// scheduler tries again later (<see cref="EcsTimings.LaunchRetry"/>, or the next poll without <see cref="Timings"/>).
    /// </summary>
    public TimeSpan AssumeRoleLagAfterCreateRole { get; init; }

    /// <summary>
    /// CreateService's clientToken answers with the existing service only when the parameters are the same too: "If you
    /// retry a request that completed successfully using the same client token and the same parameters, the retry succeeds
    /// without performing any further actions" (ECS API reference, ECS_Idempotency.html). Off: the token alone decides.
    /// </summary>
    public bool ClientTokenNeedsSameParameters { get; init; }

    /// <summary>
    /// CreateService for a name that is still DRAINING fails: "Unable to Start a service that is still Draining."
    /// (spinnaker/spinnaker#5476, ewilde/faas-fargate#13), or "Creation of service was not idempotent." when the request
    /// reuses the draining service's own clientToken. Off: a draining service is treated like an active one.
    /// </summary>
    public bool DrainingServiceBlocksCreate { get; init; }

    /// <summary>Delay before each call; applied with <see cref="TimeProvider"/> so tests can use a fake clock.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// How the simulated clients retry throttling, as the HTTP clients' <see cref="Aws.Http.AwsHttpCaller"/> does with the
    /// same policy: the provisioner must see what it sees in Lambda. Null: every throttle reaches the caller. Injected
    /// faults are never retried: they stand for what the caller sees after the client gave up.
    /// </summary>
    internal RetryPolicy? ClientRetry { get; init; } = RetryPolicy.Default;

    /// <summary>
    /// RegisterScalableTarget with Tags for a target that already exists: true (the default, as real accounts behave) answers
    /// the ValidationException they report ("The scalable target that you tried to tag already exists. To update tags on an
    /// existing scalable target, use the TagResource API.": hashicorp/terraform-provider-aws#31839,
    /// terraform-aws-modules/terraform-aws-rds-aurora#420); false ignores the tags, as the API reference's wording alone
    /// would allow ("Use this parameter to tag the scalable target when it is created. To tag an existing scalable target,
    /// use the TagResource operation."). Either way an existing target's tags change only through TagResource / UntagResource.
    /// </summary>
    public bool RejectTagsOnRegisteredScalableTarget { get; init; } = true;

    /// <summary>Seed of the backoff jitter, so runs repeat.</summary>
    public int RetrySeed { get; init; } = 7;

    /// <summary>Seed of the simulation's own draws (how long each ENI lingers), so runs repeat.</summary>
    public int RandomSeed { get; init; } = 7;

    /// <summary>
    /// Every realistic behaviour on, with the values AWS documents or users report (each knob cites its source): deployments
    /// and target health on the clock, ENIs that linger 1 to 15 minutes, propagation windows after CreateRole, CreateRule and
    /// every create, clientToken and DRAINING rules of CreateService. Poll limits are off so only time moves things.
    /// </summary>
    public static SimulationOptions AwsLike(TimeProvider clock) => new()
    {
        TimeProvider = clock,
        Timings = new EcsTimings(),
        EniLingerPolls = null,
        EniLingerTime = TimeSpan.FromMinutes(1),
        EniLingerTimeMax = TimeSpan.FromMinutes(15),
        InvisibleAfterCreate = TimeSpan.FromSeconds(5),
        LoadBalancerAssociationLag = TimeSpan.FromSeconds(10),
        PassRoleLagAfterCreateRole = TimeSpan.FromSeconds(10),
        AssumeRoleLagAfterCreateRole = TimeSpan.FromSeconds(20),
        ClientTokenNeedsSameParameters = true,
        DrainingServiceBlocksCreate = true,
    };

    /// <summary>
    /// The caller's identity-based policy (the provider's role). When set, every simulated call checks its IAM action and
    /// the actions it implies against it and fails as AWS does when one is denied (AccessDeniedException, AccessDenied,
    /// UnauthorizedOperation, or Application Auto Scaling's ValidationException); <see cref="SimulatedAws.AccessChecks"/>
    /// lists what was asked. Null (the default): nothing is checked.
    /// </summary>
    public IamPolicy? Permissions { get; init; }
}
