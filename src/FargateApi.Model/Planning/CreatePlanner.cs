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
        AddStack(steps, desired, network, adoptLogGroup: false, rulePriorityNote: null);
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
            "SSM parameters for the ids not given; the listener's load balancer");

    /// <summary>The steps that make one generation's stack; shared with the replacement plan.</summary>
    /// <returns>The id of the last step before the stack is serving (the wait, or the service and scaling).</returns>
    public static IReadOnlyList<string> AddStack(StepList steps, DesiredStack desired, string? after, bool adoptLogGroup, string? rulePriorityNote)
    {
        string?[] start = [after];
        var logGroup = steps.Add(
            "create-log-group",
            adoptLogGroup ? StepAction.AdoptLogGroup : StepAction.CreateLogGroup,
            desired.LogGroup.Name,
            start,
            desired.LogGroup,
            $"retention {desired.LogGroup.RetentionDays} days");
        var executionRole = desired.ExecutionRole is { } exec
            ? steps.Add("create-execution-role", StepAction.CreateRole, exec.Name, start, exec)
            : null;
        var taskRole = desired.TaskRole is { } task
            ? steps.Add("create-task-role", StepAction.CreateRole, task.Name, start, task)
            : null;
        var securityGroup = steps.Add("create-security-group", StepAction.CreateSecurityGroup, desired.SecurityGroup.Name, start, desired.SecurityGroup);
        var targetGroup = steps.Add("create-target-group", StepAction.CreateTargetGroup, desired.TargetGroup.Name, start, desired.TargetGroup);

        var taskDefinition = steps.Add(
            "register-task-definition",
            StepAction.RegisterTaskDefinition,
            desired.TaskDefinition.Family,
            [logGroup, executionRole, taskRole],
            desired.TaskDefinition);
        var rule = steps.Add(
            "create-listener-rule",
            StepAction.CreateListenerRule,
            rulePriorityNote is null
                ? $"priority {desired.ListenerRule.Priority} on {desired.Network.ListenerArn}"
                : $"temporary priority on {desired.Network.ListenerArn}",
            [targetGroup],
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
            detail: step => step with { Changes = ValueList.Of(new FieldChange(DesiredSecurityGroup.IngressField, null, desired.SecurityGroup.Ingress.ToString())) });

        var service = steps.Add(
            "create-service",
            StepAction.CreateService,
            $"{desired.Service.Name} in cluster {desired.Service.Cluster}",
            [taskDefinition, rule, ingress],
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
            last = [steps.Add("wait-steady-state", StepAction.WaitForSteadyState, desired.Service.Name, last, desired.Service)];
        }

        return last;
    }

    /// <summary>Every resource of <paramref name="desired"/>, all with the same change kind and reason.</summary>
    public static ValueList<ResourceChange> Changes(DesiredStack desired, ChangeKind kind, string? reason) =>
        Resources.Of(desired)
            .Select(resource => new ResourceChange(resource.Name, kind, FieldDiff.Between([], resource.Fields), reason))
            .ToValueList();
}
