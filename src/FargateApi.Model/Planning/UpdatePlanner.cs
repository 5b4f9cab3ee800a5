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
            var generation = Naming.Generations.After(
                Naming.ResourceNames.For(current.Inputs.Value.Properties, current.Generation),
                Naming.ResourceNames.For(next.Inputs.Value.Properties, current.Generation));
            return ReplacementPlanner.Plan(current, next.AtGeneration(generation), reasons);
        }

        // A target group's port is fixed at creation (ModifyTargetGroup has no Port) and does not matter to an ip target group
        // behind ECS: ECS registers each task on the container port of the service's load balancer mapping, and the health
        // check probes the traffic port (DesiredTargetHealthCheck.TrafficPort). So a ContainerPort change leaves it as it was.
        next = next with { TargetGroup = next.TargetGroup with { Port = current.TargetGroup.Port } };

        var steps = new StepList();
        var changes = new List<ResourceChange>();
        var reads = Observation.AddReads(steps, current, next);

        // A role the properties now name (a new ARN, or a role the provider made before) is checked before anything changes.
        var newlyGiven = GivenRole.Of(next).Where(role => !GivenRole.Of(current).Contains(role));
        var checks = CreatePlanner.AddGivenRoleChecks(steps, newlyGiven, reads);

        var logGroup = Diff(current.LogGroup.Fields(), next.LogGroup.Fields());
        if (Changed(logGroup, "RetentionInDays"))
        {
            steps.Add(
                "put-retention-policy",
                StepAction.PutRetentionPolicy,
                next.LogGroup.Name,
                [],
                next.LogGroup,
                $"{current.LogGroup.RetentionDays} → {next.LogGroup.RetentionDays} days",
                detail: step => step with { Previous = current.LogGroup, Changes = Only(logGroup, "RetentionInDays") });
        }

        TagStep(steps, "log-group", ResourceKind.LogGroup, logGroup, $"{Resources.LogGroup} {next.LogGroup.Name}", next.LogGroup, current.LogGroup);
        changes.Add(InPlace(Resources.LogGroup, logGroup));

        var rolesReady = new List<string?>();
        var rolesToDelete = new List<(string Id, DesiredRole Role)>();
        foreach (var (label, id, old, @new) in new[]
        {
            (Resources.ExecutionRole, "execution-role", current.ExecutionRole, next.ExecutionRole),
            (Resources.TaskRole, "task-role", current.TaskRole, next.TaskRole),
        })
        {
            if (old is null && @new is not null)
            {
                var (created, policy) = CreatePlanner.AddRole(steps, id, @new, []);
                rolesReady.Add(created);
                rolesReady.Add(policy);
                changes.Add(new ResourceChange(label, ChangeKind.Create, Diff([], @new.Fields()), "the role ARN is no longer given"));
            }
            else if (old is not null && @new is null)
            {
                rolesToDelete.Add(($"delete-{id}", old));
                changes.Add(new ResourceChange(label, ChangeKind.Delete, ValueList<FieldChange>.Empty, "a role ARN is now given"));
            }
            else if (old is not null && @new is not null)
            {
                var role = Diff(old.Fields(), @new.Fields());
                if (role.Any(change => change.Field.StartsWith("Policy.", StringComparison.Ordinal)))
                {
                    rolesReady.Add(steps.Add(
                        $"put-{id}-policy",
                        StepAction.PutRolePolicy,
                        @new.Name,
                        [],
                        @new,
                        detail: step => step with { Previous = old, Changes = role.Where(change => change.Field.StartsWith("Policy.", StringComparison.Ordinal)).ToValueList() }));
                }

                TagStep(steps, id, ResourceKind.Role, role, $"{label} {@new.Name}", @new, old);
                changes.Add(InPlace(label, role));
            }
        }

        var taskDefinition = Diff(current.TaskDefinition.Fields(), next.TaskDefinition.Fields());
        string? register = null;
        if (taskDefinition.Any(change => !IsTag(change)))
        {
            register = steps.Add(
                "register-task-definition",
                StepAction.RegisterTaskDefinition,
                next.TaskDefinition.Family,
                rolesReady,
                next.TaskDefinition,
                "new revision",
                detail: step => step with { Previous = current.TaskDefinition, Changes = taskDefinition });
        }
        else
        {
            TagStep(steps, "task-definition", ResourceKind.TaskDefinition, taskDefinition, $"{Resources.TaskDefinition} {next.TaskDefinition.Family} (current revision)", next.TaskDefinition, current.TaskDefinition);
        }

        changes.Add(InPlace(Resources.TaskDefinition, taskDefinition, register is null ? null : "new revision"));

        var securityGroup = Diff(current.SecurityGroup.Fields(), next.SecurityGroup.Fields());
        string? authorize = null;
        string? revoke = null;
        if (Changed(securityGroup, DesiredSecurityGroup.IngressField))
        {
            authorize = steps.Add(
                "authorize-ingress",
                StepAction.AuthorizeIngress,
                $"{next.SecurityGroup.Name}: {next.SecurityGroup.Ingress}",
                [],
                next.SecurityGroup,
                detail: step => step with { Changes = ValueList.Of(new FieldChange(DesiredSecurityGroup.IngressField, null, next.SecurityGroup.Ingress.ToString())) });
            revoke = steps.Add(
                "revoke-ingress",
                StepAction.RevokeIngress,
                $"{current.SecurityGroup.Name}: {current.SecurityGroup.Ingress}",
                [authorize],
                next.SecurityGroup,
                PortMoved(current, next) ? "once no task listens on the old port, so traffic is never cut" : "after the new rule exists, so traffic is never cut",
                detail: step => step with
                {
                    Previous = current.SecurityGroup,
                    Changes = ValueList.Of(new FieldChange(DesiredSecurityGroup.IngressField, current.SecurityGroup.Ingress.ToString(), null)),
                });
        }

        TagStep(steps, "security-group", ResourceKind.SecurityGroup, securityGroup, $"{Resources.SecurityGroup} {next.SecurityGroup.Name}", next.SecurityGroup, current.SecurityGroup);
        changes.Add(InPlace(Resources.SecurityGroup, securityGroup));

        var targetGroup = Diff(current.TargetGroup.Fields(), next.TargetGroup.Fields());
        if (ChangedUnder(targetGroup, "HealthCheck."))
        {
            steps.Add(
                "modify-target-group",
                StepAction.ModifyTargetGroup,
                next.TargetGroup.Name,
                [],
                next.TargetGroup,
                "health check",
                detail: step => step with { Previous = current.TargetGroup, Changes = Under(targetGroup, "HealthCheck.") });
        }

        if (ChangedUnder(targetGroup, "Attributes."))
        {
            steps.Add(
                "modify-target-group-attributes",
                StepAction.ModifyTargetGroupAttributes,
                next.TargetGroup.Name,
                [],
                next.TargetGroup,
                detail: step => step with { Previous = current.TargetGroup, Changes = Under(targetGroup, "Attributes.") });
        }

        TagStep(steps, "target-group", ResourceKind.TargetGroup, targetGroup, $"{Resources.TargetGroup} {next.TargetGroup.Name}", next.TargetGroup, current.TargetGroup);
        changes.Add(InPlace(Resources.TargetGroup, targetGroup));

        var rule = Diff(current.ListenerRule.Fields(), next.ListenerRule.Fields());
        var ruleTarget = $"priority {current.ListenerRule.Priority} on {next.Network.ListenerArn}";
        if (ChangedUnder(rule, "Conditions.") || ChangedUnder(rule, "Actions."))
        {
            steps.Add(
                "modify-rule",
                StepAction.ModifyRule,
                ruleTarget,
                [],
                next.ListenerRule,
                detail: step => step with { Previous = current.ListenerRule, Changes = Under(rule, "Conditions.").Concat(Under(rule, "Actions.")).ToValueList() });
        }

        if (Changed(rule, RulePriority.Field))
        {
            steps.Add(
                "set-rule-priority",
                StepAction.SetRulePriorities,
                $"{current.ListenerRule.Priority} → {next.ListenerRule.Priority} on {next.Network.ListenerArn}",
                [],
                next.ListenerRule,
                detail: step => step with { Previous = current.ListenerRule, Changes = Only(rule, RulePriority.Field) });
        }

        TagStep(steps, "listener-rule", ResourceKind.ListenerRule, rule, $"{Resources.ListenerRule} {ruleTarget}", next.ListenerRule, current.ListenerRule);
        changes.Add(InPlace(Resources.ListenerRule, rule));

        var service = Diff(current.Service.Fields(), next.Service.Fields());
        if (register is not null)
        {
            service = ValueList.Of([new FieldChange("TaskDefinition", CurrentRevision, NewRevision), .. service]);
        }

        string? update = null;
        if (service.Any(change => !IsTag(change)))
        {
            // New tasks are health-checked on their port from the start: the rule that admits it comes first.
            update = steps.Add(
                "update-service",
                StepAction.UpdateService,
                $"{next.Service.Name} in cluster {next.Service.Cluster}",
                [register, authorize, .. rolesReady],
                next.Service,
                Changed(service, "EnableExecuteCommand") ? "forceNewDeployment: ECS Exec reaches only tasks started after the change" : null,
                detail: step => step with { Previous = current.Service, Changes = service.Where(change => !IsTag(change)).ToValueList() });
        }

        TagStep(steps, "service", ResourceKind.Service, service, $"{Resources.Service} {next.Service.Name}", next.Service, current.Service);
        changes.Add(InPlace(Resources.Service, service));

        // A moved port is waited for whether or not the update waits for a steady state: the old tasks take traffic on the old
        // port until the rollout completes (ECS "stops the old tasks when the new tasks are running", UpdateService
        // loadBalancers), so the old port's rule may go only then.
        var portMoved = update is not null && PortMoved(current, next);
        var wait = update is not null && (next.WaitForSteadyState || portMoved)
            ? steps.Add(
                "wait-steady-state",
                StepAction.WaitForSteadyState,
                next.Service.Name,
                [update],
                next.Service,
                next.WaitForSteadyState
                    ? "DescribeServices polls: SUCCESS only once the tasks run (WaitForSteadyState)"
                    : "DescribeServices polls until no task listens on the old port (ContainerPort moved; WaitForSteadyState is false)")
            : null;
        if (portMoved && revoke is not null)
        {
            steps.After(revoke, wait!);
        }

        AddScaling(steps, changes, current.Scaling, next.Scaling);

        // A role is deleted only when no task can still be running with it.
        foreach (var (id, role) in rolesToDelete)
        {
            steps.Add(id, StepAction.DeleteRole, role.Name, [wait ?? update ?? register], role);
        }

        // Every change waits for the reads it was planned from, and for the checks of roles the properties now name.
        var leaves = checks.Count > 0 ? checks.ToValueList() : reads.OfType<string>().ToValueList();
        var planned = steps.ToValueList()
            .Select(step => step.DependsOn.Count == 0 && !Observation.IsRead(step) ? step with { DependsOn = leaves } : step)
            .ToValueList();
        return new Plan(PlanKind.UpdateInPlace, next, current, changes.ToValueList(), planned, ValueList<string>.Empty);
    }

    /// <summary>The container port moved: the tasks' ingress rule and the load balancer mapping follow it.</summary>
    private static bool PortMoved(DesiredStack current, DesiredStack next) =>
        current.TaskDefinition.Container.ContainerPort != next.TaskDefinition.Container.ContainerPort;

    private static void AddScaling(StepList steps, List<ResourceChange> changes, DesiredScaling? old, DesiredScaling? @new)
    {
        if (old is null && @new is null)
        {
            return;
        }

        if (@new is null)
        {
            steps.Add("deregister-scalable-target", StepAction.DeregisterScalableTarget, old!.ResourceId, [], old, "its scaling policies go with it");
            changes.Add(new ResourceChange(Resources.Scaling, ChangeKind.Delete, ValueList<FieldChange>.Empty, "AutoScaling removed"));
            return;
        }

        var scaling = Diff(old?.Fields() ?? [], @new.Fields());
        string? target = null;
        if (old is null || scaling.Any(change => !IsTag(change) && !change.Field.StartsWith("Policy.", StringComparison.Ordinal)))
        {
            // On a target that exists the register changes only min and max: its tags are the tag step's (ScalingModule).
            target = steps.Add(
                "register-scalable-target",
                StepAction.RegisterScalableTarget,
                $"{@new.ResourceId} ({@new.MinCapacity}–{@new.MaxCapacity})",
                [],
                @new,
                detail: old is null ? null : step => step with { Previous = old });
        }

        foreach (var policy in @new.Policies.Where(policy => Changed(scaling, $"Policy.{policy.Name}")))
        {
            steps.Add(
                $"put-scaling-policy:{policy.Name}",
                StepAction.PutScalingPolicy,
                policy.Name,
                [target],
                @new,
                detail: step => step with { Previous = old, Member = policy.Name, Changes = Only(scaling, $"Policy.{policy.Name}") });
        }

        if (old is not null)
        {
            TagStep(steps, "scalable-target", ResourceKind.Scaling, scaling, $"scalable target {@new.ResourceId}", @new, old);
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

    private static void TagStep(StepList steps, string id, ResourceKind kind, ValueList<FieldChange> changes, string target, IDesiredResource spec, IDesiredResource previous)
    {
        if (changes.Any(IsTag))
        {
            steps.Add($"tag-{id}", StepAction.UpdateTags, target, [], spec, detail: step => step with
            {
                Kind = kind,
                Previous = previous,
                Changes = changes.Where(IsTag).ToValueList(),
            });
        }
    }

    private static ValueList<FieldChange> Only(ValueList<FieldChange> changes, string field) =>
        changes.Where(change => change.Field == field).ToValueList();

    private static ValueList<FieldChange> Under(ValueList<FieldChange> changes, string prefix) =>
        changes.Where(change => change.Field.StartsWith(prefix, StringComparison.Ordinal)).ToValueList();

    private static ResourceChange InPlace(string resource, ValueList<FieldChange> changes, string? reason = null) =>
        new(resource, changes.Count == 0 ? ChangeKind.NoChange : ChangeKind.UpdateInPlace, changes, changes.Count == 0 ? null : reason);
}
