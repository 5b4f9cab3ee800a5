using FargateApi.Aws.Services.ElasticLoadBalancing;
using FargateApi.Simulation.Core;
using FargateApi.Simulation.Elbv2;

namespace FargateApi.Simulation.Ecs;

/// <summary>
/// How ECS rolls a service forward on the simulation clock (<see cref="SimulationOptions.Timings"/>): every change happens
/// at its time, whoever looks. The rules, each with its source:
/// <list type="bullet">
/// <item>The scheduler launches the deployment's missing tasks at once; each is PENDING for
/// <see cref="EcsTimings.TaskStartup"/>, then RUNNING, or STOPPED with "Essential container in task exited" (exit code 1)
/// when its image crashes: stage one of the circuit breaker counts it
/// (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html).</item>
/// <item>A RUNNING task's IP is registered in each of the service's target groups; ELB reports it <c>initial</c> until
/// HealthyThresholdCount × HealthCheckIntervalSeconds have passed, then <c>healthy</c>; one that fails its checks turns
/// <c>unhealthy</c> after UnhealthyThresholdCount × interval (ELBv2 API reference, CreateTargetGroup and TargetHealth).</item>
/// <item>Once its target is unhealthy and the service's health check grace period since the task started is over
/// (CreateService healthCheckGracePeriodSeconds: the scheduler "ignores unhealthy Elastic Load Balancing … health checks"
/// until then), ECS writes "(service …) (port …) is unhealthy in (target-group …) due to (reason Health checks failed)."
/// (aws/copilot-cli#3772), stops the task with "Task failed ELB health checks in (target-group …)" and stage two of the
/// circuit breaker counts it; a replacement is launched.</item>
/// <item>ECS stops a task behind a load balancer by deregistering it first: "the service first removes the task from the
/// load balancer and waits for connection draining to complete", then SIGTERM and the stop timeout (ECS developer guide,
/// update-service.html). Its targets are <c>draining</c> for the group's deregistration delay, the task then STOPPING for
/// <see cref="EcsTimings.TaskStop"/>, then STOPPED, and its ENI starts to linger.</item>
/// <item>The old deployment's tasks are stopped once the new deployment has all its tasks healthy (minimumHealthyPercent
/// 100: "the service scheduler can't remove existing tasks until the replacement tasks are considered healthy … Tasks for
/// services that use a load balancer are considered healthy if they're in the RUNNING state and are reported as healthy by
/// the load balancer", UpdateContainerInstancesState API reference).</item>
/// <item>rolloutState turns COMPLETED when "the service reaches a steady state" (API_Deployment.html rolloutState): every
/// task of the deployment RUNNING and healthy behind the load balancer, and the old deployments' tasks stopped; only then is
/// the old deployment gone. runningCount == desiredCount comes earlier, while targets are still <c>initial</c>
/// (aws/aws-cli#9487, boto/botocore#1021), and during a replacement the old tasks keep draining for the deregistration
/// delay before it completes (aws/copilot-cli#2190).</item>
/// <item>A deleted service is DRAINING while its tasks drain: "After all tasks have transitioned to either STOPPING or
/// STOPPED status, the service status moves from DRAINING to INACTIVE" (DeleteService API reference); with the default
/// 300 s deregistration delay that is five minutes (hashicorp/terraform#9397).</item>
/// <item>A launch while the task's role is not yet assumable fails before any task exists and is retried after
/// <see cref="EcsTimings.LaunchRetry"/> (pulumi/pulumi-awsx#927).</item>
/// </list>
/// </summary>
internal sealed class ClockedDeployments(SimulationContext context, EcsTimings timings, TaskRoster tasks, TaskFaults faults, CircuitBreaker breaker, Elbv2Store elbv2)
{
    /// <summary>A bound on the changes one advance applies, so a rule that keeps firing at one instant fails loudly instead of hanging.</summary>
    private const int MaxStepsPerAdvance = 100_000;

    private readonly List<SimEcsService> _services = [];

    public void Track(SimEcsService service)
    {
        if (!_services.Contains(service))
        {
            _services.Add(service);
        }
    }

    /// <summary>Applies, in time order, every change due by <paramref name="now"/>.</summary>
    public void AdvanceTo(DateTimeOffset now)
    {
        for (var step = 0; NextChange() is { } next && next <= now; step++)
        {
            if (step >= MaxStepsPerAdvance)
            {
                throw new InvalidOperationException($"The simulated ECS made more than {MaxStepsPerAdvance} changes by {now:O}: a rule keeps firing at one instant.");
            }

            Step(next);
        }
    }

    /// <summary>A call just changed the service (created, new deployment, new count, deleted): ECS acts on it now.</summary>
    public void Reconcile(SimEcsService service)
    {
        Track(service);
        Reconcile(service, context.Now);
    }

    private DateTimeOffset? NextChange()
    {
        var next = elbv2.NextTargetChange();
        foreach (var task in tasks.All.Where(t => t.IsLive))
        {
            next = Earliest(next, TaskChange(task));
        }

        foreach (var service in _services)
        {
            next = Earliest(next, service.LaunchRetryAt);
        }

        return next;
    }

    private DateTimeOffset? TaskChange(SimTask task) => task.LastStatus switch
    {
        "PENDING" => task.RunsAt,
        "RUNNING" when task.StopsAt is { } stops => stops,
        "RUNNING" when task.IsWanted => UnhealthyNoticeAt(task),
        "STOPPING" => task.StopCompletesAt,
        _ => null,
    };

    private void Step(DateTimeOffset at)
    {
        elbv2.AdvanceTargets(at);
        foreach (var task in tasks.All.Where(t => t.IsLive).ToList())
        {
            Advance(task, at);
        }

        foreach (var service in _services.ToList())
        {
            Reconcile(service, at);
        }
    }

    private void Advance(SimTask task, DateTimeOffset at)
    {
        switch (task.LastStatus)
        {
            case "PENDING" when task.RunsAt <= at && task.ExitsAtStart:
                tasks.Stop(task, "EssentialContainerExited", TaskRoster.EssentialContainerExited, exitCode: 1, task.RunsAt);
                CountFailure(task, task.RunsAt);
                break;
            case "PENDING" when task.RunsAt <= at:
                tasks.Run(task, task.RunsAt);
                break;
            case "RUNNING" when task.StopsAt is { } stops && stops <= at:
                BeginStop(task, stops);
                break;
            case "STOPPING" when task.StopCompletesAt is { } done && done <= at:
                Finish(task, done);
                break;
        }
    }

    private void Reconcile(SimEcsService service, DateTimeOffset at)
    {
        if (service.LaunchRetryAt <= at)
        {
            service.LaunchRetryAt = null;
        }

        var owned = tasks.Of(service).ToList();
        switch (service.Status)
        {
            case "INACTIVE":
                _services.Remove(service);
                return;
            case "DRAINING":
                Drain(service, owned, at);
                return;
        }

        if (service.Primary is not { } primary)
        {
            return;
        }

        StopUnhealthy(service, owned, at);
        if (primary.RolloutState != "FAILED")
        {
            LaunchOrScaleIn(service, primary, owned, at);
            owned = [.. tasks.Of(service)];
        }

        var ready = primary.RolloutState != "FAILED" && owned.Count(t => t.DeploymentId == primary.Id && IsHealthy(service, t)) >= primary.DesiredCount;
        foreach (var old in service.Deployments.Where(d => d != primary))
        {
            // A replaced deployment goes once the new one is healthy; one the breaker failed (desired 0) goes at once.
            if (ready || old.DesiredCount == 0)
            {
                foreach (var task in owned.Where(t => t.DeploymentId == old.Id && t.IsWanted))
                {
                    RequestStop(task, "ServiceSchedulerInitiated", TaskRoster.ScalingActivity(primary), exitCode: 0, at);
                }
            }
        }

        Count(service, owned);
        var settled = owned.Count(t => t.DeploymentId == primary.Id && t.IsWanted) == primary.DesiredCount
            && owned.Where(t => t.DeploymentId != primary.Id).All(t => !t.IsLive);
        if (primary.RolloutState == "IN_PROGRESS" && ready && settled)
        {
            service.Deployments.RemoveAll(d => d != primary);
            primary.RolloutState = "COMPLETED";
            primary.RolloutStateReason = "ECS deployment " + primary.Id + " completed.";
            primary.UpdatedAt = at;
            tasks.AddEvent(service, $"(service {service.Name}) has reached a steady state.", at);
        }
    }

    private void Drain(SimEcsService service, List<SimTask> owned, DateTimeOffset at)
    {
        foreach (var task in owned.Where(t => t.IsWanted))
        {
            RequestStop(task, "ServiceSchedulerInitiated", $"Scaling activity initiated by (deployment {service.Primary?.Id})", exitCode: 0, at);
        }

        Count(service, owned);
        if (owned.All(t => t.LastStatus is "STOPPING" or "STOPPED"))
        {
            service.Status = "INACTIVE";
            service.Deployments.Clear();
            _services.Remove(service);
        }
    }

    private void StopUnhealthy(SimEcsService service, List<SimTask> owned, DateTimeOffset at)
    {
        foreach (var task in owned.Where(t => t.IsWanted && t.LastStatus == "RUNNING"))
        {
            if (UnhealthyTarget(task) is not (var group, var target) || at < NoticeAt(task, target))
            {
                continue;
            }

            tasks.AddEvent(service, TaskRoster.UnhealthyEvent(service, target, group), at);
            RequestStop(task, "ServiceSchedulerInitiated", TaskRoster.FailedElbHealthChecks(group), exitCode: null, at);
            CountFailure(task, at);
        }
    }

    private void LaunchOrScaleIn(SimEcsService service, SimDeployment primary, List<SimTask> owned, DateTimeOffset at)
    {
        var wanted = owned.Where(t => t.DeploymentId == primary.Id && t.IsWanted).ToList();
        if (wanted.Count > primary.DesiredCount)
        {
            var extras = wanted.OrderBy(t => t.LastStatus == "PENDING" ? 0 : 1).ThenByDescending(t => t.StartedAt).Take(wanted.Count - primary.DesiredCount);
            foreach (var extra in extras.ToList())
            {
                RequestStop(extra, "ServiceSchedulerInitiated", TaskRoster.ScalingActivity(primary), exitCode: 0, at);
            }

            return;
        }

        if (wanted.Count == primary.DesiredCount || service.LaunchRetryAt is not null)
        {
            return;
        }

        if (tasks.RoleNotAssumable(primary.TaskDefinitionArn, at) is { } role)
        {
            tasks.RoleLaunchFailed(service, role, at);
            service.LaunchRetryAt = at + timings.LaunchRetry;
            return;
        }

        var exits = faults.ExitsAtStart(primary.TaskDefinitionArn);
        var unhealthy = faults.FailsHealthChecks(primary.TaskDefinitionArn);
        var started = Enumerable.Range(0, primary.DesiredCount - wanted.Count)
            .Select(_ => tasks.Launch(service, primary, at, at + timings.TaskStartup, exits, unhealthy))
            .ToList();
        tasks.Started(service, started, at);
    }

    /// <summary>ECS decided to stop the task: a PENDING one stops at once, a RUNNING one drains from its target groups first.</summary>
    private void RequestStop(SimTask task, string stopCode, string reason, int? exitCode, DateTimeOffset at)
    {
        if (!task.IsWanted)
        {
            return;
        }

        task.DesiredStatus = "STOPPED";
        task.PendingStop = (stopCode, reason, exitCode);
        if (task.LastStatus == "PENDING")
        {
            tasks.Stop(task, stopCode, reason, exitCode, at);
            return;
        }

        var drain = tasks.Deregister(task, at);
        task.StopsAt = at + drain;
        if (drain <= TimeSpan.Zero)
        {
            BeginStop(task, at);
        }
    }

    private void BeginStop(SimTask task, DateTimeOffset at)
    {
        task.LastStatus = "STOPPING";
        task.StopsAt = null;
        task.StopCompletesAt = at + timings.TaskStop;
        if (timings.TaskStop <= TimeSpan.Zero)
        {
            Finish(task, at);
        }
    }

    private void Finish(SimTask task, DateTimeOffset at)
    {
        var (code, reason, exitCode) = task.PendingStop ?? ("ServiceSchedulerInitiated", "Task stopped", 0);
        tasks.Stop(task, code, reason, exitCode, at);
    }

    /// <summary>A failed task counts against its deployment while that deployment is the one rolling out.</summary>
    private void CountFailure(SimTask task, DateTimeOffset at)
    {
        var service = task.Owner;
        if (service.Primary is { RolloutState: "IN_PROGRESS" } primary && primary.Id == task.DeploymentId
            && breaker.Record(service, primary, 1, at) && service.Primary is { } rolledBackTo && rolledBackTo != primary)
        {
            // The deployment rolled back to rolls out again: it completes once its tasks are healthy and the failed ones are gone.
            rolledBackTo.RolloutState = "IN_PROGRESS";
            rolledBackTo.RolloutStateReason = null;
        }
    }

    private bool IsHealthy(SimEcsService service, SimTask task) =>
        task.IsWanted && task.LastStatus == "RUNNING"
        && task.LoadBalancers.All(link => tasks.TargetsOf(task).Any(x => x.Group.Arn == link.TargetGroupArn && x.Target.State == ElbValues.TargetHealthHealthy));

    private (SimTargetGroup Group, SimTarget Target)? UnhealthyTarget(SimTask task) =>
        tasks.TargetsOf(task).Where(x => x.Target.State == ElbValues.TargetHealthUnhealthy).Select(x => ((SimTargetGroup, SimTarget)?)x).FirstOrDefault();

    private DateTimeOffset? UnhealthyNoticeAt(SimTask task) => UnhealthyTarget(task) is (_, var target) ? NoticeAt(task, target) : null;

    /// <summary>ECS acts on an unhealthy target once the service's health check grace period since the task started is over.</summary>
    private static DateTimeOffset NoticeAt(SimTask task, SimTarget target)
    {
        var graceEnds = task.StartedAt + TimeSpan.FromSeconds(task.Owner.HealthCheckGracePeriodSeconds);
        var since = target.UnhealthySince ?? task.StartedAt;
        return since > graceEnds ? since : graceEnds;
    }

    private static void Count(SimEcsService service, List<SimTask> owned)
    {
        foreach (var deployment in service.Deployments)
        {
            deployment.RunningCount = owned.Count(t => t.DeploymentId == deployment.Id && t.LastStatus == "RUNNING");
            deployment.PendingCount = owned.Count(t => t.DeploymentId == deployment.Id && t.LastStatus == "PENDING");
        }
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
