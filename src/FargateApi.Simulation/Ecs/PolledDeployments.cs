using FargateApi.Simulation.Core;

namespace FargateApi.Simulation.Ecs;

/// <summary>
/// How ECS rolls a service forward when the simulation runs without <see cref="SimulationOptions.Timings"/>: one
/// DescribeServices poll at a time. A healthy deployment settles after <see cref="SimulationOptions.PollsToSteadyState"/>
/// polls, its tasks RUNNING and their targets healthy at once; a failing one stops its tasks ("Essential container in task
/// exited", exit code 1, or "Task failed ELB health checks" for an image that fails them) until the circuit breaker trips,
/// then rolls back to the last COMPLETED deployment if asked. A deleted service stays DRAINING for
/// <see cref="SimulationOptions.PollsToInactive"/> polls.
/// </summary>
internal sealed class PolledDeployments(SimulationContext context, TaskRoster tasks, TaskFaults faults, CircuitBreaker breaker)
{
    public void Drain(SimEcsService service)
    {
        foreach (var deployment in service.Deployments)
        {
            deployment.DesiredCount = 0;
            deployment.RunningCount = 0;
            deployment.PendingCount = 0;
        }

        foreach (var task in tasks.RunningOf(service))
        {
            tasks.Stop(task, "ServiceSchedulerInitiated", $"Scaling activity initiated by (deployment {service.Primary?.Id})", exitCode: 0, context.Now);
        }
    }

    public void Poll(SimEcsService service)
    {
        if (service.Status == "DRAINING")
        {
            if (++service.DrainingPolls >= context.Options.PollsToInactive)
            {
                service.Status = "INACTIVE";
                service.Deployments.Clear();
            }

            return;
        }

        if (service.Status != "ACTIVE" || service.Primary is not { } primary || primary.RolloutState == "FAILED")
        {
            return;
        }

        primary.Polls++;
        if (primary.DesiredCount > 0 && tasks.RoleNotAssumable(primary.TaskDefinitionArn, context.Now) is { } role)
        {
            tasks.RoleLaunchFailed(service, role, context.Now);
            return;
        }

        if (faults.ExitsAtStart(primary.TaskDefinitionArn) && primary.DesiredCount > 0)
        {
            LaunchFailingTasks(service, primary);
            return;
        }

        if (faults.FailsHealthChecks(primary.TaskDefinitionArn) && primary.DesiredCount > 0 && service.LoadBalancers.Count > 0)
        {
            LaunchUnhealthyTasks(service, primary);
            return;
        }

        if (primary.Polls >= context.Options.PollsToSteadyState)
        {
            Converge(service, primary);
        }
    }

    private void LaunchFailingTasks(SimEcsService service, SimDeployment primary)
    {
        var now = context.Now;
        var started = Enumerable.Range(0, primary.DesiredCount).Select(_ => tasks.Launch(service, primary, now, runsAt: null, exitsAtStart: true, failsHealthChecks: false)).ToList();
        tasks.Started(service, started, now);
        foreach (var task in started)
        {
            tasks.Stop(task, "EssentialContainerExited", TaskRoster.EssentialContainerExited, exitCode: 1, now);
        }

        primary.PendingCount = primary.DesiredCount;
        breaker.Record(service, primary, started.Count, now);
    }

    /// <summary>Stage two of the circuit breaker: the tasks run, their targets are unhealthy, ECS stops them and counts them.</summary>
    private void LaunchUnhealthyTasks(SimEcsService service, SimDeployment primary)
    {
        var now = context.Now;
        var started = Enumerable.Range(0, primary.DesiredCount).Select(_ => tasks.Launch(service, primary, now, runsAt: null, exitsAtStart: false, failsHealthChecks: true)).ToList();
        tasks.Started(service, started, now);
        foreach (var (task, (group, target)) in started.Select(t => (t, FirstUnhealthyTarget(t))))
        {
            tasks.AddEvent(service, TaskRoster.UnhealthyEvent(service, target, group), now);
            tasks.Stop(task, "ServiceSchedulerInitiated", TaskRoster.FailedElbHealthChecks(group), exitCode: null, now);
        }

        primary.PendingCount = primary.DesiredCount;
        breaker.Record(service, primary, started.Count, now);
    }

    private (Elbv2.SimTargetGroup Group, Elbv2.SimTarget Target) FirstUnhealthyTarget(SimTask task) =>
        tasks.TargetsOf(task).First(t => t.Target.State == Aws.Services.ElasticLoadBalancing.ElbValues.TargetHealthUnhealthy);

    private void Converge(SimEcsService service, SimDeployment primary)
    {
        var changed = primary.RolloutState != "COMPLETED" || service.Deployments.Count > 1 || primary.RunningCount != primary.DesiredCount;
        if (!changed)
        {
            return;
        }

        var now = context.Now;
        foreach (var task in tasks.RunningOf(service).Where(t => t.DeploymentId != primary.Id))
        {
            tasks.Stop(task, "ServiceSchedulerInitiated", TaskRoster.ScalingActivity(primary), exitCode: 0, now);
        }

        var running = tasks.RunningOf(service);
        var started = new List<SimTask>();
        for (var i = running.Count; i < primary.DesiredCount; i++)
        {
            started.Add(tasks.Launch(service, primary, now, runsAt: null, exitsAtStart: false, failsHealthChecks: false));
        }

        foreach (var extra in running.Skip(primary.DesiredCount))
        {
            tasks.Stop(extra, "ServiceSchedulerInitiated", TaskRoster.ScalingActivity(primary), exitCode: 0, now);
        }

        tasks.Started(service, started, now);
        service.Deployments.RemoveAll(d => d != primary);
        primary.RunningCount = primary.DesiredCount;
        primary.PendingCount = 0;
        primary.RolloutState = "COMPLETED";
        primary.RolloutStateReason = "ECS deployment " + primary.Id + " completed.";
        primary.UpdatedAt = now;
        tasks.AddEvent(service, $"(service {service.Name}) has reached a steady state.", now);
    }
}
