using FargateApi.Desired;

namespace FargateApi.Planning;

/// <summary>
/// What an Update reads before it can plan: the network the new properties name, and the stack as it stands (its
/// service, and through it its target group, its rule on the listener and its security group), so the current stack is
/// what exists, not what SSM says today (a network parameter changed between deploys is a replacement, not an update of
/// resources that are elsewhere). These reads run before the plan is derived from them; they are its first waves.
/// </summary>
internal static class Observation
{
    public const string Network = "resolve-network";
    public const string Service = "find-service";
    public const string TargetGroup = "find-target-group";
    public const string ListenerRule = "find-listener-rule";
    public const string SecurityGroup = "find-security-group";
    public const string TaskDefinition = "find-task-definition";

    /// <summary>Adds the reads of an Update of <paramref name="current"/> to <paramref name="next"/>.</summary>
    /// <returns>The ids every step of the plan that depends on nothing else waits for.</returns>
    public static IReadOnlyList<string?> AddReads(StepList steps, DesiredStack current, DesiredStack next)
    {
        var network = CreatePlanner.AddNetworkRead(steps, next.Inputs.Value.Properties.Network, next.Network.ListenerArn);
        var service = steps.Add(
            Service,
            StepAction.FindService,
            $"{current.Service.Name} in cluster {current.Service.Cluster}",
            [],
            current.Service,
            "whose it is and what it runs: nothing is changed on a service of another owner");
        var taskDefinition = steps.Add(
            TaskDefinition,
            StepAction.FindTaskDefinition,
            current.TaskDefinition.Family,
            [],
            current.TaskDefinition,
            "the latest revision: whose the family is, and whether a retried update already registered the new one");
        var targetGroup = steps.Add(Observation.TargetGroup, StepAction.FindTargetGroup, current.TargetGroup.Name, [service], current.TargetGroup, "the VPC the stack is in");
        var rule = steps.Add(ListenerRule, StepAction.FindListenerRule, next.Network.ListenerArn, [service, network], current.ListenerRule, "the stack's rule is on this listener, or the listener moved");
        var securityGroup = steps.Add(SecurityGroup, StepAction.FindSecurityGroup, current.SecurityGroup.Name, [service], current.SecurityGroup, "the ingress the tasks admit now");
        return [targetGroup, rule, securityGroup, taskDefinition];
    }

    /// <summary>The reads, which run before the plan exists.</summary>
    public static bool IsRead(Step step) => IsReadId(step.Id);

    public static bool IsReadId(string id) => id is Network or Service or TargetGroup or ListenerRule or SecurityGroup or TaskDefinition;
}
