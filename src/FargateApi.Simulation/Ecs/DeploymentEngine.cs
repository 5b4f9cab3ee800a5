using FargateApi.Simulation.Core;
using FargateApi.Simulation.Ec2;
using FargateApi.Simulation.Elbv2;
using FargateApi.Simulation.Iam;

namespace FargateApi.Simulation.Ecs;

/// <summary>
/// What ECS does with a service's deployments and tasks, per DescribeServices poll (<see cref="PolledDeployments"/>, the
/// default) or on the simulation clock (<see cref="ClockedDeployments"/>, with <see cref="SimulationOptions.Timings"/>).
/// The store calls it when a call changes a service; the call path advances the clock-driven one before every call.
/// </summary>
internal sealed class DeploymentEngine
{
    private readonly SimulationContext _context;
    private readonly PolledDeployments _polled;
    private readonly ClockedDeployments? _clocked;

    public DeploymentEngine(SimulationContext context, TaskDefinitionStore taskDefinitions, Ec2Store ec2, Elbv2Store elbv2, IamStore iam)
    {
        _context = context;
        Roster = new TaskRoster(context, taskDefinitions, ec2, elbv2, iam);
        Faults = new TaskFaults(taskDefinitions);
        var breaker = new CircuitBreaker(Roster);
        _polled = new PolledDeployments(context, Roster, Faults, breaker);
        _clocked = context.Options.Timings is { } timings ? new ClockedDeployments(context, timings, Roster, Faults, breaker, elbv2) : null;
    }

    public TaskRoster Roster { get; }

    public TaskFaults Faults { get; }

    public IEnumerable<SimTask> Tasks => Roster.All;

    public void StartDeployment(SimEcsService service, string taskDefinitionArn, int desiredCount)
    {
        foreach (var old in service.Deployments.Where(d => d.Status == "PRIMARY"))
        {
            old.Status = "ACTIVE";
        }

        service.Deployments.Insert(0, new SimDeployment
        {
            Id = _context.Ids.DeploymentId(),
            TaskDefinitionArn = taskDefinitionArn,
            LoadBalancers = service.LoadBalancers,
            DesiredCount = desiredCount,
            PendingCount = desiredCount,
            CreatedAt = _context.Now,
            UpdatedAt = _context.Now,
        });
        _clocked?.Reconcile(service);
    }

    /// <summary>UpdateService changed only the desired count: the primary deployment scales, no new deployment starts.</summary>
    public void Rescale(SimEcsService service, SimDeployment primary, int desiredCount)
    {
        primary.DesiredCount = desiredCount;
        primary.Polls = 0;
        _clocked?.Reconcile(service);
    }

    /// <summary>DeleteService: the service is DRAINING; its tasks stop (per poll: at once; on the clock: after draining).</summary>
    public void Drain(SimEcsService service)
    {
        if (_clocked is null)
        {
            _polled.Drain(service);
            return;
        }

        foreach (var deployment in service.Deployments)
        {
            deployment.DesiredCount = 0;
        }

        _clocked.Reconcile(service);
    }

    /// <summary>One DescribeServices poll of the service (progress per poll; nothing on the clock, where time moves it).</summary>
    public void Poll(SimEcsService service)
    {
        if (_clocked is null)
        {
            _polled.Poll(service);
        }
    }

    /// <summary>Applies what the clock brought since the last call (nothing without <see cref="SimulationOptions.Timings"/>).</summary>
    public void AdvanceTo(DateTimeOffset now) => _clocked?.AdvanceTo(now);
}
