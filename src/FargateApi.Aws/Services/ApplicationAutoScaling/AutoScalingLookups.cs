namespace FargateApi.Aws.Services.ApplicationAutoScaling;

/// <summary>Find-by-id reads that make create steps re-runnable: "absent" is a value here, not an error.</summary>
internal static class AutoScalingLookups
{
    /// <summary>The ECS service's scalable target, or null when none is registered.</summary>
    public static async Task<ScalableTarget?> FindScalableTargetAsync(this IApplicationAutoScalingClient client, string resourceId, CancellationToken cancellationToken)
    {
        var response = await client.DescribeScalableTargetsAsync(new DescribeScalableTargetsRequest { ResourceIds = [resourceId] }, cancellationToken).ConfigureAwait(false);
        return response.ScalableTargets.FirstOrDefault(t => t.ResourceId == resourceId);
    }
}
