using FargateApi.Aws.Services.ElasticLoadBalancing;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>ELBv2 calls (query protocol) with every member our request records can carry set.</summary>
internal static partial class SampleRequests
{
    private const string ListenerArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/shared-alb/50dc6c495c0c9188/f2f7dc8efc522ab2";
    private const string LoadBalancerArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/shared-alb/50dc6c495c0c9188";
    private const string RuleArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/shared-alb/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee";
    private const string OtherRuleArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/shared-alb/50dc6c495c0c9188/f2f7dc8efc522ab2/1a2b3c4d5e6f7a8b";

    private static readonly Dictionary<string, string> ResourceTags = new(StringComparer.Ordinal)
    {
        ["fargate-api:stack"] = "demo",
        ["Name"] = "web",
    };

    private static readonly TargetGroupHealthCheck HealthCheck = new("/health", 30, 5, 3, 2, "200-399");

    private static readonly IReadOnlyList<RuleCondition> Conditions =
        [RuleCondition.PathPattern("/api/*", "/api"), RuleCondition.HostHeader("web.example.com")];

    private static ConformanceCase Elb(string operation, string method, Func<IElasticLoadBalancingClient, CancellationToken, Task> call, params string[] mayStayEmpty) =>
        ConformanceCase.Of<IElasticLoadBalancingClient>("elbv2", operation, method, caller => new ElasticLoadBalancingClient(caller), call, mayStayEmpty);

    private static IEnumerable<ConformanceCase> ElbCases() =>
    [
        Elb("CreateTargetGroup", nameof(IElasticLoadBalancingClient.CreateTargetGroupAsync), (c, ct) => c.CreateTargetGroupAsync(
            new CreateTargetGroupRequest("web-tg", 8080, "vpc-0a1b2c3d", HealthCheck, ResourceTags), ct)),
        Elb("ModifyTargetGroup", nameof(IElasticLoadBalancingClient.ModifyTargetGroupAsync), (c, ct) => c.ModifyTargetGroupAsync(TargetGroupArn, HealthCheck, ct)),
        Elb("ModifyTargetGroupAttributes", nameof(IElasticLoadBalancingClient.ModifyTargetGroupAttributesAsync), (c, ct) => c.ModifyTargetGroupAttributesAsync(
            TargetGroupArn,
            new Dictionary<string, string>(StringComparer.Ordinal) { [ElbValues.DeregistrationDelayAttribute] = "30", ["stickiness.enabled"] = "false" },
            ct)),
        Elb("DescribeTargetGroups", nameof(IElasticLoadBalancingClient.DescribeTargetGroupsAsync), (c, ct) => c.DescribeTargetGroupsAsync(
            new DescribeTargetGroupsRequest { Names = ["web-tg", "api-tg"], Marker = "marker-1", PageSize = 400 }, ct)) with { Variant = "Names" },
        Elb("DescribeTargetGroups", nameof(IElasticLoadBalancingClient.DescribeTargetGroupsAsync), (c, ct) => c.DescribeTargetGroupsAsync(
            new DescribeTargetGroupsRequest { TargetGroupArns = [TargetGroupArn], Marker = "marker-1", PageSize = 400 }, ct)) with { Variant = "Arns" },
        Elb("DescribeTargetGroups", nameof(IElasticLoadBalancingClient.DescribeTargetGroupsAsync), (c, ct) => c.DescribeTargetGroupsAsync(
            new DescribeTargetGroupsRequest { LoadBalancerArn = LoadBalancerArn, Marker = "marker-1", PageSize = 400 }, ct)) with { Variant = "LoadBalancer" },
        Elb("DescribeTargetGroupAttributes", nameof(IElasticLoadBalancingClient.DescribeTargetGroupAttributesAsync), (c, ct) => c.DescribeTargetGroupAttributesAsync(TargetGroupArn, ct)),
        Elb("DescribeTargetHealth", nameof(IElasticLoadBalancingClient.DescribeTargetHealthAsync), (c, ct) => c.DescribeTargetHealthAsync(TargetGroupArn, ct)),
        Elb("DeleteTargetGroup", nameof(IElasticLoadBalancingClient.DeleteTargetGroupAsync), (c, ct) => c.DeleteTargetGroupAsync(TargetGroupArn, ct)),
        Elb("CreateRule", nameof(IElasticLoadBalancingClient.CreateRuleAsync), (c, ct) => c.CreateRuleAsync(
            new CreateRuleRequest(ListenerArn, 120, Conditions, TargetGroupArn, ResourceTags), ct)),
        Elb("ModifyRule", nameof(IElasticLoadBalancingClient.ModifyRuleAsync), (c, ct) => c.ModifyRuleAsync(
            new ModifyRuleRequest(RuleArn, Conditions, TargetGroupArn), ct)),
        Elb("SetRulePriorities", nameof(IElasticLoadBalancingClient.SetRulePrioritiesAsync), (c, ct) => c.SetRulePrioritiesAsync(
            [new RulePriorityPair(RuleArn, 120), new RulePriorityPair(OtherRuleArn, 121)], ct)),
        Elb("DeleteRule", nameof(IElasticLoadBalancingClient.DeleteRuleAsync), (c, ct) => c.DeleteRuleAsync(RuleArn, ct)),
        Elb("DescribeRules", nameof(IElasticLoadBalancingClient.DescribeRulesAsync), (c, ct) => c.DescribeRulesAsync(
            new DescribeRulesRequest { ListenerArn = ListenerArn, Marker = "marker-1", PageSize = 400 }, ct)) with { Variant = "Listener" },
        Elb("DescribeRules", nameof(IElasticLoadBalancingClient.DescribeRulesAsync), (c, ct) => c.DescribeRulesAsync(
            new DescribeRulesRequest { RuleArns = [RuleArn, OtherRuleArn] }, ct)) with { Variant = "Arns" },
        Elb("DescribeListeners", nameof(IElasticLoadBalancingClient.DescribeListenersAsync), (c, ct) => c.DescribeListenersAsync([ListenerArn], "marker-1", ct)),
        Elb("DescribeListeners", nameof(IElasticLoadBalancingClient.DescribeListenersOfLoadBalancerAsync), (c, ct) => c.DescribeListenersOfLoadBalancerAsync(LoadBalancerArn, "marker-1", ct)) with { Variant = "LoadBalancer" },
        Elb("DescribeLoadBalancers", nameof(IElasticLoadBalancingClient.DescribeLoadBalancersAsync), (c, ct) => c.DescribeLoadBalancersAsync([LoadBalancerArn], "marker-1", ct)),
        Elb("AddTags", nameof(IElasticLoadBalancingClient.AddTagsAsync), (c, ct) => c.AddTagsAsync([TargetGroupArn, RuleArn], ResourceTags, ct)),
        Elb("RemoveTags", nameof(IElasticLoadBalancingClient.RemoveTagsAsync), (c, ct) => c.RemoveTagsAsync([TargetGroupArn, RuleArn], ["fargate-api:old", "Name"], ct)),
        Elb("DescribeTags", nameof(IElasticLoadBalancingClient.DescribeTagsAsync), (c, ct) => c.DescribeTagsAsync([TargetGroupArn, RuleArn], ct)),
    ];
}
