using FargateApi.Desired;

namespace FargateApi.Provisioning;

/// <summary>The provisioner's settings; tests shrink the delays to zero.</summary>
/// <param name="Region">The region the provider runs in (AWS_REGION): every resource is made there.</param>
/// <param name="FunctionArn">The Lambda's invoked function ARN, when known: account and partition are read off it
/// instead of asking STS GetCallerIdentity.</param>
internal sealed record ProvisionerOptions(string Region, string? FunctionArn = null)
{
    /// <summary>botocore ServicesStable and ServicesInactive poll every 15 s (ecs/2014-11-13/waiters-2.json "delay": 15).</summary>
    public static readonly TimeSpan DefaultPollDelay = TimeSpan.FromSeconds(15);

    public TimeSpan PollDelay { get; init; } = DefaultPollDelay;

    /// <summary>
    /// The managed policy every role the provider creates carries as its permissions boundary, so that a template using the
    /// custom resource can never grant a task more than the platform team allowed. template.yaml sets it (env
    /// <see cref="PermissionsBoundaryVariable"/>) and lets the provider create roles only with it. Null: no boundary.
    /// </summary>
    public string? PermissionsBoundaryArn { get; init; }

    public const string PermissionsBoundaryVariable = "FARGATE_API_PERMISSIONS_BOUNDARY_ARN";

    /// <summary>
    /// What Grants and Secrets may name, per ProjectPrefix (env <see cref="GrantableResources.Variable"/>, template.yaml's
    /// GrantableResourcePatterns). Default: names starting with the stack's prefix.
    /// </summary>
    public GrantableResources Grantable { get; init; } = GrantableResources.Default;

    /// <summary>
    /// How long before CloudFormation's own deadline (its request time + ServiceTimeout) the operation stops waiting and
    /// answers FAILED with what it knows: an answer that loses the race is never seen, and CloudFormation's generic timeout
    /// tells the user nothing (env <see cref="AnswerMarginVariable"/>, seconds).
    /// </summary>
    public TimeSpan AnswerMargin { get; init; } = DefaultAnswerMargin;

    public static readonly TimeSpan DefaultAnswerMargin = TimeSpan.FromSeconds(60);

    public const string AnswerMarginVariable = "FARGATE_API_ANSWER_MARGIN_SECONDS";

    /// <summary>A wait continues in a new invocation when less than this (plus one poll delay) is left of the current one.</summary>
    public TimeSpan ContinuationMargin { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long Delete waits for a deleted service to turn INACTIVE. botocore ServicesInactive allows 40 × 15 s = 10 min;
    /// we stop earlier and go on, because the security group retries below wait for the ENIs anyway.
    /// </summary>
    public int MaxInactivePolls { get; init; } = 40;

    /// <summary>First back-off of DeleteSecurityGroup after DependencyViolation; doubles up to <see cref="MaxSecurityGroupBackoff"/>.
    /// Fargate ENIs outlive their tasks by seconds to minutes (hashicorp/terraform-provider-aws#3414; alantech/iasql PR #659: 56 s to 15 min).</summary>
    public TimeSpan SecurityGroupBackoff { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxSecurityGroupBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Delete looks a second time after this when its first pass found something missing: describe calls may not yet show
    /// what a write just made (https://docs.aws.amazon.com/ec2/latest/devguide/eventual-consistency.html: the result of a
    /// command "might not be immediately visible to all subsequent commands"; the ECS API reference says the same of ECS).
    /// </summary>
    public TimeSpan ConsistencyDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Told of every poll of a steady-state wait (<see cref="WaitProgress"/>); null: nobody watches.</summary>
    public IProgress<WaitProgress>? Progress { get; init; }

    /// <summary>
    /// The ALB listeners rules may be added to (the template parameter AllowedListenerArns, env
    /// <see cref="AllowedListenersVariable"/>): a shared listener is the platform team's, not any stack's to choose. Null:
    /// any listener the role can reach.
    /// </summary>
    public IReadOnlyList<string>? AllowedListenerArns { get; init; }

    public const string AllowedListenersVariable = "FARGATE_API_ALLOWED_LISTENER_ARNS";

    /// <summary>Told of every plan and step the executor runs; null: nobody watches.</summary>
    public Execution.IStepObserver? Steps { get; init; }
}
