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

    /// <summary>
    /// Adds or overwrites tags on a scalable target, by its ARN (RegisterScalableTarget's answer, or
    /// <see cref="ScalableTarget.ScalableTargetARN"/>). The only way to tag an existing target: RegisterScalableTarget's Tags
    /// apply when it creates the target. Fails with ResourceNotFoundException when no target has this ARN.
    /// </summary>
    Task TagResourceAsync(string scalableTargetArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken);

    /// <summary>Removes the tags with these keys; a key the target does not carry is no error.</summary>
    Task UntagResourceAsync(string scalableTargetArn, IReadOnlyList<string> tagKeys, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, string>> ListTagsForResourceAsync(string scalableTargetArn, CancellationToken cancellationToken);
}
