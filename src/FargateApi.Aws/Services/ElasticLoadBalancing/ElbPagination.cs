using FargateApi.Aws.Protocols;

namespace FargateApi.Aws.Services.ElasticLoadBalancing;

/// <summary>
/// Walks the ELBv2 paginators (elbv2/2015-12-01/paginators-1.json: Marker in, NextMarker out) for DescribeTargetGroups,
/// DescribeRules, DescribeListeners and DescribeLoadBalancers.
/// </summary>
internal static class ElbPagination
{
    public static IAsyncEnumerable<TargetGroup> DescribeAllTargetGroupsAsync(this IElasticLoadBalancingClient client, DescribeTargetGroupsRequest request, CancellationToken cancellationToken)
        => Paginator.WalkAsync((marker, ct) => client.DescribeTargetGroupsAsync(request with { Marker = marker }, ct), page => page.TargetGroups, page => page.NextMarker, cancellationToken);

    public static IAsyncEnumerable<Rule> DescribeAllRulesAsync(this IElasticLoadBalancingClient client, DescribeRulesRequest request, CancellationToken cancellationToken)
        => Paginator.WalkAsync((marker, ct) => client.DescribeRulesAsync(request with { Marker = marker }, ct), page => page.Rules, page => page.NextMarker, cancellationToken);

    public static IAsyncEnumerable<Listener> DescribeAllListenersAsync(this IElasticLoadBalancingClient client, IReadOnlyList<string> listenerArns, CancellationToken cancellationToken)
        => Paginator.WalkAsync((marker, ct) => client.DescribeListenersAsync(listenerArns, marker, ct), page => page.Listeners, page => page.NextMarker, cancellationToken);

    public static IAsyncEnumerable<Listener> DescribeAllListenersOfLoadBalancerAsync(this IElasticLoadBalancingClient client, string loadBalancerArn, CancellationToken cancellationToken)
        => Paginator.WalkAsync((marker, ct) => client.DescribeListenersOfLoadBalancerAsync(loadBalancerArn, marker, ct), page => page.Listeners, page => page.NextMarker, cancellationToken);

    public static IAsyncEnumerable<LoadBalancer> DescribeAllLoadBalancersAsync(this IElasticLoadBalancingClient client, IReadOnlyList<string> loadBalancerArns, CancellationToken cancellationToken)
        => Paginator.WalkAsync((marker, ct) => client.DescribeLoadBalancersAsync(loadBalancerArns, marker, ct), page => page.LoadBalancers, page => page.NextMarker, cancellationToken);
}
