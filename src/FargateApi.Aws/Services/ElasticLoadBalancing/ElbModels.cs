namespace FargateApi.Aws.Services.ElasticLoadBalancing;

/// <summary>The health-check members shared by CreateTargetGroup, ModifyTargetGroup and TargetGroup; null leaves the ELB default / current value.</summary>
internal sealed record TargetGroupHealthCheck(
    string? Path,
    int? IntervalSeconds,
    int? TimeoutSeconds,
    int? HealthyThresholdCount,
    int? UnhealthyThresholdCount,
    string? MatcherHttpCode);

/// <summary>CreateTargetGroupInput: an HTTP target group of IP targets (how Fargate tasks register).</summary>
internal sealed record CreateTargetGroupRequest(
    string Name,
    int Port,
    string VpcId,
    TargetGroupHealthCheck HealthCheck,
    IReadOnlyDictionary<string, string> Tags)
{
    public string Protocol { get; init; } = ElbValues.ProtocolHttp;
    public string TargetType { get; init; } = ElbValues.TargetTypeIp;
}

/// <summary>Shape TargetGroup.</summary>
internal sealed record TargetGroup(
    string TargetGroupArn,
    string TargetGroupName,
    string? Protocol,
    int? Port,
    string? VpcId,
    string? TargetType,
    TargetGroupHealthCheck HealthCheck,
    IReadOnlyList<string> LoadBalancerArns);

/// <summary>DescribeTargetGroupsInput: set one of the three filters (the API rejects combinations).</summary>
internal sealed record DescribeTargetGroupsRequest
{
    public string? LoadBalancerArn { get; init; }
    public IReadOnlyList<string>? TargetGroupArns { get; init; }
    public IReadOnlyList<string>? Names { get; init; }
    public string? Marker { get; init; }
    public int? PageSize { get; init; }
}

internal sealed record TargetGroupPage(IReadOnlyList<TargetGroup> TargetGroups, string? NextMarker);

/// <summary>Shape TargetDescription: for an <c>ip</c> target group the task's private IP and the port it was registered with.</summary>
internal sealed record TargetDescription(string Id, int? Port, string? AvailabilityZone);

/// <summary>Shape TargetHealth: <see cref="State"/> is a TargetHealthStateEnum value; no reason or description when healthy.</summary>
internal sealed record TargetHealth(string State, string? Reason, string? Description);

/// <summary>Shape TargetHealthDescription (the members we read; anomaly detection and overrides are not requested).</summary>
internal sealed record TargetHealthDescription(TargetDescription Target, string? HealthCheckPort, TargetHealth TargetHealth);

/// <summary>Shape RuleCondition with its typed config: <see cref="ElbValues.FieldPathPattern"/> or <see cref="ElbValues.FieldHostHeader"/>.</summary>
internal sealed record RuleCondition(string Field, IReadOnlyList<string> Values)
{
    public static RuleCondition PathPattern(params IReadOnlyList<string> values) => new(ElbValues.FieldPathPattern, values);

    public static RuleCondition HostHeader(params IReadOnlyList<string> values) => new(ElbValues.FieldHostHeader, values);
}

/// <summary>Shape Action as read back; we only write forward actions.</summary>
internal sealed record RuleAction(string Type, string? TargetGroupArn, int? Order);

/// <summary>Shape Rule; <see cref="Priority"/> is "default" for the listener's default rule.</summary>
internal sealed record Rule(string RuleArn, string? Priority, bool IsDefault, IReadOnlyList<RuleCondition> Conditions, IReadOnlyList<RuleAction> Actions);

/// <summary>CreateRuleInput with one forward action.</summary>
internal sealed record CreateRuleRequest(
    string ListenerArn,
    int Priority,
    IReadOnlyList<RuleCondition> Conditions,
    string TargetGroupArn,
    IReadOnlyDictionary<string, string> Tags);

/// <summary>ModifyRuleInput: null conditions or target group leaves that part as it is.</summary>
internal sealed record ModifyRuleRequest(string RuleArn, IReadOnlyList<RuleCondition>? Conditions, string? TargetGroupArn);

/// <summary>Shape RulePriorityPair.</summary>
internal sealed record RulePriorityPair(string RuleArn, int Priority);

/// <summary>DescribeRulesInput: a listener or rule ARNs.</summary>
internal sealed record DescribeRulesRequest
{
    public string? ListenerArn { get; init; }
    public IReadOnlyList<string>? RuleArns { get; init; }
    public string? Marker { get; init; }
    public int? PageSize { get; init; }
}

internal sealed record RulePage(IReadOnlyList<Rule> Rules, string? NextMarker);

/// <summary>Shape Listener.</summary>
internal sealed record Listener(string ListenerArn, string? LoadBalancerArn, int? Port, string? Protocol);

internal sealed record ListenerPage(IReadOnlyList<Listener> Listeners, string? NextMarker);

/// <summary>Shape LoadBalancer.</summary>
internal sealed record LoadBalancer(string LoadBalancerArn, string? LoadBalancerName, string? VpcId, string? Type);

internal sealed record LoadBalancerPage(IReadOnlyList<LoadBalancer> LoadBalancers, string? NextMarker);
