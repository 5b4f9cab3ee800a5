using FargateApi.Aws.Protocols;

namespace FargateApi.Aws.Services.CloudWatchLogs;

/// <summary>Walks DescribeLogGroups (logs/2014-03-28/paginators-1.json: nextToken in and out).</summary>
internal static class LogsPagination
{
    public static IAsyncEnumerable<LogGroup> DescribeAllLogGroupsAsync(this ICloudWatchLogsClient client, DescribeLogGroupsRequest request, CancellationToken cancellationToken)
        => Paginator.WalkAsync((token, ct) => client.DescribeLogGroupsAsync(request with { NextToken = token }, ct), page => page.LogGroups, page => page.NextToken, cancellationToken);
}
