namespace FargateApi.Aws.Services.CloudWatchLogs;

/// <summary>The CloudWatch Logs operations provisioning uses: the service's log group and its tags.</summary>
internal interface ICloudWatchLogsClient
{
    /// <summary>Fails with ResourceAlreadyExistsException when the name is taken.</summary>
    Task CreateLogGroupAsync(string logGroupName, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken);

    /// <summary>Days must be one of <see cref="LogsLimits.RetentionDays"/>.</summary>
    Task PutRetentionPolicyAsync(string logGroupName, int retentionInDays, CancellationToken cancellationToken);

    Task DeleteLogGroupAsync(string logGroupName, CancellationToken cancellationToken);

    /// <summary>One page; <see cref="LogsPagination.DescribeAllLogGroupsAsync"/> walks them all.</summary>
    Task<DescribeLogGroupsResponse> DescribeLogGroupsAsync(DescribeLogGroupsRequest request, CancellationToken cancellationToken);

    /// <summary><paramref name="logGroupArn"/> without <c>:*</c> (see <see cref="LogsLimits.TaggableArn"/>).</summary>
    Task TagResourceAsync(string logGroupArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken);

    Task UntagResourceAsync(string logGroupArn, IReadOnlyList<string> tagKeys, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, string>> ListTagsForResourceAsync(string logGroupArn, CancellationToken cancellationToken);
}
