using FargateApi.Aws.Services.ElasticLoadBalancing;
using FargateApi.Simulation.Authorization;
using FargateApi.Simulation.Authorization.Access;
using FargateApi.Simulation.Core;
using FargateApi.Simulation.Elbv2;

namespace FargateApi.Simulation.Adapters;

/// <summary><see cref="IElasticLoadBalancingClient"/> over the simulated state.</summary>
internal sealed class SimulatedElasticLoadBalancingClient(SimulatedAws aws) : IElasticLoadBalancingClient
{
    /// <summary>DescribeTargetGroups/DescribeRules PageSize: 1–400 (elbv2/2015-12-01 model, shape PageSize).</summary>
    private const int DefaultPageSize = 400;

    private const string Service = SimServices.Elbv2;
    private Elbv2Store Store => aws.Stores.Elbv2;

    public Task<TargetGroup> CreateTargetGroupAsync(CreateTargetGroupRequest request, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "CreateTargetGroup", request.Name, () => ElbAccess.CreateTargetGroup(aws, request.Name, request.Tags), () =>
        {
            var group = Store.CreateTargetGroup(request.Name, request.Protocol, request.Port, request.VpcId, request.TargetType, request.HealthCheck,
                Timing(request.HealthCheck), request.Tags);
            if (group.Attributes.Count == 0)
            {
                foreach (var (key, value) in DefaultAttributes)
                {
                    group.Attributes[key] = value;
                }
            }

            return ToTargetGroup(group);
        }, cancellationToken);

    public Task<TargetGroup> ModifyTargetGroupAsync(string targetGroupArn, TargetGroupHealthCheck healthCheck, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "ModifyTargetGroup", targetGroupArn, () => ElbAccess.OnResources(aws, "ModifyTargetGroup", [targetGroupArn]), () =>
        {
            var group = Store.RequireTargetGroup(targetGroupArn, "ModifyTargetGroup");
            var old = (TargetGroupHealthCheck)group.Settings;
            group.Settings = new TargetGroupHealthCheck(
                healthCheck.Path ?? old.Path,
                healthCheck.IntervalSeconds ?? old.IntervalSeconds,
                healthCheck.TimeoutSeconds ?? old.TimeoutSeconds,
                healthCheck.HealthyThresholdCount ?? old.HealthyThresholdCount,
                healthCheck.UnhealthyThresholdCount ?? old.UnhealthyThresholdCount,
                healthCheck.MatcherHttpCode ?? old.MatcherHttpCode);
            group.HealthCheck = Timing((TargetGroupHealthCheck)group.Settings);
            return ToTargetGroup(group);
        }, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> ModifyTargetGroupAttributesAsync(string targetGroupArn, IReadOnlyDictionary<string, string> attributes, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "ModifyTargetGroupAttributes", targetGroupArn, () => ElbAccess.OnResources(aws, "ModifyTargetGroupAttributes", [targetGroupArn]), () =>
        {
            var group = Store.RequireTargetGroup(targetGroupArn, "ModifyTargetGroupAttributes");
            foreach (var (key, value) in attributes)
            {
                group.Attributes[key] = value;
            }

            return (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(group.Attributes, StringComparer.Ordinal);
        }, cancellationToken);

    public Task<TargetGroupPage> DescribeTargetGroupsAsync(DescribeTargetGroupsRequest request, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DescribeTargetGroups", Key(request.Names ?? request.TargetGroupArns) ?? request.LoadBalancerArn ?? "*", () => ElbAccess.NoResourceType("DescribeTargetGroups"), () =>
        {
            var groups = Store.DescribeTargetGroups(request.TargetGroupArns, request.Names, request.LoadBalancerArn).Select(ToTargetGroup).ToList();
            var (items, next) = Paging.Page(groups, request.Marker, request.PageSize, DefaultPageSize);
            return new TargetGroupPage(items, next);
        }, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> DescribeTargetGroupAttributesAsync(string targetGroupArn, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DescribeTargetGroupAttributes", targetGroupArn, () => ElbAccess.NoResourceType("DescribeTargetGroupAttributes"),
            () => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(Store.RequireTargetGroup(targetGroupArn, "DescribeTargetGroupAttributes", read: true).Attributes, StringComparer.Ordinal),
            cancellationToken);

    public Task DeleteTargetGroupAsync(string targetGroupArn, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DeleteTargetGroup", targetGroupArn, () => ElbAccess.OnResources(aws, "DeleteTargetGroup", [targetGroupArn]), () => Store.DeleteTargetGroup(targetGroupArn), cancellationToken);

    public Task<IReadOnlyList<TargetHealthDescription>> DescribeTargetHealthAsync(string targetGroupArn, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DescribeTargetHealth", targetGroupArn, () => ElbAccess.NoResourceType("DescribeTargetHealth"), () => (IReadOnlyList<TargetHealthDescription>)[.. Store.DescribeTargetHealth(targetGroupArn).Select(t =>
            new TargetHealthDescription(
                new TargetDescription(t.Id, t.Port, null),
                t.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new TargetHealth(t.State, t.Reason, t.Description)))], cancellationToken);

    public Task<Rule> CreateRuleAsync(CreateRuleRequest request, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "CreateRule", $"{request.ListenerArn}#{request.Priority}", () => ElbAccess.CreateRule(aws, request.ListenerArn, request.Tags), () =>
        {
            RuleConditions.Validate(request.Conditions, "CreateRule");
            var rule = Store.CreateRule(request.ListenerArn, request.Priority, request.Conditions, ForwardTo(request.TargetGroupArn), [request.TargetGroupArn], request.Tags);
            return ToRule(rule);
        }, cancellationToken);

    public Task<Rule> ModifyRuleAsync(ModifyRuleRequest request, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "ModifyRule", request.RuleArn, () => ElbAccess.OnResources(aws, "ModifyRule", [request.RuleArn]), () =>
        {
            RuleConditions.Validate(request.Conditions, "ModifyRule");
            var rule = Store.ModifyRule(
                request.RuleArn,
                request.Conditions,
                request.TargetGroupArn is null ? null : ForwardTo(request.TargetGroupArn),
                request.TargetGroupArn is null ? null : [request.TargetGroupArn]);
            return ToRule(rule);
        }, cancellationToken);

    public Task<IReadOnlyList<Rule>> SetRulePrioritiesAsync(IReadOnlyList<RulePriorityPair> priorities, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "SetRulePriorities", string.Join(',', priorities.Select(p => $"{p.RuleArn}#{p.Priority}")),
            () => ElbAccess.OnResources(aws, "SetRulePriorities", priorities.Select(p => p.RuleArn)),
            () => (IReadOnlyList<Rule>)[.. Store.SetRulePriorities([.. priorities.Select(p => (p.RuleArn, p.Priority))]).Select(ToRule)],
            cancellationToken);

    public Task DeleteRuleAsync(string ruleArn, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DeleteRule", ruleArn, () => ElbAccess.OnResources(aws, "DeleteRule", [ruleArn]), () => Store.DeleteRule(ruleArn), cancellationToken);

    public Task<RulePage> DescribeRulesAsync(DescribeRulesRequest request, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DescribeRules", request.ListenerArn ?? Key(request.RuleArns) ?? "*", () => ElbAccess.NoResourceType("DescribeRules"), () =>
        {
            var rules = Store.DescribeRules(request.ListenerArn, request.RuleArns).Select(ToRule).ToList();
            var (items, next) = Paging.Page(rules, request.Marker, request.PageSize, DefaultPageSize);
            return new RulePage(items, next);
        }, cancellationToken);

    public Task<ListenerPage> DescribeListenersAsync(IReadOnlyList<string> listenerArns, string? marker, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DescribeListeners", Key(listenerArns) ?? "*", () => ElbAccess.NoResourceType("DescribeListeners"), () => new ListenerPage(
            [.. listenerArns.Select(a => Store.RequireListener(a, "DescribeListeners")).Select(l => new Listener(l.Arn, l.LoadBalancerArn, l.Port, l.Protocol))],
            null), cancellationToken);

    public Task<ListenerPage> DescribeListenersOfLoadBalancerAsync(string loadBalancerArn, string? marker, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DescribeListeners", loadBalancerArn, () => ElbAccess.NoResourceType("DescribeListeners"), () =>
        {
            var lb = Store.RequireLoadBalancer(loadBalancerArn, "DescribeListeners");
            return new ListenerPage([.. Store.Listeners.Where(l => l.LoadBalancerArn == lb.Arn).Select(l => new Listener(l.Arn, l.LoadBalancerArn, l.Port, l.Protocol))], null);
        }, cancellationToken);

    public Task<LoadBalancerPage> DescribeLoadBalancersAsync(IReadOnlyList<string> loadBalancerArns, string? marker, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DescribeLoadBalancers", Key(loadBalancerArns) ?? "*", () => ElbAccess.NoResourceType("DescribeLoadBalancers"), () => new LoadBalancerPage(
            [.. loadBalancerArns.Select(a => Store.RequireLoadBalancer(a, "DescribeLoadBalancers")).Select(l => new LoadBalancer(l.Arn, l.Name, l.VpcId, l.Type))],
            null), cancellationToken);

    public Task AddTagsAsync(IReadOnlyList<string> resourceArns, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "AddTags", Key(resourceArns) ?? "*", () => ElbAccess.OnResources(aws, "AddTags", resourceArns, () => new RequestContext().RequestTags(tags)), () =>
        {
            var resources = resourceArns.Select(a => Store.RequireTaggable(a, "AddTags")).ToList();
            resources.ForEach(r => r.MergeTags(tags));
        }, cancellationToken);

    public Task RemoveTagsAsync(IReadOnlyList<string> resourceArns, IReadOnlyList<string> tagKeys, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "RemoveTags", Key(resourceArns) ?? "*", () => ElbAccess.OnResources(aws, "RemoveTags", resourceArns, () => new RequestContext().TagKeys(tagKeys)), () =>
        {
            foreach (var resource in resourceArns.Select(a => Store.RequireTaggable(a, "RemoveTags")).ToList())
            {
                foreach (var key in tagKeys)
                {
                    resource.Tags.Remove(key);
                }
            }
        }, cancellationToken);

    public Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> DescribeTagsAsync(IReadOnlyList<string> resourceArns, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DescribeTags", Key(resourceArns) ?? "*", () => ElbAccess.NoResourceType("DescribeTags"), () =>
            (IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>)resourceArns.ToDictionary(
                a => a,
                a => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(Store.RequireTaggable(a, "DescribeTags").Tags, StringComparer.Ordinal),
                StringComparer.Ordinal),
            cancellationToken);

    /// <summary>Attributes a new HTTP/ip target group starts with (DescribeTargetGroupAttributes on a fresh group; deregistration delay 300 s).</summary>
    private static readonly IReadOnlyDictionary<string, string> DefaultAttributes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ElbValues.DeregistrationDelayAttribute] = "300",
        ["stickiness.enabled"] = "false",
        ["stickiness.type"] = "lb_cookie",
        ["load_balancing.algorithm.type"] = "round_robin",
        ["slow_start.duration_seconds"] = "0",
    };

    private static SimHealthCheckTiming Timing(TargetGroupHealthCheck healthCheck) =>
        SimHealthCheckTiming.Of(healthCheck.IntervalSeconds, healthCheck.HealthyThresholdCount, healthCheck.UnhealthyThresholdCount);

    private static IReadOnlyList<RuleAction> ForwardTo(string targetGroupArn) => [new RuleAction(ElbValues.ActionForward, targetGroupArn, 1)];

    private static string? Key(IReadOnlyList<string>? values) => values is { Count: > 0 } ? string.Join(',', values) : null;

    private TargetGroup ToTargetGroup(SimTargetGroup group) =>
        new(group.Arn, group.Name, group.Protocol, group.Port, group.VpcId, group.TargetType, (TargetGroupHealthCheck)group.Settings, Store.LoadBalancerArnsOf(group));

    private static Rule ToRule(SimListenerRule rule) => new(
        rule.Arn,
        rule.Priority?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ElbValues.DefaultRulePriority,
        rule.IsDefault,
        rule.Conditions as IReadOnlyList<RuleCondition> ?? [],
        rule.Actions switch
        {
            IReadOnlyList<RuleAction> actions => actions,
            FixedResponseAction => [new RuleAction("fixed-response", null, 1)],
            _ => [],
        });
}
