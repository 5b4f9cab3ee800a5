namespace FargateApi.Aws.Services.Ecs;

/// <summary>Find-by-name reads that make create steps re-runnable: "absent" is a value here, not an error.</summary>
internal static class EcsLookups
{
    /// <summary>
    /// The service with this name in this cluster, or null when ECS reports it MISSING or INACTIVE (a deleted service stays
    /// describable as INACTIVE for a while, and its name can be used again).
    /// </summary>
    public static async Task<EcsService?> FindServiceAsync(this IEcsClient client, string cluster, string serviceName, CancellationToken cancellationToken)
    {
        var response = await client.DescribeServicesAsync(cluster, [serviceName], cancellationToken).ConfigureAwait(false);
        return response.Services.FirstOrDefault(s => s.ServiceName == serviceName && s.Status != EcsValues.ServiceInactive);
    }
}
