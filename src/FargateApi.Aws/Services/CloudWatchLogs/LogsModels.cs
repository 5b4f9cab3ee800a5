namespace FargateApi.Aws.Services.CloudWatchLogs;

// CloudWatch Logs members are camelCase in the model; LogsJsonContext writes these PascalCase properties that way.

internal sealed record CreateLogGroupRequest(string LogGroupName, IReadOnlyDictionary<string, string>? Tags);

internal sealed record PutRetentionPolicyRequest(string LogGroupName, int RetentionInDays);

internal sealed record DeleteLogGroupRequest(string LogGroupName);

/// <summary>DescribeLogGroupsRequest (paginated nextToken; limit 1–50).</summary>
internal sealed record DescribeLogGroupsRequest
{
    public string? LogGroupNamePrefix { get; init; }
    public string? NextToken { get; init; }
    public int? Limit { get; init; }
}

/// <summary>Shape LogGroup. <see cref="Arn"/> ends in <c>:*</c>; <see cref="LogGroupArn"/> does not and is the one the tagging APIs take.</summary>
internal sealed record LogGroup
{
    public string? LogGroupName { get; init; }
    public int? RetentionInDays { get; init; }
    public string? Arn { get; init; }
    public string? LogGroupArn { get; init; }

    /// <summary>Milliseconds since the epoch (a long in the model, not a timestamp shape).</summary>
    public long? CreationTime { get; init; }
}

internal sealed record DescribeLogGroupsResponse
{
    public IReadOnlyList<LogGroup> LogGroups { get; init; } = [];
    public string? NextToken { get; init; }
}

internal sealed record LogsTagResourceRequest(string ResourceArn, IReadOnlyDictionary<string, string> Tags);

internal sealed record LogsUntagResourceRequest(string ResourceArn, IReadOnlyList<string> TagKeys);

internal sealed record LogsListTagsForResourceRequest(string ResourceArn);

internal sealed record LogsListTagsForResourceResponse
{
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
