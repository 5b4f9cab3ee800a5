namespace FargateApi.Aws.Services.CloudWatchLogs;

/// <summary>Find-by-name reads that make create steps re-runnable: "absent" is a value here, not an error.</summary>
internal static class LogsLookups
{
    /// <summary>The log group with exactly this name, or null (DescribeLogGroups only filters by prefix).</summary>
    public static async Task<LogGroup?> FindLogGroupAsync(this ICloudWatchLogsClient client, string logGroupName, CancellationToken cancellationToken)
    {
        await foreach (var group in client.DescribeAllLogGroupsAsync(new DescribeLogGroupsRequest { LogGroupNamePrefix = logGroupName }, cancellationToken).ConfigureAwait(false))
        {
            if (group.LogGroupName == logGroupName)
            {
                return group;
            }
        }

        return null;
    }
}
