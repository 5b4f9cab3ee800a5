using FargateApi.Aws.Http;
using FargateApi.Aws.Protocols;

namespace FargateApi.Aws.Services.ElasticLoadBalancing;

/// <summary>ELBv2 over the awsQuery protocol (version 2015-12-01): lists as <c>Name.member.N</c>, XML results.</summary>
internal sealed class ElasticLoadBalancingClient(IAwsCaller caller) : IElasticLoadBalancingClient
{
    private static readonly AwsService Service = AwsServices.ElasticLoadBalancingV2;

    public async Task<TargetGroup> CreateTargetGroupAsync(CreateTargetGroupRequest request, CancellationToken cancellationToken)
    {
        var p = Parameters("CreateTargetGroup")
            .Add("Name", request.Name)
            .Add("Protocol", request.Protocol)
            .Add("Port", request.Port)
            .Add("VpcId", request.VpcId);
        AddHealthCheck(p, request.HealthCheck);
        p.Add("TargetType", request.TargetType).AddKeyValues("Tags", request.Tags);
        var result = await CallAsync(p, cancellationToken).ConfigureAwait(false);
        return SingleTargetGroup(result, "CreateTargetGroup");
    }

    public async Task<TargetGroup> ModifyTargetGroupAsync(string targetGroupArn, TargetGroupHealthCheck healthCheck, CancellationToken cancellationToken)
    {
        var p = Parameters("ModifyTargetGroup").Add("TargetGroupArn", targetGroupArn);
        AddHealthCheck(p, healthCheck);
        var result = await CallAsync(p, cancellationToken).ConfigureAwait(false);
        return SingleTargetGroup(result, "ModifyTargetGroup");
    }

    public async Task<IReadOnlyDictionary<string, string>> ModifyTargetGroupAttributesAsync(string targetGroupArn, IReadOnlyDictionary<string, string> attributes, CancellationToken cancellationToken)
    {
        var p = Parameters("ModifyTargetGroupAttributes")
            .Add("TargetGroupArn", targetGroupArn)
            .AddKeyValues("Attributes", attributes);
        return ElbXml.Attributes(await CallAsync(p, cancellationToken).ConfigureAwait(false));
    }

    public async Task<TargetGroupPage> DescribeTargetGroupsAsync(DescribeTargetGroupsRequest request, CancellationToken cancellationToken)
    {
        var p = Parameters("DescribeTargetGroups")
            .Add("LoadBalancerArn", request.LoadBalancerArn)
            .AddList("TargetGroupArns", request.TargetGroupArns)
            .AddList("Names", request.Names)
            .Add("Marker", request.Marker)
            .Add("PageSize", request.PageSize);
        var result = await CallAsync(p, cancellationToken).ConfigureAwait(false);
        return new TargetGroupPage([.. result.List("TargetGroups").Select(ElbXml.TargetGroup)], result.Text("NextMarker"));
    }

    public async Task<IReadOnlyDictionary<string, string>> DescribeTargetGroupAttributesAsync(string targetGroupArn, CancellationToken cancellationToken)
        => ElbXml.Attributes(await CallAsync(Parameters("DescribeTargetGroupAttributes").Add("TargetGroupArn", targetGroupArn), cancellationToken).ConfigureAwait(false));

    public Task DeleteTargetGroupAsync(string targetGroupArn, CancellationToken cancellationToken)
        => CallAsync(Parameters("DeleteTargetGroup").Add("TargetGroupArn", targetGroupArn), cancellationToken);

    public async Task<IReadOnlyList<TargetHealthDescription>> DescribeTargetHealthAsync(string targetGroupArn, CancellationToken cancellationToken)
    {
        var result = await CallAsync(Parameters("DescribeTargetHealth").Add("TargetGroupArn", targetGroupArn), cancellationToken).ConfigureAwait(false);
        return [.. result.List("TargetHealthDescriptions").Select(ElbXml.TargetHealthDescription)];
    }

    public async Task<Rule> CreateRuleAsync(CreateRuleRequest request, CancellationToken cancellationToken)
    {
        if (request.Priority is < ElbLimits.MinRulePriority or > ElbLimits.MaxRulePriority)
        {
            throw new ArgumentException($"Rule priority must be {ElbLimits.MinRulePriority}–{ElbLimits.MaxRulePriority}, not {request.Priority}.", nameof(request));
        }

        var p = Parameters("CreateRule")
            .Add("ListenerArn", request.ListenerArn)
            .Add("Priority", request.Priority);
        AddConditions(p, request.Conditions);
        AddForward(p, request.TargetGroupArn);
        p.AddKeyValues("Tags", request.Tags);
        var result = await CallAsync(p, cancellationToken).ConfigureAwait(false);
        return SingleRule(result, "CreateRule");
    }

    public async Task<Rule> ModifyRuleAsync(ModifyRuleRequest request, CancellationToken cancellationToken)
    {
        var p = Parameters("ModifyRule").Add("RuleArn", request.RuleArn);
        if (request.Conditions is not null)
        {
            AddConditions(p, request.Conditions);
        }

        if (request.TargetGroupArn is not null)
        {
            AddForward(p, request.TargetGroupArn);
        }

        var result = await CallAsync(p, cancellationToken).ConfigureAwait(false);
        return SingleRule(result, "ModifyRule");
    }

    public async Task<IReadOnlyList<Rule>> SetRulePrioritiesAsync(IReadOnlyList<RulePriorityPair> priorities, CancellationToken cancellationToken)
    {
        var p = Parameters("SetRulePriorities")
            .AddEach("RulePriorities", priorities, (q, prefix, pair) => q.Add(prefix + ".RuleArn", pair.RuleArn).Add(prefix + ".Priority", pair.Priority));
        var result = await CallAsync(p, cancellationToken).ConfigureAwait(false);
        return [.. result.List("Rules").Select(ElbXml.Rule)];
    }

    public Task DeleteRuleAsync(string ruleArn, CancellationToken cancellationToken)
        => CallAsync(Parameters("DeleteRule").Add("RuleArn", ruleArn), cancellationToken);

    public async Task<RulePage> DescribeRulesAsync(DescribeRulesRequest request, CancellationToken cancellationToken)
    {
        var p = Parameters("DescribeRules")
            .Add("ListenerArn", request.ListenerArn)
            .AddList("RuleArns", request.RuleArns)
            .Add("Marker", request.Marker)
            .Add("PageSize", request.PageSize);
        var result = await CallAsync(p, cancellationToken).ConfigureAwait(false);
        return new RulePage([.. result.List("Rules").Select(ElbXml.Rule)], result.Text("NextMarker"));
    }

    public async Task<ListenerPage> DescribeListenersAsync(IReadOnlyList<string> listenerArns, string? marker, CancellationToken cancellationToken)
    {
        var p = Parameters("DescribeListeners").AddList("ListenerArns", listenerArns).Add("Marker", marker);
        var result = await CallAsync(p, cancellationToken).ConfigureAwait(false);
        return new ListenerPage([.. result.List("Listeners").Select(ElbXml.Listener)], result.Text("NextMarker"));
    }

    public async Task<ListenerPage> DescribeListenersOfLoadBalancerAsync(string loadBalancerArn, string? marker, CancellationToken cancellationToken)
    {
        var p = Parameters("DescribeListeners").Add("LoadBalancerArn", loadBalancerArn).Add("Marker", marker);
        var result = await CallAsync(p, cancellationToken).ConfigureAwait(false);
        return new ListenerPage([.. result.List("Listeners").Select(ElbXml.Listener)], result.Text("NextMarker"));
    }

    public async Task<LoadBalancerPage> DescribeLoadBalancersAsync(IReadOnlyList<string> loadBalancerArns, string? marker, CancellationToken cancellationToken)
    {
        var p = Parameters("DescribeLoadBalancers").AddList("LoadBalancerArns", loadBalancerArns).Add("Marker", marker);
        var result = await CallAsync(p, cancellationToken).ConfigureAwait(false);
        return new LoadBalancerPage([.. result.List("LoadBalancers").Select(ElbXml.LoadBalancer)], result.Text("NextMarker"));
    }

    public Task AddTagsAsync(IReadOnlyList<string> resourceArns, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
        => CallAsync(Parameters("AddTags").AddList("ResourceArns", resourceArns).AddKeyValues("Tags", tags), cancellationToken);

    public Task RemoveTagsAsync(IReadOnlyList<string> resourceArns, IReadOnlyList<string> tagKeys, CancellationToken cancellationToken)
        => CallAsync(Parameters("RemoveTags").AddList("ResourceArns", resourceArns).AddList("TagKeys", tagKeys), cancellationToken);

    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> DescribeTagsAsync(IReadOnlyList<string> resourceArns, CancellationToken cancellationToken)
    {
        if (resourceArns.Count is 0 or > ElbLimits.MaxResourcesPerDescribeTags)
        {
            throw new ArgumentException($"DescribeTags takes 1 to {ElbLimits.MaxResourcesPerDescribeTags} ARNs, not {resourceArns.Count}.", nameof(resourceArns));
        }

        var result = await CallAsync(Parameters("DescribeTags").AddList("ResourceArns", resourceArns), cancellationToken).ConfigureAwait(false);
        var byArn = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var description in result.List("TagDescriptions"))
        {
            if (description.Text("ResourceArn") is { } arn)
            {
                byArn[arn] = description.Tags("Tags");
            }
        }

        return byArn;
    }

    private static QueryParameters Parameters(string action) => QueryProtocol.Parameters(Service, action);

    private Task<System.Xml.Linq.XElement> CallAsync(QueryParameters parameters, CancellationToken cancellationToken)
        => QueryProtocol.CallAsync(caller, Service, parameters, cancellationToken);

    private static void AddHealthCheck(QueryParameters p, TargetGroupHealthCheck healthCheck)
    {
        p.Add("HealthCheckPath", healthCheck.Path)
            .Add("HealthCheckIntervalSeconds", healthCheck.IntervalSeconds)
            .Add("HealthCheckTimeoutSeconds", healthCheck.TimeoutSeconds)
            .Add("HealthyThresholdCount", healthCheck.HealthyThresholdCount)
            .Add("UnhealthyThresholdCount", healthCheck.UnhealthyThresholdCount)
            .Add("Matcher.HttpCode", healthCheck.MatcherHttpCode);
    }

    /// <summary>Field plus the typed config the field calls for (PathPatternConfig.Values / HostHeaderConfig.Values).</summary>
    private static void AddConditions(QueryParameters p, IReadOnlyList<RuleCondition> conditions)
        => p.AddEach("Conditions", conditions, (q, prefix, condition) =>
        {
            var config = condition.Field switch
            {
                ElbValues.FieldPathPattern => "PathPatternConfig",
                ElbValues.FieldHostHeader => "HostHeaderConfig",
                _ => throw new ArgumentException($"Unsupported rule condition field '{condition.Field}'.", nameof(conditions)),
            };
            q.Add(prefix + ".Field", condition.Field).AddList($"{prefix}.{config}.Values", condition.Values);
        });

    private static void AddForward(QueryParameters p, string targetGroupArn)
        => p.Add(p.Entry("Actions", 1) + ".Type", ElbValues.ActionForward).Add(p.Entry("Actions", 1) + ".TargetGroupArn", targetGroupArn);

    private static TargetGroup SingleTargetGroup(System.Xml.Linq.XElement result, string operation)
        => result.List("TargetGroups").Select(ElbXml.TargetGroup).FirstOrDefault()
            ?? throw new InvalidDataException($"ELBv2 {operation} answered without a target group.");

    private static Rule SingleRule(System.Xml.Linq.XElement result, string operation)
        => result.List("Rules").Select(ElbXml.Rule).FirstOrDefault()
            ?? throw new InvalidDataException($"ELBv2 {operation} answered without a rule.");
}
