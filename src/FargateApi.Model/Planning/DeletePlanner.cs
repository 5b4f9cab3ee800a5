using FargateApi.Desired;
using FargateApi.Properties;

namespace FargateApi.Planning;

/// <summary>
/// Delete, from the front: the listener rule goes first (traffic stops before the tasks do), the service is force-deleted
/// beside it while its scalable target is deregistered, the task definitions go once the service is deleted, and once it
/// is INACTIVE (its tasks stopped: their ENIs hold the security group, they run with the roles and write to the log group,
/// and ECS deregisters them from the target group) the target group, the security group, the roles the provider made
/// (their policy, then the role), and the log group unless it is retained. Whose the service and the roles are is read
/// first, beside the rule's delete.
/// </summary>
internal static class DeletePlanner
{
    public static Plan Plan(DesiredStack current)
    {
        var steps = new StepList();

        // What the Delete reads before it acts: the network (read before the plan, to derive the stack), whose the service is
        // (nothing of another owner is deleted), and whose the roles are, beside the service's delete so that the roles, once
        // its tasks are gone, take one call each.
        var network = CreatePlanner.AddNetworkRead(steps, current.Inputs.Value.Properties.Network, current.Network.ListenerArn);
        var readService = steps.Add(
            "read-service",
            StepAction.FindService,
            $"{current.Service.Name} in cluster {current.Service.Cluster}",
            [network],
            current.Service,
            "whose it is: a service of another owner is never deleted");
        var roles = new[] { ("execution-role", current.ExecutionRole), ("task-role", current.TaskRole) }
            .Where(pair => pair.Item2 is not null)
            .Select(pair => (Id: pair.Item1, Role: pair.Item2!, Owner: steps.Add(
                $"read-{pair.Item1}", StepAction.FindRole, pair.Item2!.Name, [network], pair.Item2!, "whose it is: a role of another owner is never deleted")))
            .ToList();

        // Beside the delete, not before it: a scaling activity can only change the desired count, which a forced delete
        // ignores ("If true, allows you to delete a service even if it wasn't scaled down to zero tasks", DeleteService
        // force), and once the service is DRAINING it cannot move it back ("You can't update a service that's inactive",
        // ServiceNotActiveException of UpdateService, ECS API reference; alchemy-run/alchemy#1581 sees it on DRAINING).
        if (current.Scaling is { } target)
        {
            steps.Add("deregister-scalable-target", StepAction.DeregisterScalableTarget, target.ResourceId, [network], target, "its scaling policies go with it");
        }

        // ELB: "Deletes the specified rule. You can't delete the default rule." (DeleteRule): no precondition on its target
        // group's targets, so the rule goes first and the load balancer stops sending requests before the tasks stop.
        var rule = steps.Add(
            "delete-listener-rule",
            StepAction.DeleteListenerRule,
            $"priority {current.ListenerRule.Priority} on {current.Network.ListenerArn}",
            [network],
            current.ListenerRule,
            "first: requests stop before the tasks do");

        // No scale to zero first: force deletes a service whatever its desired count, and ECS drains its tasks itself.
        var deleteService = steps.Add("delete-service", StepAction.DeleteService, current.Service.Name, [readService], current.Service, "force");
        var inactive = steps.Add("wait-service-inactive", StepAction.WaitForServiceInactive, current.Service.Name, [deleteService], current.Service);

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
        // After the rule that forwards to it (ELB: "You can delete a target group if it is not referenced by any actions",
        // DeleteTargetGroup) and after the tasks ECS deregisters from it have stopped (AWS support's advice to keep the load
        // balancer until the service is INACTIVE, remind101/empire#439).
        steps.Add("delete-target-group", StepAction.DeleteTargetGroup, current.TargetGroup.Name, [rule, inactive], current.TargetGroup);
        steps.Add(
            "delete-security-group",
            StepAction.DeleteSecurityGroup,
            current.SecurityGroup.Name,
            [inactive],
            current.SecurityGroup,
            "retries DependencyViolation while the tasks' network interfaces drain");
        // Once the service is deleted, not INACTIVE: "Existing tasks and services that reference an INACTIVE task definition
        // continue to run without disruption" (DeregisterTaskDefinition, ECS API reference), so draining tasks are unaffected.
        steps.Add("deregister-task-definitions", StepAction.DeregisterTaskDefinitions, current.TaskDefinition.Family, [deleteService], current.TaskDefinition, "every revision of the family");
        // Once no task runs with them (draining tasks still write logs with the execution role and call AWS with the task role).
        foreach (var (id, role, owner) in roles)
        {
            var policy = steps.Add($"delete-{id}-policy", StepAction.DeleteRolePolicy, $"{role.Name}/{role.PolicyName}", [owner, inactive], role);
            steps.Add($"delete-{id}", StepAction.DeleteRole, role.Name, [policy], role, "a policy someone else added is removed first");
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
