using FargateApi.Aws.Services.ElasticLoadBalancing;

namespace FargateApi.Simulation.Elbv2;

/// <summary>
/// One registered target and its health, as DescribeTargetHealth reports it. States, reason codes and their meaning are
/// ELB's (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetHealth.html): <c>initial</c> while
/// the load balancer "is still sending the target the minimum number of health checks required to determine its health
/// status", then <c>healthy</c> or <c>unhealthy</c>; <c>draining</c> after deregistration, until the deregistration delay
/// has passed and the target is gone.
/// </summary>
internal sealed class SimTarget
{
    public const string InitialHealthChecking = "Elb.InitialHealthChecking";
    public const string FailedHealthChecks = "Target.FailedHealthChecks";
    public const string DeregistrationInProgress = "Target.DeregistrationInProgress";

    /// <summary>The IP address for an <c>ip</c> target group.</summary>
    public required string Id { get; init; }

    public required int Port { get; init; }

    /// <summary>The task whose ENI has this address (the simulation's link; ELB itself does not know tasks).</summary>
    public required string TaskArn { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    public string State { get; private set; } = ElbValues.TargetHealthInitial;

    public string? Reason { get; private set; } = InitialHealthChecking;

    public string? Description { get; private set; } = "Initial health checks in progress";

    /// <summary>When the health checks (or the drain) change <see cref="State"/> next; null: nothing is pending.</summary>
    public DateTimeOffset? NextChangeAt { get; private set; }

    /// <summary>Since when the target is unhealthy; ECS acts on it once the service's health check grace period is over.</summary>
    public DateTimeOffset? UnhealthySince { get; private set; }

    /// <summary>Whether the target's application answers its health checks (false: the image fails them).</summary>
    public bool PassesHealthChecks { get; init; } = true;

    public bool IsDraining => State == ElbValues.TargetHealthDraining;

    /// <summary>A drained target is removed from its group.</summary>
    public bool IsGone { get; private set; }

    /// <summary>Registered on the clock: <c>initial</c> until HealthyThresholdCount (or UnhealthyThresholdCount) checks have run.</summary>
    public void StartHealthChecks(SimHealthCheckTiming timing) =>
        NextChangeAt = RegisteredAt + (PassesHealthChecks ? timing.ToHealthy : timing.ToUnhealthy);

    /// <summary>Without the clock: the checks are decided at once.</summary>
    public void DecideNow() => Decide(RegisteredAt);

    /// <summary>Deregistered: <c>draining</c> for the delay, then gone (at once when the delay is zero).</summary>
    public void Deregister(DateTimeOffset at, TimeSpan delay)
    {
        if (IsDraining || IsGone)
        {
            return;
        }

        if (delay <= TimeSpan.Zero)
        {
            IsGone = true;
            NextChangeAt = null;
            return;
        }

        State = ElbValues.TargetHealthDraining;
        Reason = DeregistrationInProgress;
        Description = "Target deregistration is in progress";
        NextChangeAt = at + delay;
    }

    /// <summary>Applies the change due at <paramref name="at"/>, if any.</summary>
    public void Advance(DateTimeOffset at)
    {
        if (NextChangeAt is not { } due || due > at)
        {
            return;
        }

        if (IsDraining)
        {
            IsGone = true;
            NextChangeAt = null;
            return;
        }

        Decide(due);
    }

    private void Decide(DateTimeOffset at)
    {
        NextChangeAt = null;
        if (PassesHealthChecks)
        {
            State = ElbValues.TargetHealthHealthy;
            Reason = null;
            Description = null;
            return;
        }

        // The console's and ECS's own wording for a target that answers with errors (aws/copilot-cli#3772:
        // "… is unhealthy in (target-group …) due to (reason Health checks failed)").
        State = ElbValues.TargetHealthUnhealthy;
        Reason = FailedHealthChecks;
        Description = "Health checks failed";
        UnhealthySince = at;
    }
}
