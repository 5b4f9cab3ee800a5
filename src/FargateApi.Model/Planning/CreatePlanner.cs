using FargateApi.Desired;

namespace FargateApi.Planning;

/// <summary>
/// Create's graph: network → {log group, roles, security group, target group} → {task definition, listener rule,
/// ingress} → service → scalable target → policies → steady state. The listener rule comes before the service because
/// CreateService rejects a target group with no load balancer ("The target group … does not have an associated load
/// balancer", hashicorp/terraform#8190; CDK orders the service after <c>loadBalancerAttached</c>).
/// </summary>
internal static class CreatePlanner
{
    public static Plan Plan(DesiredStack desired)
    {
        var steps = new StepList();

        // The executor resolves the network before it can derive the desired stack at all; the step stays in the
        // graph because it is on Create's critical path and counts towards the depth.
        var network = AddNetworkRead(steps, desired.Inputs.Value.Properties.Network, desired.Network.ListenerArn);
        AddStack(steps, desired, [network], adoptLogGroup: false, rulePriorityNote: null);
        return new Plan(PlanKind.Create, desired, null, Changes(desired, ChangeKind.Create, null), steps.ToValueList(), ValueList<string>.Empty);
    }

    /// <summary>
    /// An Update that finds nothing to update in place (the old properties are unreadable, or the service is gone): the reads
    /// it made, then every resource of the generation made or brought in line, as a Create would.
    /// </summary>
    public static Plan PlanAfterReads(DesiredStack desired)
    {
        var steps = new StepList();
        var reads = Observation.AddReads(steps, desired, desired);
        AddStack(steps, desired, reads, adoptLogGroup: false, rulePriorityNote: null);
        return new Plan(PlanKind.Create, desired, null, Changes(desired, ChangeKind.Create, null), steps.ToValueList(), ValueList<string>.Empty);
    }

    /// <summary>The read of the shared network: the first step of a Create, run before the rest can be derived.</summary>
    public static string AddNetworkRead(StepList steps, Properties.NetworkProperties network, string listenerArn) =>
        steps.Add(
            "resolve-network",
            StepAction.ResolveNetwork,
            listenerArn,
            [],
            new NetworkSource(network),
            "SSM parameters for the ids not given (the load balancer is read off the listener ARN)");

    /// <summary>
    /// The steps that make one generation's stack; shared with the replacement plan. Each step is one AWS call on the way
    /// there (a step that finds what an earlier attempt made takes one more), so the plan's depth is the bound of the
    /// operation's time in per-call latencies.
    /// </summary>
    /// <returns>The ids of the last steps before the stack is serving (the wait, or the service and scaling).</returns>
    /// <param name="adoptedLogGroup">The log group as the generation being replaced declared it, when the new one shares it:
    /// the adopting step moves its ownership tags and removes the user tags no longer declared.</param>
    public static IReadOnlyList<string> AddStack(StepList steps, DesiredStack desired, IReadOnlyList<string?> after, bool adoptLogGroup, string? rulePriorityNote, DesiredLogGroup? adoptedLogGroup = null)
    {
        // Nothing is made before the roles the properties name are known not to be another owner's.
        string?[] start = [.. after, .. AddGivenRoleChecks(steps, GivenRole.Of(desired), [])];
        var logGroup = steps.Add(
            "create-log-group",
            adoptLogGroup ? StepAction.AdoptLogGroup : StepAction.CreateLogGroup,
            desired.LogGroup.Name,
            start,
            desired.LogGroup,
            detail: adoptLogGroup && adoptedLogGroup is not null ? step => step with { Previous = adoptedLogGroup } : null);
        var retention = steps.Add(
            "put-retention-policy",
            StepAction.PutRetentionPolicy,
            desired.LogGroup.Name,
            [logGroup],
            desired.LogGroup,
            $"{desired.LogGroup.RetentionDays} days (CreateLogGroup takes no retention)",
            detail: step => step with { Changes = AllOf(desired.LogGroup, "RetentionInDays") });
        var (executionRole, executionPolicy) = AddRole(steps, "execution-role", desired.ExecutionRole, start);
        var (taskRole, taskPolicy) = AddRole(steps, "task-role", desired.TaskRole, start);
        var securityGroup = steps.Add("create-security-group", StepAction.CreateSecurityGroup, desired.SecurityGroup.Name, start, desired.SecurityGroup);
        var targetGroup = steps.Add("create-target-group", StepAction.CreateTargetGroup, desired.TargetGroup.Name, start, desired.TargetGroup);
        var listenerRules = steps.Add(
            "check-listener-rules",
            StepAction.CheckListenerRules,
            desired.Network.ListenerArn,
            start,
            desired.ListenerRule,
            rulePriorityNote is null
                ? $"priority {desired.ListenerRule.Priority} is free and no other owner's rule matches the same requests"
                : "no other owner's rule matches the same requests; the highest free priority");

        var ownTargetGroup = steps.Add(
            "check-target-group",
            StepAction.CheckTargetGroupOwner,
            desired.TargetGroup.Name,
            [targetGroup],
            desired.TargetGroup,
            "its tags name this resource: CreateTargetGroup answers with an existing group of the same name and settings");
        var attributes = steps.Add(
            "modify-target-group-attributes",
            StepAction.ModifyTargetGroupAttributes,
            desired.TargetGroup.Name,
            [ownTargetGroup],
            desired.TargetGroup,
            "CreateTargetGroup takes no attributes",
            detail: step => step with { Changes = AllUnder(desired.TargetGroup, "Attributes.") });
        var taskDefinition = steps.Add(
            "register-task-definition",
            StepAction.RegisterTaskDefinition,
            desired.TaskDefinition.Family,
            executionRole is null && taskRole is null ? start : [executionRole, taskRole],
            desired.TaskDefinition);
        var rule = steps.Add(
            "create-listener-rule",
            StepAction.CreateListenerRule,
            rulePriorityNote is null
                ? $"priority {desired.ListenerRule.Priority} on {desired.Network.ListenerArn}"
                : $"temporary priority on {desired.Network.ListenerArn}",
            [ownTargetGroup, listenerRules],
            desired.ListenerRule,
            rulePriorityNote,
            detail: rulePriorityNote is null
                ? null
                : step => step with { Changes = ValueList.Of(new FieldChange(RulePriority.Field, null, RulePriority.Temporary)) });
        var ingress = steps.Add(
            "authorize-ingress",
            StepAction.AuthorizeIngress,
            $"{desired.SecurityGroup.Name}: {desired.SecurityGroup.Ingress}",
            [securityGroup],
            desired.SecurityGroup,
            "CreateSecurityGroup takes no rules",
            detail: step => step with { Changes = ValueList.Of(new FieldChange(DesiredSecurityGroup.IngressField, null, desired.SecurityGroup.Ingress.ToString())) });

        // The tasks start right away: their log group, and their roles' permissions, must be in place by then.
        var service = steps.Add(
            "create-service",
            StepAction.CreateService,
            $"{desired.Service.Name} in cluster {desired.Service.Cluster}",
            [taskDefinition, rule, ingress, retention, executionPolicy, taskPolicy, attributes],
            desired.Service);

        var last = new List<string> { service };
        if (desired.Scaling is { } scaling)
        {
            var target = steps.Add(
                "register-scalable-target",
                StepAction.RegisterScalableTarget,
                $"{scaling.ResourceId} ({scaling.MinCapacity}–{scaling.MaxCapacity})",
                [service],
                scaling);
            last = [.. scaling.Policies.Select(policy => steps.Add(
                $"put-scaling-policy:{policy.Name}", StepAction.PutScalingPolicy, policy.Name, [target], scaling, detail: step => step with { Member = policy.Name }))];
        }

        if (desired.WaitForSteadyState)
        {
            last = [steps.Add("wait-steady-state", StepAction.WaitForSteadyState, desired.Service.Name, last, desired.Service, "DescribeServices polls: SUCCESS only once the tasks run (WaitForSteadyState)")];
        }

        return last;
    }

    /// <summary>One check per role the properties name: it is not a role the provider made for another owner.</summary>
    public static IReadOnlyList<string> AddGivenRoleChecks(StepList steps, IEnumerable<GivenRole> roles, IReadOnlyList<string?> after) =>
        [.. roles.Select(role => steps.Add(
            $"check-{(role.Property == "TaskRoleArn" ? "task" : "execution")}-role",
            StepAction.CheckGivenRole,
            role.Arn,
            after,
            role,
            "a role the provider made is used only by the resource it was made for"))];

    /// <summary>A role the provider makes, then its inline policy (none when it has no statement: nothing to put).</summary>
    public static (string? Role, string? Policy) AddRole(StepList steps, string id, DesiredRole? role, IReadOnlyList<string?> start)
    {
        if (role is null)
        {
            return (null, null);
        }

        var created = steps.Add($"create-{id}", StepAction.CreateRole, role.Name, start, role);
        var policy = role.Statements.Count == 0
            ? null
            : steps.Add($"put-{id}-policy", StepAction.PutRolePolicy, role.Name, [created], role, "its inline policy: CreateRole takes none", detail: step => step with { Changes = AllUnder(role, "Policy.") });
        return (created, policy);
    }

    /// <summary>The fields of a new resource under <paramref name="prefix"/>, as changes from nothing.</summary>
    private static ValueList<FieldChange> AllUnder(IDesiredResource resource, string prefix) =>
        FieldDiff.Between([], resource.Fields().Where(field => field.Name.StartsWith(prefix, StringComparison.Ordinal))).ToValueList();

    private static ValueList<FieldChange> AllOf(IDesiredResource resource, string field) =>
        FieldDiff.Between([], resource.Fields().Where(candidate => candidate.Name == field)).ToValueList();

    /// <summary>Every resource of <paramref name="desired"/>, all with the same change kind and reason.</summary>
    public static ValueList<ResourceChange> Changes(DesiredStack desired, ChangeKind kind, string? reason) =>
        Resources.Of(desired)
            .Select(resource => new ResourceChange(resource.Name, kind, FieldDiff.Between([], resource.Fields), reason))
            .ToValueList();
}
