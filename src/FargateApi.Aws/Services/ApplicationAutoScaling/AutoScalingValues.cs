namespace FargateApi.Aws.Services.ApplicationAutoScaling;

/// <summary>Enum values we send, spelled as in application-autoscaling/2016-02-06/service-2.json.</summary>
internal static class AutoScalingValues
{
    /// <summary>ServiceNamespace.</summary>
    public const string NamespaceEcs = "ecs";

    /// <summary>ScalableDimension.</summary>
    public const string EcsServiceDesiredCount = "ecs:service:DesiredCount";

    /// <summary>PolicyType.</summary>
    public const string TargetTrackingScaling = "TargetTrackingScaling";

    /// <summary>MetricType (predefined metrics for ECS services).</summary>
    public const string EcsCpuUtilization = "ECSServiceAverageCPUUtilization";
    public const string EcsMemoryUtilization = "ECSServiceAverageMemoryUtilization";
    public const string AlbRequestCountPerTarget = "ALBRequestCountPerTarget";

    /// <summary>
    /// ResourceId of an ECS service: <c>service/&lt;cluster&gt;/&lt;service&gt;</c>
    /// (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html).
    /// </summary>
    public static string EcsServiceResourceId(string clusterName, string serviceName) => $"service/{clusterName}/{serviceName}";
}
