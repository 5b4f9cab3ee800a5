using FargateApi.Simulation.Core;

namespace FargateApi.Simulation.Authorization.Access;

/// <summary>
/// The permissions of each ELBv2 call, from the Service Authorization Reference page for Elastic Load Balancing V2
/// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticloadbalancingv2.html): Describe*
/// have no resource type; CreateRule is authorized on the listener; targetgroup, listener-rule and their tags otherwise.
/// A named resource that does not exist is not checked (the service answers its own not-found error).
/// </summary>
internal static class ElbAccess
{
    public static IEnumerable<AccessCheck> NoResourceType(string operation) => [AccessCheck.For($"elasticloadbalancing:{operation}", "*")];

    /// <summary>
    /// CreateTargetGroup on the group (a new one's id is not known yet: <c>targetgroup/name/*</c>), and
    /// elasticloadbalancing:AddTags with <c>elasticloadbalancing:CreateAction</c> for its tags ("ELB API permissions to
    /// tag resources during creation", https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/tagging-resources-during-creation.html).
    /// </summary>
    public static IEnumerable<AccessCheck> CreateTargetGroup(SimulatedAws aws, string name, IReadOnlyDictionary<string, string> tags)
    {
        var arn = aws.Stores.Elbv2.TargetGroups.FirstOrDefault(g => g.Name == name)?.Arn ?? aws.Context.Arn("elasticloadbalancing", $"targetgroup/{name}/*");
        yield return AccessCheck.For("elasticloadbalancing:CreateTargetGroup", arn, new RequestContext().RequestTags(tags));
        if (tags.Count > 0)
        {
            yield return TagOnCreate(arn, "CreateTargetGroup", tags);
        }
    }

    /// <summary>CreateRule on the listener (SAR: listener/app), AddTags on the new rule with CreateAction = CreateRule.</summary>
    public static IEnumerable<AccessCheck> CreateRule(SimulatedAws aws, string listenerArn, IReadOnlyDictionary<string, string> tags)
    {
        if (aws.Stores.Elbv2.Listeners.FirstOrDefault(l => l.Arn == listenerArn) is not { } listener)
        {
            yield break;
        }

        yield return AccessCheck.For("elasticloadbalancing:CreateRule", listenerArn, new RequestContext().RequestTags(tags).ResourceTags(listener.Tags));
        if (tags.Count > 0)
        {
            var newRule = listenerArn.Replace(":listener/", ":listener-rule/", StringComparison.Ordinal) + "/*";
            yield return TagOnCreate(newRule, "CreateRule", tags);
        }
    }

    /// <summary>A call on existing ELB resources (target groups, rules, listeners, load balancers), with their tags.</summary>
    public static IEnumerable<AccessCheck> OnResources(SimulatedAws aws, string operation, IEnumerable<string> arns, Func<RequestContext>? request = null)
    {
        foreach (var arn in arns)
        {
            if (Find(aws, arn) is { } resource)
            {
                yield return AccessCheck.For($"elasticloadbalancing:{operation}", arn, (request?.Invoke() ?? new RequestContext()).ResourceTags(resource.Tags));
            }
        }
    }

    private static SimulatedResource? Find(SimulatedAws aws, string arn)
    {
        var store = aws.Stores.Elbv2;
        return (SimulatedResource?)store.TargetGroups.FirstOrDefault(g => g.Arn == arn)
            ?? (SimulatedResource?)store.Rules.FirstOrDefault(r => r.Arn == arn)
            ?? (SimulatedResource?)store.Listeners.FirstOrDefault(l => l.Arn == arn)
            ?? store.LoadBalancers.FirstOrDefault(l => l.Arn == arn);
    }

    private static AccessCheck TagOnCreate(string arn, string createAction, IReadOnlyDictionary<string, string> tags) =>
        AccessCheck.Implied("elasticloadbalancing:AddTags", arn, new RequestContext().RequestTags(tags).With("elasticloadbalancing:CreateAction", createAction));
}
