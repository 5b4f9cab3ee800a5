namespace FargateApi.Aws.Services.ElasticLoadBalancing;

/// <summary>The ELBv2 operations provisioning uses. Implemented over HTTP by <see cref="ElasticLoadBalancingClient"/> and by the simulation.</summary>
internal interface IElasticLoadBalancingClient
{
    Task<TargetGroup> CreateTargetGroupAsync(CreateTargetGroupRequest request, CancellationToken cancellationToken);

    Task<TargetGroup> ModifyTargetGroupAsync(string targetGroupArn, TargetGroupHealthCheck healthCheck, CancellationToken cancellationToken);

    /// <summary>Sets the given attributes and returns all of the target group's attributes.</summary>
    Task<IReadOnlyDictionary<string, string>> ModifyTargetGroupAttributesAsync(string targetGroupArn, IReadOnlyDictionary<string, string> attributes, CancellationToken cancellationToken);

    /// <summary>One page; <see cref="ElbPagination.DescribeAllTargetGroupsAsync"/> walks them all. Unknown names fail with TargetGroupNotFound.</summary>
    Task<TargetGroupPage> DescribeTargetGroupsAsync(DescribeTargetGroupsRequest request, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, string>> DescribeTargetGroupAttributesAsync(string targetGroupArn, CancellationToken cancellationToken);

    Task DeleteTargetGroupAsync(string targetGroupArn, CancellationToken cancellationToken);

    /// <summary>
    /// The health of every target registered in the group, draining ones included (the API is not paginated). ECS registers
    /// a Fargate task's IP when the task runs; a target is <see cref="ElbValues.TargetHealthInitial"/> until it passed
    /// HealthyThresholdCount checks. Unknown group: TargetGroupNotFound.
    /// </summary>
    Task<IReadOnlyList<TargetHealthDescription>> DescribeTargetHealthAsync(string targetGroupArn, CancellationToken cancellationToken);

    Task<Rule> CreateRuleAsync(CreateRuleRequest request, CancellationToken cancellationToken);

    Task<Rule> ModifyRuleAsync(ModifyRuleRequest request, CancellationToken cancellationToken);

    Task<IReadOnlyList<Rule>> SetRulePrioritiesAsync(IReadOnlyList<RulePriorityPair> priorities, CancellationToken cancellationToken);

    Task DeleteRuleAsync(string ruleArn, CancellationToken cancellationToken);

    /// <summary>One page; <see cref="ElbPagination.DescribeAllRulesAsync"/> walks them all.</summary>
    Task<RulePage> DescribeRulesAsync(DescribeRulesRequest request, CancellationToken cancellationToken);

    /// <summary>The named listeners (one page: we always name them).</summary>
    Task<ListenerPage> DescribeListenersAsync(IReadOnlyList<string> listenerArns, string? marker, CancellationToken cancellationToken);

    /// <summary>The listeners of one load balancer (DescribeListeners with LoadBalancerArn instead of ListenerArns).</summary>
    Task<ListenerPage> DescribeListenersOfLoadBalancerAsync(string loadBalancerArn, string? marker, CancellationToken cancellationToken);

    /// <summary>The named load balancers (one page: we always name them).</summary>
    Task<LoadBalancerPage> DescribeLoadBalancersAsync(IReadOnlyList<string> loadBalancerArns, string? marker, CancellationToken cancellationToken);

    Task AddTagsAsync(IReadOnlyList<string> resourceArns, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken);

    Task RemoveTagsAsync(IReadOnlyList<string> resourceArns, IReadOnlyList<string> tagKeys, CancellationToken cancellationToken);

    /// <summary>Tags by resource ARN, for at most <see cref="ElbLimits.MaxResourcesPerDescribeTags"/> resources.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> DescribeTagsAsync(IReadOnlyList<string> resourceArns, CancellationToken cancellationToken);
}
