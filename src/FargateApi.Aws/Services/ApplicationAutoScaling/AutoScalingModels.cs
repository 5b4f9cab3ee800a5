using System.Text.Json.Serialization;
using FargateApi.Aws.Protocols;

namespace FargateApi.Aws.Services.ApplicationAutoScaling;

// Application Auto Scaling members are PascalCase in the model, as the properties here.

/// <summary>RegisterScalableTargetRequest for an ECS service's desired count.</summary>
internal sealed record RegisterScalableTargetRequest
{
    public string ServiceNamespace { get; init; } = AutoScalingValues.NamespaceEcs;
    public required string ResourceId { get; init; }
    public string ScalableDimension { get; init; } = AutoScalingValues.EcsServiceDesiredCount;
    public int? MinCapacity { get; init; }
    public int? MaxCapacity { get; init; }
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

internal sealed record RegisterScalableTargetResponse
{
    public string? ScalableTargetARN { get; init; }
}

/// <summary>DescribeScalableTargetsRequest (paginated NextToken; ResourceIds at most 50 per the model).</summary>
internal sealed record DescribeScalableTargetsRequest
{
    public string ServiceNamespace { get; init; } = AutoScalingValues.NamespaceEcs;
    public IReadOnlyList<string>? ResourceIds { get; init; }
    public string? ScalableDimension { get; init; } = AutoScalingValues.EcsServiceDesiredCount;
    public int? MaxResults { get; init; }
    public string? NextToken { get; init; }
}

/// <summary>Shape ScalableTarget.</summary>
internal sealed record ScalableTarget
{
    public string? ServiceNamespace { get; init; }
    public string? ResourceId { get; init; }
    public string? ScalableDimension { get; init; }
    public int MinCapacity { get; init; }
    public int MaxCapacity { get; init; }
    public string? RoleARN { get; init; }
    public string? ScalableTargetARN { get; init; }

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? CreationTime { get; init; }
}

internal sealed record DescribeScalableTargetsResponse
{
    public IReadOnlyList<ScalableTarget> ScalableTargets { get; init; } = [];
    public string? NextToken { get; init; }
}

internal sealed record DeregisterScalableTargetRequest(string ServiceNamespace, string ResourceId, string ScalableDimension);

/// <summary>Shape PredefinedMetricSpecification; ResourceLabel only for ALBRequestCountPerTarget.</summary>
internal sealed record PredefinedMetricSpecification(string PredefinedMetricType, string? ResourceLabel = null);

/// <summary>Shape TargetTrackingScalingPolicyConfiguration (TargetValue is required; cooldowns in seconds).</summary>
internal sealed record TargetTrackingScalingPolicyConfiguration(
    double TargetValue,
    PredefinedMetricSpecification? PredefinedMetricSpecification,
    int? ScaleOutCooldown,
    int? ScaleInCooldown);

/// <summary>PutScalingPolicyRequest: a target-tracking policy on an ECS service (creates or replaces by name).</summary>
internal sealed record PutScalingPolicyRequest
{
    public required string PolicyName { get; init; }
    public string ServiceNamespace { get; init; } = AutoScalingValues.NamespaceEcs;
    public required string ResourceId { get; init; }
    public string ScalableDimension { get; init; } = AutoScalingValues.EcsServiceDesiredCount;
    public string PolicyType { get; init; } = AutoScalingValues.TargetTrackingScaling;
    public required TargetTrackingScalingPolicyConfiguration TargetTrackingScalingPolicyConfiguration { get; init; }
}

internal sealed record PutScalingPolicyResponse
{
    public string? PolicyARN { get; init; }
}

/// <summary>DescribeScalingPoliciesRequest (paginated NextToken).</summary>
internal sealed record DescribeScalingPoliciesRequest
{
    public string ServiceNamespace { get; init; } = AutoScalingValues.NamespaceEcs;
    public IReadOnlyList<string>? PolicyNames { get; init; }
    public string? ResourceId { get; init; }
    public string? ScalableDimension { get; init; } = AutoScalingValues.EcsServiceDesiredCount;
    public int? MaxResults { get; init; }
    public string? NextToken { get; init; }
}

/// <summary>Shape ScalingPolicy.</summary>
internal sealed record ScalingPolicy
{
    public string? PolicyARN { get; init; }
    public string? PolicyName { get; init; }
    public string? ResourceId { get; init; }
    public string? PolicyType { get; init; }
    public TargetTrackingScalingPolicyConfiguration? TargetTrackingScalingPolicyConfiguration { get; init; }
}

internal sealed record DescribeScalingPoliciesResponse
{
    public IReadOnlyList<ScalingPolicy> ScalingPolicies { get; init; } = [];
    public string? NextToken { get; init; }
}

internal sealed record DeleteScalingPolicyRequest(string PolicyName, string ServiceNamespace, string ResourceId, string ScalableDimension);

/// <summary>TagResourceRequest: ResourceARN is a scalable target's ARN (the only taggable Application Auto Scaling resource).</summary>
internal sealed record AutoScalingTagResourceRequest(string ResourceARN, IReadOnlyDictionary<string, string> Tags);

/// <summary>UntagResourceRequest (TagKeys: shape TagKeyList, 0 to 200 keys).</summary>
internal sealed record AutoScalingUntagResourceRequest(string ResourceARN, IReadOnlyList<string> TagKeys);

internal sealed record AutoScalingListTagsForResourceRequest(string ResourceARN);

internal sealed record AutoScalingListTagsForResourceResponse
{
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
