namespace FargateApi.Aws.Services.ApplicationAutoScaling;

/// <summary>The Application Auto Scaling operations provisioning uses (ECS service desired count only).</summary>
internal interface IApplicationAutoScalingClient
{
    /// <summary>Creates or updates the scalable target; returns its ARN.</summary>
    Task<string?> RegisterScalableTargetAsync(RegisterScalableTargetRequest request, CancellationToken cancellationToken);

    /// <summary>One page; <see cref="AutoScalingPagination.DescribeAllScalableTargetsAsync"/> walks them all.</summary>
    Task<DescribeScalableTargetsResponse> DescribeScalableTargetsAsync(DescribeScalableTargetsRequest request, CancellationToken cancellationToken);

    /// <summary>Deregistering also deletes the target's scaling policies.</summary>
    Task DeregisterScalableTargetAsync(string resourceId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the named policy; returns its ARN.</summary>
    Task<string> PutScalingPolicyAsync(PutScalingPolicyRequest request, CancellationToken cancellationToken);

    /// <summary>One page; <see cref="AutoScalingPagination.DescribeAllScalingPoliciesAsync"/> walks them all.</summary>
    Task<DescribeScalingPoliciesResponse> DescribeScalingPoliciesAsync(DescribeScalingPoliciesRequest request, CancellationToken cancellationToken);

    Task DeleteScalingPolicyAsync(string policyName, string resourceId, CancellationToken cancellationToken);
}
