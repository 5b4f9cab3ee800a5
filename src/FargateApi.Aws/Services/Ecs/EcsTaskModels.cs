using System.Text.Json.Serialization;
using FargateApi.Aws.Protocols;

namespace FargateApi.Aws.Services.Ecs;

/// <summary>ListTasksRequest (paginated: nextToken / maxResults, result key taskArns).</summary>
internal sealed record ListTasksRequest
{
    public required string Cluster { get; init; }
    public string? ServiceName { get; init; }
    public string? DesiredStatus { get; init; }
    public string? NextToken { get; init; }
    public int? MaxResults { get; init; }
}

internal sealed record ListTasksResponse
{
    public IReadOnlyList<string> TaskArns { get; init; } = [];
    public string? NextToken { get; init; }
}

internal sealed record DescribeTasksRequest(string Cluster, IReadOnlyList<string> Tasks);

/// <summary>Shape Container: why a container of a stopped task ended.</summary>
internal sealed record EcsContainer
{
    public string? Name { get; init; }
    public string? LastStatus { get; init; }
    public int? ExitCode { get; init; }
    public string? Reason { get; init; }
}

/// <summary>Shape Task: the members that explain a failed deployment.</summary>
internal sealed record EcsTask
{
    public string? TaskArn { get; init; }
    public string? TaskDefinitionArn { get; init; }
    public string? LastStatus { get; init; }
    public string? DesiredStatus { get; init; }
    public string? StopCode { get; init; }
    public string? StoppedReason { get; init; }
    public IReadOnlyList<EcsContainer> Containers { get; init; } = [];

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? StoppedAt { get; init; }
}

internal sealed record DescribeTasksResponse
{
    public IReadOnlyList<EcsTask> Tasks { get; init; } = [];
    public IReadOnlyList<EcsFailure> Failures { get; init; } = [];
}

internal sealed record EcsTagResourceRequest(string ResourceArn, IReadOnlyList<EcsTag> Tags);

internal sealed record EcsUntagResourceRequest(string ResourceArn, IReadOnlyList<string> TagKeys);

internal sealed record EcsListTagsForResourceRequest(string ResourceArn);

internal sealed record EcsListTagsForResourceResponse
{
    public IReadOnlyList<EcsTag> Tags { get; init; } = [];
}

