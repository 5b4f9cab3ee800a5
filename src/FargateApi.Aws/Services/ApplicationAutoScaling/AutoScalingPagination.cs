using FargateApi.Aws.Protocols;

namespace FargateApi.Aws.Services.ApplicationAutoScaling;

/// <summary>Walks the Application Auto Scaling paginators (paginators-1.json: NextToken in and out).</summary>
internal static class AutoScalingPagination
{
    public static IAsyncEnumerable<ScalableTarget> DescribeAllScalableTargetsAsync(this IApplicationAutoScalingClient client, DescribeScalableTargetsRequest request, CancellationToken cancellationToken)
        => Paginator.WalkAsync((token, ct) => client.DescribeScalableTargetsAsync(request with { NextToken = token }, ct), page => page.ScalableTargets, page => page.NextToken, cancellationToken);

    public static IAsyncEnumerable<ScalingPolicy> DescribeAllScalingPoliciesAsync(this IApplicationAutoScalingClient client, DescribeScalingPoliciesRequest request, CancellationToken cancellationToken)
        => Paginator.WalkAsync((token, ct) => client.DescribeScalingPoliciesAsync(request with { NextToken = token }, ct), page => page.ScalingPolicies, page => page.NextToken, cancellationToken);
}
