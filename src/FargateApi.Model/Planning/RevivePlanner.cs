using System.Globalization;
using FargateApi.Desired;

namespace FargateApi.Planning;

/// <summary>
/// CloudFormation's rollback of a replacement, when the generation the update left behind still serves: its rule takes the
/// declared priority back (swapping with a newer generation's rule that holds it, in one SetRulePriorities call), and the
/// shared log group's ownership tags go back to it. What the rollback abandons of the newer generation is removed by that
/// generation's own Delete plan.
/// </summary>
internal static class RevivePlanner
{
    /// <param name="current">The stack the rolled-back update found (the physical id's generation).</param>
    /// <param name="next">The stack the rollback asks for.</param>
    public static Plan Plan(DesiredStack serving, DesiredStack current, DesiredStack next)
    {
        var steps = new StepList();
        var reads = Observation.AddReads(steps, current, next);
        steps.Add(
            "restore-rule-priority",
            StepAction.RestoreRulePriority,
            $"{serving.ListenerRule.Priority} on {serving.Network.ListenerArn}",
            reads,
            serving.ListenerRule,
            "a newer generation's rule that holds it steps aside in the same call",
            detail: step => step with
            {
                Changes = ValueList.Of(new FieldChange(RulePriority.Field, RulePriority.Temporary, serving.ListenerRule.Priority.ToString(CultureInfo.InvariantCulture))),
            });
        steps.Add(
            "adopt-log-group",
            StepAction.AdoptLogGroup,
            serving.LogGroup.Name,
            reads,
            serving.LogGroup,
            "its ownership tags name the serving generation again");
        return new Plan(PlanKind.Revive, serving, null, ValueList<ResourceChange>.Empty, steps.ToValueList(), ValueList<string>.Empty);
    }
}
