using FargateApi.Simulation.Core;
using FargateApi.Simulation.Ec2;

namespace FargateApi.Simulation.Ecs;

/// <summary>
/// How ECS rolls a service forward, one DescribeServices poll at a time: a healthy deployment settles after
/// <see cref="SimulationOptions.PollsToSteadyState"/> polls; a failing one stops its tasks ("Essential container in
/// task exited", exit code 1) until the circuit breaker trips, then rolls back to the last COMPLETED deployment if asked.
/// Circuit breaker behaviour: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html.
/// </summary>
internal sealed class DeploymentEngine(SimulationContext context, TaskDefinitionStore taskDefinitions, Ec2Store ec2)
{
    /// <summary>Failed-task threshold = 0.5 × desired count, at least 3 and at most 200 (deployment-circuit-breaker.html).</summary>
    public const int MinFailureThreshold = 3;
    public const int MaxFailureThreshold = 200;

    public const string CircuitBreakerReason = "ECS deployment circuit breaker: tasks failed to start.";
    public const string EssentialContainerExited = "Essential container in task exited";

    private readonly List<SimTask> _tasks = [];

    /// <summary>Images whose containers exit with code 1 right after start.</summary>
    public HashSet<string> FailingImages { get; } = new(StringComparer.Ordinal);

    /// <summary>Task definition families or ARNs whose tasks fail the same way.</summary>
    public HashSet<string> FailingTaskDefinitions { get; } = new(StringComparer.Ordinal);

    public IEnumerable<SimTask> Tasks => _tasks;

    public static int FailureThreshold(int desiredCount) =>
        Math.Clamp((int)Math.Ceiling(desiredCount * 0.5), MinFailureThreshold, MaxFailureThreshold);

    public void StartDeployment(SimEcsService service, string taskDefinitionArn, int desiredCount)
    {
        foreach (var old in service.Deployments.Where(d => d.Status == "PRIMARY"))
        {
            old.Status = "ACTIVE";
        }

        service.Deployments.Insert(0, new SimDeployment
        {
            Id = context.Ids.DeploymentId(),
            TaskDefinitionArn = taskDefinitionArn,
            DesiredCount = desiredCount,
            PendingCount = desiredCount,
            CreatedAt = context.Now,
            UpdatedAt = context.Now,
        });
    }

    public void Drain(SimEcsService service)
    {
        foreach (var deployment in service.Deployments)
        {
            deployment.DesiredCount = 0;
            deployment.RunningCount = 0;
            deployment.PendingCount = 0;
        }

        foreach (var task in RunningTasksOf(service))
        {
            Stop(task, "ServiceSchedulerInitiated", $"Scaling activity initiated by (deployment {service.Primary?.Id})", exitCode: 0);
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
        if (IsFailing(primary.TaskDefinitionArn) && primary.DesiredCount > 0)
        {
            LaunchFailingTasks(service, primary);
            return;
        }

        if (primary.Polls >= context.Options.PollsToSteadyState)
        {
            Converge(service, primary);
        }
    }

    private bool IsFailing(string taskDefinitionArn)
    {
        var definition = taskDefinitions.Find(taskDefinitionArn);
        return FailingTaskDefinitions.Contains(taskDefinitionArn)
            || (definition is not null && (FailingTaskDefinitions.Contains(definition.Family) || definition.Images.Any(FailingImages.Contains)));
    }

    private void LaunchFailingTasks(SimEcsService service, SimDeployment primary)
    {
        var started = Enumerable.Range(0, primary.DesiredCount).Select(_ => Start(service, primary, isFailing: true)).ToList();
        AddEvent(service, $"(service {service.Name}) has started {started.Count} tasks: {string.Join(' ', started.Select(t => $"(task {TaskId(t)})"))}.");
        foreach (var task in started)
        {
            Stop(task, "EssentialContainerExited", EssentialContainerExited, exitCode: 1);
        }

        primary.FailedTasks += started.Count;
        primary.PendingCount = primary.DesiredCount;
        primary.UpdatedAt = context.Now;
        if (service.CircuitBreakerEnabled && primary.FailedTasks >= FailureThreshold(primary.DesiredCount))
        {
            Fail(service, primary);
        }
    }

    private void Fail(SimEcsService service, SimDeployment failed)
    {
        failed.RolloutState = "FAILED";
        failed.RolloutStateReason = CircuitBreakerReason;
        failed.PendingCount = 0;
        AddEvent(service, $"(service {service.Name}) (deployment {failed.Id}) deployment failed: tasks failed to start.");
        if (!service.CircuitBreakerRollback)
        {
            return;
        }

        var target = service.Deployments.FirstOrDefault(d => d != failed && d.RolloutState == "COMPLETED");
        if (target is null)
        {
            return;
        }

        failed.Status = "ACTIVE";
        failed.DesiredCount = 0;
        target.Status = "PRIMARY";
        target.DesiredCount = service.DesiredCount;
        target.Polls = 0;
        target.UpdatedAt = context.Now;
        service.Deployments.Remove(target);
        service.Deployments.Insert(0, target);
        service.TaskDefinitionArn = target.TaskDefinitionArn;
        AddEvent(service, $"(service {service.Name}) rolling back to deployment {target.Id}.");
    }

    private void Converge(SimEcsService service, SimDeployment primary)
    {
        var changed = primary.RolloutState != "COMPLETED" || service.Deployments.Count > 1 || primary.RunningCount != primary.DesiredCount;
        if (!changed)
        {
            return;
        }

        foreach (var task in RunningTasksOf(service).Where(t => t.DeploymentId != primary.Id))
        {
            Stop(task, "ServiceSchedulerInitiated", $"Scaling activity initiated by (deployment {primary.Id})", exitCode: 0);
        }

        var running = RunningTasksOf(service).ToList();
        var started = new List<SimTask>();
        for (var i = running.Count; i < primary.DesiredCount; i++)
        {
            started.Add(Start(service, primary, isFailing: false));
        }

        foreach (var extra in running.Skip(primary.DesiredCount))
        {
            Stop(extra, "ServiceSchedulerInitiated", $"Scaling activity initiated by (deployment {primary.Id})", exitCode: 0);
        }

        if (started.Count > 0)
        {
            AddEvent(service, $"(service {service.Name}) has started {started.Count} tasks: {string.Join(' ', started.Select(t => $"(task {TaskId(t)})"))}.");
        }

        service.Deployments.RemoveAll(d => d != primary);
        primary.RunningCount = primary.DesiredCount;
        primary.PendingCount = 0;
        primary.RolloutState = "COMPLETED";
        primary.RolloutStateReason = "ECS deployment " + primary.Id + " completed.";
        primary.UpdatedAt = context.Now;
        AddEvent(service, $"(service {service.Name}) has reached a steady state.");
    }

    private IEnumerable<SimTask> RunningTasksOf(SimEcsService service) =>
        _tasks.Where(t => t.ClusterArn == service.Cluster.Arn && t.ServiceName == service.Name && t.LastStatus == "RUNNING").ToList();

    private SimTask Start(SimEcsService service, SimDeployment deployment, bool isFailing)
    {
        var arn = context.Arn("ecs", $"task/{service.Cluster.Name}/{context.Ids.Hex(32)}");
        var subnet = service.Subnets.Count == 0 ? "subnet-none" : service.Subnets[_tasks.Count % service.Subnets.Count];
        var eni = ec2.AttachTaskEni(subnet, service.SecurityGroups, arn);
        var definition = taskDefinitions.Find(deployment.TaskDefinitionArn);
        var images = definition?.Images ?? [];
        var names = definition?.ContainerNames ?? [];
        var task = new SimTask
        {
            Arn = arn,
            ClusterArn = service.Cluster.Arn,
            ServiceName = service.Name,
            DeploymentId = deployment.Id,
            TaskDefinitionArn = deployment.TaskDefinitionArn,
            Containers = [.. images.Select((image, i) => new SimContainerState(i < names.Count ? names[i] : $"container-{i}", image, "RUNNING", null, null))],
            EniId = eni.NetworkInterfaceId,
            StartedAt = context.Now,
        };
        _tasks.Add(task);
        return task;
    }

    private void Stop(SimTask task, string stopCode, string reason, int exitCode)
    {
        task.LastStatus = "STOPPED";
        task.DesiredStatus = "STOPPED";
        task.StopCode = stopCode;
        task.StoppedReason = reason;
        task.StoppedAt = context.Now;
        for (var i = 0; i < task.Containers.Count; i++)
        {
            task.Containers[i] = task.Containers[i] with { LastStatus = "STOPPED", ExitCode = exitCode };
        }

        ec2.ReleaseTaskEni(task.EniId);
    }

    private void AddEvent(SimEcsService service, string message) =>
        service.Events.Insert(0, new SimServiceEvent(context.Ids.Hex(32), message, context.Now));

    private static string TaskId(SimTask task) => task.Arn[(task.Arn.LastIndexOf('/') + 1)..];
}
