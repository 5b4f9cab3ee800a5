using System.Text.Json.Serialization;

namespace FargateApi.Aws.Services.CloudWatchLogs;

/// <summary>Source-generated (AOT-safe) JSON for CloudWatch Logs; the model spells members in camelCase.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateLogGroupRequest))]
[JsonSerializable(typeof(PutRetentionPolicyRequest))]
[JsonSerializable(typeof(DeleteLogGroupRequest))]
[JsonSerializable(typeof(DescribeLogGroupsRequest))]
[JsonSerializable(typeof(DescribeLogGroupsResponse))]
[JsonSerializable(typeof(LogsTagResourceRequest))]
[JsonSerializable(typeof(LogsUntagResourceRequest))]
[JsonSerializable(typeof(LogsListTagsForResourceRequest))]
[JsonSerializable(typeof(LogsListTagsForResourceResponse))]
internal sealed partial class LogsJsonContext : JsonSerializerContext;
