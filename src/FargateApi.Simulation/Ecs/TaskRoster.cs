using FargateApi.Simulation.Authorization;
using FargateApi.Simulation.Core;
using FargateApi.Simulation.Ec2;
using FargateApi.Simulation.Elbv2;
using FargateApi.Simulation.Iam;

namespace FargateApi.Simulation.Ecs;

/// <summary>
/// Every task ever launched, and what launching and stopping one does around it: its ENI (EC2), its targets (ELB), the
/// service events ECS writes. Both deployment engines (per poll and on the clock) launch and stop through here.
/// </summary>
internal sealed class TaskRoster(SimulationContext context, TaskDefinitionStore taskDefinitions, Ec2Store ec2, Elbv2Store elbv2, IamStore iam)
{
    public const string EssentialContainerExited = "Essential container in task exited";

    private readonly List<SimTask> _tasks = [];

    public IEnumerable<SimTask> All => _tasks;

    public IEnumerable<SimTask> Of(SimEcsService service) => _tasks.Where(t => t.Owner == service);

    public IReadOnlyList<SimTask> RunningOf(SimEcsService service) => [.. Of(service).Where(t => t.LastStatus == "RUNNING")];

    /// <summary>
    /// A new task with its ENI in one of the service's subnets. Without the clock it runs at once and its targets are
    /// registered (healthy unless it fails its checks); on the clock it is PENDING until <paramref name="runsAt"/>.
    /// </summary>
    public SimTask Launch(SimEcsService service, SimDeployment deployment, DateTimeOffset at, DateTimeOffset? runsAt, bool exitsAtStart, bool failsHealthChecks)
    {
        var arn = context.Arn("ecs", $"task/{service.Cluster.Name}/{context.Ids.Hex(32)}");
        var subnet = service.Subnets.Count == 0 ? "subnet-none" : service.Subnets[_tasks.Count % service.Subnets.Count];
        var eni = ec2.AttachTaskEni(subnet, service.SecurityGroups, arn);
        var definition = taskDefinitions.Find(deployment.TaskDefinitionArn);
        var images = definition?.Images ?? [];
        var names = definition?.ContainerNames ?? [];
        var onTheClock = runsAt is not null;
        var task = new SimTask
        {
            Arn = arn,
            ClusterArn = service.Cluster.Arn,
            ServiceName = service.Name,
            Owner = service,
            DeploymentId = deployment.Id,
            TaskDefinitionArn = deployment.TaskDefinitionArn,
            LoadBalancers = deployment.LoadBalancers,
            LastStatus = onTheClock ? "PENDING" : "RUNNING",
            Containers = [.. images.Select((image, i) => new SimContainerState(i < names.Count ? names[i] : $"container-{i}", image, onTheClock ? "PENDING" : "RUNNING", null, null))],
            EniId = eni.NetworkInterfaceId,
            PrivateIp = eni.PrivateIpAddress,
            StartedAt = at,
            RunsAt = runsAt ?? at,
            ExitsAtStart = exitsAtStart,
            FailsHealthChecks = failsHealthChecks,
        };
        _tasks.Add(task);
        if (!onTheClock && !exitsAtStart)
        {
            RegisterTargets(task, at, onTheClock: false);
        }

        return task;
    }

    /// <summary>The task reached RUNNING: ECS registers its IP with each of the service's target groups, on the container's port.</summary>
    public void Run(SimTask task, DateTimeOffset at)
    {
        task.LastStatus = "RUNNING";
        task.StartedAt = at;
        for (var i = 0; i < task.Containers.Count; i++)
        {
            task.Containers[i] = task.Containers[i] with { LastStatus = "RUNNING" };
        }

        RegisterTargets(task, at, onTheClock: true);
    }

    /// <summary>The task is STOPPED: containers stopped with the exit code, targets gone, its ENI starts to linger.</summary>
    public void Stop(SimTask task, string stopCode, string reason, int? exitCode, DateTimeOffset at)
    {
        task.LastStatus = "STOPPED";
        task.DesiredStatus = "STOPPED";
        task.StopCode = stopCode;
        task.StoppedReason = reason;
        task.StoppedAt = at;
        task.StopsAt = null;
        task.StopCompletesAt = null;
        for (var i = 0; i < task.Containers.Count; i++)
        {
            task.Containers[i] = task.Containers[i] with { LastStatus = "STOPPED", ExitCode = exitCode };
        }

        elbv2.Deregister(task.Arn, at, onTheClock: false);
        ec2.ReleaseTaskEni(task.EniId, at);
    }

    /// <summary>The task's targets that are not draining, with their group.</summary>
    public IEnumerable<(SimTargetGroup Group, SimTarget Target)> TargetsOf(SimTask task) => elbv2.TargetsOf(task.Arn);

    /// <summary>ECS deregisters a task from its target groups before stopping it; on the clock its targets drain first.</summary>
    public TimeSpan Deregister(SimTask task, DateTimeOffset at)
    {
        var drain = elbv2.TargetsOf(task.Arn).Select(t => t.Group.DeregistrationDelay).DefaultIfEmpty(TimeSpan.Zero).Max();
        elbv2.Deregister(task.Arn, at, onTheClock: true);
        return drain;
    }

    /// <summary>
    /// A role of the task definition ECS cannot assume, or null: one created less than
    /// <see cref="SimulationOptions.AssumeRoleLagAfterCreateRole"/> ago (a launch in that window fails before a task exists,
    /// pulumi/pulumi-awsx#927), or one whose trust policy does not let ecs-tasks.amazonaws.com assume it for a task of this
    /// account (ECS sets aws:SourceAccount to it; <see cref="TrustPolicy"/>). Roles the simulation does not hold are not checked.
    /// </summary>
    public string? RoleNotAssumable(string taskDefinitionArn, DateTimeOffset at)
    {
        if (taskDefinitions.Find(taskDefinitionArn) is not { } definition)
        {
            return null;
        }

        var lag = context.Options.AssumeRoleLagAfterCreateRole;
        var assumeContext = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["aws:SourceAccount"] = [context.Options.AccountId],
        };
        return definition.RoleArns.FirstOrDefault(arn => iam.FindByArn(arn) is { } role
            && ((lag > TimeSpan.Zero && at < role.CreatedAt + lag)
                || !TrustPolicy.Allows(role.AssumeRolePolicyDocument, EcsTasksPrincipal, role.Arn, assumeContext)));
    }

    /// <summary>The service principal that assumes task and execution roles (ECS Developer Guide, task-iam-roles.html).</summary>
    private const string EcsTasksPrincipal = "ecs-tasks.amazonaws.com";

    /// <summary>The service event for a launch that failed on the role (pulumi/pulumi-awsx#927, aws-samples/aws-modern-application-workshop#149).</summary>
    public void RoleLaunchFailed(SimEcsService service, string roleArn, DateTimeOffset at) =>
        AddEvent(service,
            $"(service {service.Name}) failed to launch a task with (error ECS was unable to assume the role '{roleArn}' that was provided for this task. " +
            "Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role.).",
            at);

    public void Started(SimEcsService service, IReadOnlyCollection<SimTask> started, DateTimeOffset at)
    {
        if (started.Count > 0)
        {
            AddEvent(service, $"(service {service.Name}) has started {started.Count} tasks: {string.Join(' ', started.Select(t => $"(task {TaskId(t)})"))}.", at);
        }
    }

    /// <summary>
    /// ECS's event and stop reason for a task that failed its ELB health checks: "(service …) (port …) is unhealthy in
    /// (target-group …) due to (reason Health checks failed)." (aws/copilot-cli#3772), and the task stops with "Task failed
    /// ELB health checks in (target-group …)" (re:Post, "Why is my Amazon ECS task stopped?").
    /// </summary>
    public static string UnhealthyEvent(SimEcsService service, SimTarget target, SimTargetGroup group) =>
        $"(service {service.Name}) (port {target.Port}) is unhealthy in (target-group {group.Arn}) due to (reason Health checks failed).";

    public static string FailedElbHealthChecks(SimTargetGroup group) => $"Task failed ELB health checks in (target-group {group.Arn})";

    public static string ScalingActivity(SimDeployment deployment) => $"Scaling activity initiated by (deployment {deployment.Id})";

    public void AddEvent(SimEcsService service, string message, DateTimeOffset at) =>
        service.Events.Insert(0, new SimServiceEvent(context.Ids.Hex(32), message, at));

    public static string TaskId(SimTask task) => task.Arn[(task.Arn.LastIndexOf('/') + 1)..];

    private void RegisterTargets(SimTask task, DateTimeOffset at, bool onTheClock)
    {
        foreach (var link in task.LoadBalancers)
        {
            var reachable = elbv2.FindTargetGroup(link.TargetGroupArn) is not { } group
                || ec2.Admits(task.Owner.SecurityGroups, elbv2.SecurityGroupsInFrontOf(group), link.ContainerPort);
            elbv2.Register(link.TargetGroupArn, task.PrivateIp, link.ContainerPort, task.Arn, at, passesHealthChecks: !task.FailsHealthChecks && reachable, onTheClock);
        }
    }
}
