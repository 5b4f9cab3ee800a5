namespace FargateApi.Desired;

/// <summary>
/// The Application Auto Scaling target and its three target-tracking policies
/// (RegisterScalableTarget / PutScalingPolicy; ResourceId <c>service/&lt;cluster&gt;/&lt;service&gt;</c>).
/// Both calls are upserts, so every change here is in place.
/// </summary>
internal sealed record DesiredScaling(
    string ServiceNamespace,
    string ResourceId,
    string ScalableDimension,
    int MinCapacity,
    int MaxCapacity,
    ValueList<DesiredScalingPolicy> Policies,
    ValueMap Tags) : IDesiredResource
{
    public const string Ecs = "ecs";

    public const string DesiredCountDimension = "ecs:service:DesiredCount";

    public IEnumerable<Field> Fields() =>
    [
        new("ResourceId", ResourceId),
        new("ScalableDimension", ScalableDimension),
        Field.Of("MinCapacity", MinCapacity),
        Field.Of("MaxCapacity", MaxCapacity),
        .. Policies.Select(policy => Field.Of($"Policy.{policy.Name}", policy)),
        .. Field.Tags(Tags),
    ];
}

/// <param name="ResourceLabel">Only for <c>ALBRequestCountPerTarget</c>.</param>
internal sealed record DesiredScalingPolicy(
    string Name,
    string PredefinedMetricType,
    int TargetValue,
    RequestCountResourceLabel? ResourceLabel,
    int ScaleInCooldownSeconds,
    int ScaleOutCooldownSeconds)
{
    /// <summary>Application Auto Scaling MetricType enum values for ECS services.</summary>
    public const string Cpu = "ECSServiceAverageCPUUtilization";

    public const string Memory = "ECSServiceAverageMemoryUtilization";

    public const string RequestCount = "ALBRequestCountPerTarget";

    public const string TargetTracking = "TargetTrackingScaling";

    public override string ToString() =>
        $"{PredefinedMetricType} target {TargetValue}" +
        (ResourceLabel is null ? string.Empty : $" ({ResourceLabel})") +
        $", cooldown in {ScaleInCooldownSeconds}s out {ScaleOutCooldownSeconds}s";
}
