using System.Text.Json.Serialization;
using FargateApi.Aws.Protocols;

namespace FargateApi.Aws.Services.Ecs;

// The subset of the ECS model's task definition shapes we write and read. Property names are the model's member names
// in PascalCase; EcsJsonContext writes them camelCase, as the model spells them.

/// <summary>Shape Tag (key/value are optional in the model, but we always send both).</summary>
internal sealed record EcsTag(string Key, string Value)
{
    public static IReadOnlyList<EcsTag> From(IEnumerable<KeyValuePair<string, string>> tags)
        => [.. tags.Select(t => new EcsTag(t.Key, t.Value))];
}

/// <summary>Shape KeyValuePair (container environment).</summary>
internal sealed record EcsKeyValuePair(string Name, string Value);

/// <summary>Shape Secret: name and valueFrom are required.</summary>
internal sealed record EcsSecret(string Name, string ValueFrom);

/// <summary>Shape PortMapping.</summary>
internal sealed record EcsPortMapping(int ContainerPort, string Protocol = EcsValues.ProtocolTcp);

/// <summary>Shape HealthCheck: command is required; times are seconds.</summary>
internal sealed record EcsHealthCheck(IReadOnlyList<string> Command, int? Interval, int? Timeout, int? Retries, int? StartPeriod);

/// <summary>Shape LogConfiguration: logDriver is required.</summary>
internal sealed record EcsLogConfiguration(string LogDriver, IReadOnlyDictionary<string, string>? Options);

/// <summary>Shape RuntimePlatform.</summary>
internal sealed record EcsRuntimePlatform(string? CpuArchitecture, string? OperatingSystemFamily);

/// <summary>Shape ContainerDefinition (the members a web service container needs).</summary>
internal sealed record ContainerDefinition
{
    public required string Name { get; init; }
    public required string Image { get; init; }
    public bool? Essential { get; init; }
    public IReadOnlyList<EcsPortMapping>? PortMappings { get; init; }
    public IReadOnlyList<EcsKeyValuePair>? Environment { get; init; }
    public IReadOnlyList<EcsSecret>? Secrets { get; init; }
    public EcsHealthCheck? HealthCheck { get; init; }
    public EcsLogConfiguration? LogConfiguration { get; init; }
}

/// <summary>RegisterTaskDefinitionRequest: family and containerDefinitions are required; cpu and memory are strings on the wire.</summary>
internal sealed record RegisterTaskDefinitionRequest
{
    public required string Family { get; init; }
    public string? TaskRoleArn { get; init; }
    public string? ExecutionRoleArn { get; init; }
    public string NetworkMode { get; init; } = EcsValues.NetworkModeAwsvpc;
    public required IReadOnlyList<ContainerDefinition> ContainerDefinitions { get; init; }
    public IReadOnlyList<string> RequiresCompatibilities { get; init; } = [EcsValues.Fargate];
    public required string Cpu { get; init; }
    public required string Memory { get; init; }
    public IReadOnlyList<EcsTag>? Tags { get; init; }
    public EcsRuntimePlatform? RuntimePlatform { get; init; }
}

/// <summary>Shape TaskDefinition as read back.</summary>
internal sealed record TaskDefinition
{
    public string? TaskDefinitionArn { get; init; }
    public string? Family { get; init; }
    public int Revision { get; init; }
    public string? Status { get; init; }
    public string? TaskRoleArn { get; init; }
    public string? ExecutionRoleArn { get; init; }
    public string? NetworkMode { get; init; }
    public string? Cpu { get; init; }
    public string? Memory { get; init; }
    public IReadOnlyList<ContainerDefinition> ContainerDefinitions { get; init; } = [];
    public IReadOnlyList<string> RequiresCompatibilities { get; init; } = [];
    public EcsRuntimePlatform? RuntimePlatform { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? RegisteredAt { get; init; }
}

/// <summary>RegisterTaskDefinitionResponse / DescribeTaskDefinitionResponse / DeregisterTaskDefinitionResponse.</summary>
internal sealed record TaskDefinitionResponse
{
    public TaskDefinition? TaskDefinition { get; init; }
    public IReadOnlyList<EcsTag> Tags { get; init; } = [];
}

internal sealed record DescribeTaskDefinitionRequest(string TaskDefinition, IReadOnlyList<string> Include);

internal sealed record DeregisterTaskDefinitionRequest(string TaskDefinition);

/// <summary>ListTaskDefinitionsRequest (paginated: nextToken / maxResults, result key taskDefinitionArns).</summary>
internal sealed record ListTaskDefinitionsRequest
{
    public string? FamilyPrefix { get; init; }
    public string? Status { get; init; }
    public string? NextToken { get; init; }
    public int? MaxResults { get; init; }
}

internal sealed record ListTaskDefinitionsResponse
{
    public IReadOnlyList<string> TaskDefinitionArns { get; init; } = [];
    public string? NextToken { get; init; }
}
