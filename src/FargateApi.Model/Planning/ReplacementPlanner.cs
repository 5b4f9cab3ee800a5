using FargateApi.Desired;

namespace FargateApi.Planning;

/// <summary>
/// A replacement builds the next generation's stack beside the current one (the generation suffix keeps every name
/// apart) and moves the traffic to it only once it serves. The current stack is left alone: the new physical id makes
/// CloudFormation send a Delete for the old one after the update succeeds, or a Delete for the new one if it rolls back.
/// </summary>
/// <remarks>
/// Listener rule priorities are unique per listener (ELBv2 CreateRule: PriorityInUse), and the new target group must
/// be on the listener before its service is created. So the new rule is created at a temporary priority: the highest
/// priority not in use on the listener, scanning down from 50000, chosen by the executor from DescribeRules when the
/// step runs — deterministic for a given listener, and the lowest precedence there is, so the old rule (same paths,
/// lower number) keeps the traffic meanwhile. When the new stack is serving, one SetRulePriorities call gives the new
/// rule the declared priority and the old rule the new rule's temporary one; "you can reorder the rules as long as there
/// are no priority conflicts in the new order" (ELBv2 SetRulePriorities), so the paths are never without a rule. If the
/// update then rolls back, the Delete of the new generation gives the old rule its declared priority back
/// (<see cref="StepAction.RestoreRulePriority"/>).
/// </remarks>
internal static class ReplacementPlanner
{
    public static Plan Plan(DesiredStack current, DesiredStack next, ValueList<string> reasons)
    {
        var steps = new StepList();
        var reads = Observation.AddReads(steps, current, next);
        var serving = CreatePlanner.AddStack(
            steps,
            next,
            after: reads,
            adoptLogGroup: next.LogGroup.Name == current.LogGroup.Name,
            rulePriorityNote: $"the highest free one, so the old rule keeps the traffic; the new rule takes {next.ListenerRule.Priority} once the new stack serves",
            adoptedLogGroup: current.LogGroup);
        // Traffic moves only onto healthy targets, whether or not the update waits for a steady state (a running task is not
        // yet a healthy target: aws-cli#9487, botocore#1021).
        var healthy = steps.Add(
            "wait-healthy-targets",
            StepAction.WaitForHealthyTargets,
            next.TargetGroup.Name,
            serving,
            next.TargetGroup,
            $"at least {next.Service.DesiredCount} healthy before traffic moves to them");
        steps.Add(
            "swap-rule-priorities",
            StepAction.SwapRulePriorities,
            $"new rule → {next.ListenerRule.Priority}, old rule → the new rule's temporary priority",
            [healthy],
            next.ListenerRule,
            "one SetRulePriorities call: the paths are never without a rule",
            detail: step => step with
            {
                Previous = current.ListenerRule,
                Changes = ValueList.Of(new FieldChange(RulePriority.Field, RulePriority.Temporary, next.ListenerRule.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            });

        var reason = string.Join("; ", reasons);
        var before = Resources.Of(current).ToDictionary(resource => resource.Name, StringComparer.Ordinal);
        var changes = Resources.Of(next)
            .Select(resource => before.TryGetValue(resource.Name, out var old)
                ? new ResourceChange(
                    resource.Name,
                    resource.Name == Resources.LogGroup && next.LogGroup.Name == current.LogGroup.Name ? Kind(old, resource) : ChangeKind.Replace,
                    FieldDiff.Between(old.Fields, resource.Fields),
                    resource.Name == Resources.LogGroup && next.LogGroup.Name == current.LogGroup.Name ? "shared by every generation" : reason)
                : new ResourceChange(resource.Name, ChangeKind.Create, FieldDiff.Between([], resource.Fields), reason))
            .Concat(before.Values
                .Where(old => Resources.Of(next).All(resource => resource.Name != old.Name))
                .Select(old => new ResourceChange(old.Name, ChangeKind.Delete, ValueList<FieldChange>.Empty, "left to CloudFormation's Delete of the old physical id")))
            .ToValueList();

        return new Plan(PlanKind.Replace, next, current, changes, steps.ToValueList(), reasons);
    }

    private static ChangeKind Kind(NamedResource old, NamedResource @new) =>
        FieldDiff.Between(old.Fields, @new.Fields).Count == 0 ? ChangeKind.NoChange : ChangeKind.UpdateInPlace;
}
