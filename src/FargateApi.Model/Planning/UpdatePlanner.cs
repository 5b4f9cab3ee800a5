using FargateApi.Desired;

namespace FargateApi.Planning;

/// <summary>
/// An update: a replacement when a trigger moved (<see cref="ReplacementTriggers"/>), otherwise the smallest set of
/// in-place calls: a new task definition revision then UpdateService; ModifyTargetGroup and its attributes;
/// ModifyRule and SetRulePriorities; the scalable target and its policies; retention; ingress; role policies; tags.
/// Old task definition revisions stay registered: the circuit breaker may roll the service back to them.
/// </summary>
internal static class UpdatePlanner
{
    public const string CurrentRevision = "<current revision>";
    public const string NewRevision = "<new revision>";

    public static Plan Plan(DesiredStack current, DesiredStack next)
    {
        next = next.AtGeneration(current.Generation);
        var reasons = ReplacementTriggers.Reasons(current, next);
        if (reasons.Count > 0)
        {
            return ReplacementPlanner.Plan(current, next.AtGeneration(current.Generation + 1), reasons);
        }

        var steps = new StepList();
        var changes = new List<ResourceChange>();

        var logGroup = Diff(current.LogGroup.Fields(), next.LogGroup.Fields());
        if (Changed(logGroup, "RetentionInDays"))
        {
            steps.Add("put-retention-policy", StepAction.PutRetentionPolicy, next.LogGroup.Name, [], $"{current.LogGroup.RetentionDays} → {next.LogGroup.RetentionDays} days");
        }

        TagStep(steps, "log-group", logGroup, $"{Resources.LogGroup} {next.LogGroup.Name}");
        changes.Add(InPlace(Resources.LogGroup, logGroup));

        var rolesReady = new List<string?>();
        var rolesToDelete = new List<(string Id, string Name)>();
        foreach (var (label, id, old, @new) in new[]
        {
            (Resources.ExecutionRole, "execution-role", current.ExecutionRole, next.ExecutionRole),
            (Resources.TaskRole, "task-role", current.TaskRole, next.TaskRole),
        })
        {
            if (old is null && @new is not null)
            {
                rolesReady.Add(steps.Add($"create-{id}", StepAction.CreateRole, @new.Name, []));
                changes.Add(new ResourceChange(label, ChangeKind.Create, Diff([], @new.Fields()), "the role ARN is no longer given"));
            }
            else if (old is not null && @new is null)
            {
                rolesToDelete.Add(($"delete-{id}", old.Name));
                changes.Add(new ResourceChange(label, ChangeKind.Delete, ValueList<FieldChange>.Empty, "a role ARN is now given"));
            }
            else if (old is not null && @new is not null)
            {
                var role = Diff(old.Fields(), @new.Fields());
                if (role.Any(change => change.Field.StartsWith("Policy.", StringComparison.Ordinal)))
                {
                    rolesReady.Add(steps.Add($"put-{id}-policy", StepAction.PutRolePolicy, @new.Name, []));
                }

                TagStep(steps, id, role, $"{label} {@new.Name}");
                changes.Add(InPlace(label, role));
            }
        }

        var taskDefinition = Diff(current.TaskDefinition.Fields(), next.TaskDefinition.Fields());
        string? register = null;
        if (taskDefinition.Any(change => !IsTag(change)))
        {
            register = steps.Add("register-task-definition", StepAction.RegisterTaskDefinition, next.TaskDefinition.Family, rolesReady, "new revision");
        }
        else
        {
            TagStep(steps, "task-definition", taskDefinition, $"{Resources.TaskDefinition} {next.TaskDefinition.Family} (current revision)");
        }

        changes.Add(InPlace(Resources.TaskDefinition, taskDefinition, register is null ? null : "new revision"));

        var securityGroup = Diff(current.SecurityGroup.Fields(), next.SecurityGroup.Fields());
        if (Changed(securityGroup, "Ingress"))
        {
            var authorize = steps.Add("authorize-ingress", StepAction.AuthorizeIngress, $"{next.SecurityGroup.Name}: {next.SecurityGroup.Ingress}", []);
            steps.Add(
                "revoke-ingress",
                StepAction.RevokeIngress,
                $"{current.SecurityGroup.Name}: {current.SecurityGroup.Ingress}",
                [authorize],
                "after the new rule exists, so traffic is never cut");
        }

        TagStep(steps, "security-group", securityGroup, $"{Resources.SecurityGroup} {next.SecurityGroup.Name}");
        changes.Add(InPlace(Resources.SecurityGroup, securityGroup));

        var targetGroup = Diff(current.TargetGroup.Fields(), next.TargetGroup.Fields());
        if (ChangedUnder(targetGroup, "HealthCheck."))
        {
            steps.Add("modify-target-group", StepAction.ModifyTargetGroup, next.TargetGroup.Name, [], "health check");
        }

        if (ChangedUnder(targetGroup, "Attributes."))
        {
            steps.Add("modify-target-group-attributes", StepAction.ModifyTargetGroupAttributes, next.TargetGroup.Name, []);
        }

        TagStep(steps, "target-group", targetGroup, $"{Resources.TargetGroup} {next.TargetGroup.Name}");
        changes.Add(InPlace(Resources.TargetGroup, targetGroup));

        var rule = Diff(current.ListenerRule.Fields(), next.ListenerRule.Fields());
        var ruleTarget = $"priority {current.ListenerRule.Priority} on {next.Network.ListenerArn}";
        if (ChangedUnder(rule, "Conditions.") || ChangedUnder(rule, "Actions."))
        {
            steps.Add("modify-rule", StepAction.ModifyRule, ruleTarget, []);
        }

        if (Changed(rule, "Priority"))
        {
            steps.Add("set-rule-priority", StepAction.SetRulePriorities, $"{current.ListenerRule.Priority} → {next.ListenerRule.Priority} on {next.Network.ListenerArn}", []);
        }

        TagStep(steps, "listener-rule", rule, $"{Resources.ListenerRule} {ruleTarget}");
        changes.Add(InPlace(Resources.ListenerRule, rule));

        var service = Diff(current.Service.Fields(), next.Service.Fields());
        if (register is not null)
        {
            service = ValueList.Of([new FieldChange("TaskDefinition", CurrentRevision, NewRevision), .. service]);
        }

        string? update = null;
        if (service.Any(change => !IsTag(change)))
        {
            update = steps.Add(
                "update-service",
                StepAction.UpdateService,
                $"{next.Service.Name} in cluster {next.Service.Cluster}",
                [register, .. rolesReady],
                Changed(service, "EnableExecuteCommand") ? "forceNewDeployment: ECS Exec reaches only tasks started after the change" : null);
        }

        TagStep(steps, "service", service, $"{Resources.Service} {next.Service.Name}");
        changes.Add(InPlace(Resources.Service, service));

        var wait = update is not null && next.WaitForSteadyState
            ? steps.Add("wait-steady-state", StepAction.WaitForSteadyState, next.Service.Name, [update])
            : null;

        AddScaling(steps, changes, current.Scaling, next.Scaling);

        // A role is deleted only when no task can still be running with it.
        foreach (var (id, name) in rolesToDelete)
        {
            steps.Add(id, StepAction.DeleteRole, name, [wait ?? update ?? register]);
        }

        return new Plan(PlanKind.UpdateInPlace, next, current, changes.ToValueList(), steps.ToValueList(), ValueList<string>.Empty);
    }

    private static void AddScaling(StepList steps, List<ResourceChange> changes, DesiredScaling? old, DesiredScaling? @new)
    {
        if (old is null && @new is null)
        {
            return;
        }

        if (@new is null)
        {
            steps.Add("deregister-scalable-target", StepAction.DeregisterScalableTarget, old!.ResourceId, [], "its scaling policies go with it");
            changes.Add(new ResourceChange(Resources.Scaling, ChangeKind.Delete, ValueList<FieldChange>.Empty, "AutoScaling removed"));
            return;
        }

        var scaling = Diff(old?.Fields() ?? [], @new.Fields());
        string? target = null;
        if (old is null || scaling.Any(change => !IsTag(change) && !change.Field.StartsWith("Policy.", StringComparison.Ordinal)))
        {
            target = steps.Add("register-scalable-target", StepAction.RegisterScalableTarget, $"{@new.ResourceId} ({@new.MinCapacity}–{@new.MaxCapacity})", []);
        }

        foreach (var policy in @new.Policies.Where(policy => Changed(scaling, $"Policy.{policy.Name}")))
        {
            steps.Add($"put-scaling-policy:{policy.Name}", StepAction.PutScalingPolicy, policy.Name, [target]);
        }

        if (old is not null)
        {
            TagStep(steps, "scalable-target", scaling, $"scalable target {@new.ResourceId}");
        }

        changes.Add(old is null
            ? new ResourceChange(Resources.Scaling, ChangeKind.Create, scaling, "AutoScaling added")
            : InPlace(Resources.Scaling, scaling));
    }

    private static ValueList<FieldChange> Diff(IEnumerable<Field> before, IEnumerable<Field> after) => FieldDiff.Between(before, after);

    private static bool IsTag(FieldChange change) => change.Field.StartsWith(Field.TagPrefix, StringComparison.Ordinal);

    private static bool Changed(ValueList<FieldChange> changes, string field) => changes.Any(change => change.Field == field);

    private static bool ChangedUnder(ValueList<FieldChange> changes, string prefix) =>
        changes.Any(change => change.Field.StartsWith(prefix, StringComparison.Ordinal));

    private static void TagStep(StepList steps, string id, ValueList<FieldChange> changes, string target)
    {
        if (changes.Any(IsTag))
        {
            steps.Add($"tag-{id}", StepAction.UpdateTags, target, []);
        }
    }

    private static ResourceChange InPlace(string resource, ValueList<FieldChange> changes, string? reason = null) =>
        new(resource, changes.Count == 0 ? ChangeKind.NoChange : ChangeKind.UpdateInPlace, changes, changes.Count == 0 ? null : reason);
}
