namespace FargateApi.Simulation.Elbv2;

/// <summary>The targets ECS registers in the target groups, and their health as DescribeTargetHealth reports it.</summary>
internal sealed partial class Elbv2Store
{
    // Each task's targets, so stopping one task costs its own targets and not a walk over every target ever registered:
    // a service scaled down from tens of thousands of tasks stops them all in one poll.
    private readonly Dictionary<string, List<(SimTargetGroup Group, SimTarget Target)>> _targetsByTask = new(StringComparer.Ordinal);

    /// <summary>The group's targets, draining ones included (DescribeTargetHealth with no Targets member lists them all).</summary>
    public IReadOnlyList<SimTarget> DescribeTargetHealth(string targetGroupArn)
    {
        var group = RequireTargetGroup(targetGroupArn, "DescribeTargetHealth", read: true);
        group.Targets.RemoveAll(t => t.IsGone);
        return [.. group.Targets];
    }

    /// <summary>
    /// ECS registers a task's IP with the port of its container (ECS developer guide, "Use load balancing to distribute
    /// Amazon ECS service traffic": the service registers and deregisters tasks itself). On the clock the target starts
    /// <c>initial</c>; without it, its health is decided at once. A group deleted meanwhile registers nothing.
    /// </summary>
    public SimTarget? Register(string targetGroupArn, string ip, int port, string taskArn, DateTimeOffset at, bool passesHealthChecks, bool onTheClock)
    {
        if (!_targetGroups.TryGetValue(targetGroupArn, out var group))
        {
            return null;
        }

        var target = new SimTarget { Id = ip, Port = port, TaskArn = taskArn, RegisteredAt = at, PassesHealthChecks = passesHealthChecks };
        if (onTheClock)
        {
            target.StartHealthChecks(group.HealthCheck);
        }
        else
        {
            target.DecideNow();
        }

        group.Targets.Add(target);
        if (!_targetsByTask.TryGetValue(taskArn, out var ofTask))
        {
            _targetsByTask[taskArn] = ofTask = [];
        }

        ofTask.Add((group, target));
        return target;
    }

    /// <summary>The task's targets drain for each group's deregistration delay (on the clock) or leave at once (without it).</summary>
    public void Deregister(string taskArn, DateTimeOffset at, bool onTheClock)
    {
        foreach (var (group, target) in CurrentTargetsOf(taskArn))
        {
            target.Deregister(at, onTheClock ? group.DeregistrationDelay : TimeSpan.Zero);
        }
    }

    /// <summary>The task's current targets (not draining), with their group.</summary>
    public IEnumerable<(SimTargetGroup Group, SimTarget Target)> TargetsOf(string taskArn) =>
        CurrentTargetsOf(taskArn).Where(t => !t.Target.IsDraining);

    /// <summary>When the next target changes state, or null.</summary>
    public DateTimeOffset? NextTargetChange() =>
        _targetGroups.Values.SelectMany(g => g.Targets).Select(t => t.NextChangeAt).Min();

    /// <summary>Applies every target change due by <paramref name="at"/>; drained targets leave their group.</summary>
    public void AdvanceTargets(DateTimeOffset at)
    {
        foreach (var group in _targetGroups.Values)
        {
            foreach (var target in group.Targets)
            {
                target.Advance(at);
            }

            // Targets that left (drained, or deregistered without a drain) are swept here, once per clock step, rather than
            // at each deregistration; reads skip them meanwhile.
            group.Targets.RemoveAll(t => t.IsGone);
        }
    }

    /// <summary>The task's targets in groups that still exist and that have not left them yet.</summary>
    private IEnumerable<(SimTargetGroup Group, SimTarget Target)> CurrentTargetsOf(string taskArn)
    {
        if (!_targetsByTask.TryGetValue(taskArn, out var ofTask))
        {
            return [];
        }

        ofTask.RemoveAll(t => t.Target.IsGone);
        if (ofTask.Count == 0)
        {
            _targetsByTask.Remove(taskArn);
        }

        return [.. ofTask.Where(t => _targetGroups.TryGetValue(t.Group.Arn, out var current) && ReferenceEquals(current, t.Group))];
    }
}
