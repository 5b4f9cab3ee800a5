using FargateApi.Desired;
using FargateApi.Properties;

namespace FargateApi.Planning;

/// <summary>
/// Delete, in reverse: stop scaling, drain the service to zero and delete it, wait until it is INACTIVE (its task ENIs
/// hold the security group), then the rule before the target group it forwards to, the security group, the task
/// definition revisions, the roles the provider made, and the log group unless it is retained.
/// </summary>
internal static class DeletePlanner
{
    public static Plan Plan(DesiredStack current)
    {
        var steps = new StepList();

        // Deregistering first: an active scalable target would push the count back up to MinCapacity after the scale to zero.
        var scaling = current.Scaling is { } target
            ? steps.Add("deregister-scalable-target", StepAction.DeregisterScalableTarget, target.ResourceId, [], target, "its scaling policies go with it")
            : null;
        var scaleToZero = steps.Add(
            "scale-service-to-zero",
            StepAction.ScaleServiceToZero,
            current.Service.Name,
            [scaling],
            current.Service,
            detail: step => step with { Changes = ValueList.Of(new FieldChange("DesiredCount", current.Service.DesiredCount.ToString(System.Globalization.CultureInfo.InvariantCulture), "0")) });
        var deleteService = steps.Add("delete-service", StepAction.DeleteService, current.Service.Name, [scaleToZero], current.Service, "force");
        var inactive = steps.Add("wait-service-inactive", StepAction.WaitForServiceInactive, current.Service.Name, [deleteService], current.Service);

        var rule = steps.Add(
            "delete-listener-rule",
            StepAction.DeleteListenerRule,
            $"priority {current.ListenerRule.Priority} on {current.Network.ListenerArn}",
            [inactive],
            current.ListenerRule);
        steps.Add(
            "restore-rule-priority",
            StepAction.RestoreRulePriority,
            $"{current.ListenerRule.Priority} on {current.Network.ListenerArn}",
            [rule],
            current.ListenerRule,
            "a replacement that rolled back left the older generation's rule at a temporary priority",
            StepGuard.OtherGenerationRuleRemains,
            step => step with
            {
                Member = RulePriority.OtherGeneration,
                Changes = ValueList.Of(new FieldChange(RulePriority.Field, RulePriority.Temporary, current.ListenerRule.Priority.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            });
        steps.Add("delete-target-group", StepAction.DeleteTargetGroup, current.TargetGroup.Name, [rule], current.TargetGroup);
        steps.Add(
            "delete-security-group",
            StepAction.DeleteSecurityGroup,
            current.SecurityGroup.Name,
            [inactive],
            current.SecurityGroup,
            "retries DependencyViolation while the tasks' network interfaces drain");
        steps.Add("deregister-task-definitions", StepAction.DeregisterTaskDefinitions, current.TaskDefinition.Family, [inactive], current.TaskDefinition, "every revision of the family");
        if (current.ExecutionRole is { } exec)
        {
            steps.Add("delete-execution-role", StepAction.DeleteRole, exec.Name, [inactive], exec);
        }

        if (current.TaskRole is { } task)
        {
            steps.Add("delete-task-role", StepAction.DeleteRole, task.Name, [inactive], task);
        }

        if (current.LogGroup.RemovalPolicy == RemovalPolicy.Destroy)
        {
            steps.Add(
                "delete-log-group",
                StepAction.DeleteLogGroup,
                current.LogGroup.Name,
                [inactive],
                current.LogGroup,
                guard: StepGuard.NoOtherGenerationRemains);
        }

        return new Plan(
            PlanKind.Delete,
            current,
            null,
            CreatePlanner.Changes(current, ChangeKind.Delete, null)
                .Select(change => change with { Fields = ValueList<FieldChange>.Empty })
                .Select(change => change.Resource == Resources.LogGroup && current.LogGroup.RemovalPolicy == RemovalPolicy.Retain
                    ? change with { Kind = ChangeKind.NoChange, Reason = "RemovalPolicy Retain" }
                    : change)
                .ToValueList(),
            steps.ToValueList(),
            ValueList<string>.Empty);
    }
}
