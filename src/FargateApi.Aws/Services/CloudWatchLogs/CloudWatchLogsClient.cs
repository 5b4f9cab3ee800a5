using FargateApi.Aws.Http;
using FargateApi.Aws.Protocols;

namespace FargateApi.Aws.Services.CloudWatchLogs;

/// <summary>CloudWatch Logs over the json 1.1 protocol (target prefix Logs_20140328).</summary>
internal sealed class CloudWatchLogsClient(IAwsCaller caller) : ICloudWatchLogsClient
{
    private static readonly AwsService Service = AwsServices.CloudWatchLogs;
    private static LogsJsonContext Json => LogsJsonContext.Default;

    public Task CreateLogGroupAsync(string logGroupName, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
        => JsonProtocol.CallAsync(caller, Service, "CreateLogGroup", new CreateLogGroupRequest(logGroupName, tags.Count == 0 ? null : tags), Json.CreateLogGroupRequest, cancellationToken);

    public Task PutRetentionPolicyAsync(string logGroupName, int retentionInDays, CancellationToken cancellationToken)
    {
        if (!LogsLimits.RetentionDays.Contains(retentionInDays))
        {
            throw new ArgumentOutOfRangeException(nameof(retentionInDays), retentionInDays, $"Retention must be one of {string.Join(", ", LogsLimits.RetentionDays)} days.");
        }

        return JsonProtocol.CallAsync(caller, Service, "PutRetentionPolicy", new PutRetentionPolicyRequest(logGroupName, retentionInDays), Json.PutRetentionPolicyRequest, cancellationToken);
    }

    public Task DeleteLogGroupAsync(string logGroupName, CancellationToken cancellationToken)
        => JsonProtocol.CallAsync(caller, Service, "DeleteLogGroup", new DeleteLogGroupRequest(logGroupName), Json.DeleteLogGroupRequest, cancellationToken);

    public Task<DescribeLogGroupsResponse> DescribeLogGroupsAsync(DescribeLogGroupsRequest request, CancellationToken cancellationToken)
        => JsonProtocol.CallAsync(caller, Service, "DescribeLogGroups", request, Json.DescribeLogGroupsRequest, Json.DescribeLogGroupsResponse, cancellationToken);

    public Task TagResourceAsync(string logGroupArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
        => JsonProtocol.CallAsync(caller, Service, "TagResource", new LogsTagResourceRequest(LogsLimits.TaggableArn(logGroupArn), tags), Json.LogsTagResourceRequest, cancellationToken);

    public Task UntagResourceAsync(string logGroupArn, IReadOnlyList<string> tagKeys, CancellationToken cancellationToken)
    {
        if (tagKeys.Count is 0 or > LogsLimits.MaxTagKeysPerUntag)
        {
            throw new ArgumentException($"UntagResource takes 1 to {LogsLimits.MaxTagKeysPerUntag} keys, not {tagKeys.Count}.", nameof(tagKeys));
        }

        return JsonProtocol.CallAsync(caller, Service, "UntagResource", new LogsUntagResourceRequest(LogsLimits.TaggableArn(logGroupArn), tagKeys), Json.LogsUntagResourceRequest, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> ListTagsForResourceAsync(string logGroupArn, CancellationToken cancellationToken)
    {
        var response = await JsonProtocol.CallAsync(caller, Service, "ListTagsForResource", new LogsListTagsForResourceRequest(LogsLimits.TaggableArn(logGroupArn)), Json.LogsListTagsForResourceRequest, Json.LogsListTagsForResourceResponse, cancellationToken).ConfigureAwait(false);
        return response.Tags;
    }
}
