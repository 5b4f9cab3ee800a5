using FargateApi.Aws.Http;

namespace FargateApi.Aws.Services.ElasticLoadBalancing;

/// <summary>Find-by-name reads that make create steps re-runnable: "absent" is a value here, not an error.</summary>
internal static class ElbLookups
{
    /// <summary>The target group with this name (names are unique per account and region), or null.</summary>
    public static async Task<TargetGroup?> FindTargetGroupByNameAsync(this IElasticLoadBalancingClient client, string name, CancellationToken cancellationToken)
    {
        try
        {
            var page = await client.DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest { Names = [name] }, cancellationToken).ConfigureAwait(false);
            return page.TargetGroups.FirstOrDefault(g => g.TargetGroupName == name);
        }
        catch (AwsServiceException ex) when (ex.ErrorCode == AwsErrorCodes.ElbTargetGroupNotFound)
        {
            return null;
        }
    }
}
