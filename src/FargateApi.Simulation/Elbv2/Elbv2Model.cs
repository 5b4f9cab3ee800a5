using FargateApi.Aws.Services.ElasticLoadBalancing;
using FargateApi.Simulation.Core;

namespace FargateApi.Simulation.Elbv2;

internal sealed class SimLoadBalancer : SimulatedResource
{
    public required string Arn { get; init; }
    public required string Name { get; init; }
    public required string DnsName { get; init; }
    public required string VpcId { get; init; }
    public required IReadOnlyList<string> SecurityGroups { get; init; }
    public required IReadOnlyList<string> Subnets { get; init; }
    public string Scheme { get; init; } = "internet-facing";
    public string Type { get; init; } = "application";

    /// <summary>The <c>app/name/id</c> part of the ARN, used in auto scaling resource labels.</summary>
    public string FullName => Arn[(Arn.IndexOf(":loadbalancer/", StringComparison.Ordinal) + ":loadbalancer/".Length)..];
}

internal sealed class SimListener : SimulatedResource
{
    public required string Arn { get; init; }
    public required string LoadBalancerArn { get; init; }
    public required int Port { get; init; }
    public required string Protocol { get; init; }
}

/// <summary>
/// A listener rule. Conditions and actions are kept as the adapter's own records (<see cref="Conditions"/>,
/// <see cref="Actions"/>); the store only needs the priority and which target groups the actions forward to.
/// </summary>
internal sealed class SimListenerRule : SimulatedResource
{
    public required string Arn { get; init; }
    public required string ListenerArn { get; init; }

    /// <summary>1–50000, or null for the listener's default rule (priority "default").</summary>
    public int? Priority { get; set; }

    public bool IsDefault => Priority is null;
    public required object Conditions { get; set; }
    public required object Actions { get; set; }
    public required IReadOnlyList<string> ForwardTargetGroupArns { get; set; }

    /// <summary>When the rule started forwarding to <see cref="ForwardTargetGroupArns"/> (created, or switched by ModifyRule).</summary>
    public DateTimeOffset ForwardingSince { get; set; }
}

internal sealed class SimTargetGroup : SimulatedResource
{
    public required string Arn { get; init; }
    public required string Name { get; init; }
    public required string Protocol { get; init; }
    public required int Port { get; init; }
    public required string VpcId { get; init; }
    public required string TargetType { get; init; }

    /// <summary>Health check and other settings, as the adapter's own record; compared for CreateTargetGroup idempotency.</summary>
    public required object Settings { get; set; }

    public Dictionary<string, string> Attributes { get; } = new(StringComparer.Ordinal);

    /// <summary>How fast ELB decides a target's health; kept with <see cref="Settings"/>.</summary>
    public required SimHealthCheckTiming HealthCheck { get; set; }

    /// <summary>Registered targets (ECS registers each task's IP), draining ones included, in registration order.</summary>
    public List<SimTarget> Targets { get; } = [];

    /// <summary>
    /// How long a deregistered target drains: the <c>deregistration_delay.timeout_seconds</c> attribute, 300 s unless set
    /// (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-target-group-attributes.html#deregistration-delay).
    /// </summary>
    public TimeSpan DeregistrationDelay =>
        Attributes.TryGetValue(ElbValues.DeregistrationDelayAttribute, out var text)
            && int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromSeconds(DefaultDeregistrationDelaySeconds);

    public const int DefaultDeregistrationDelaySeconds = 300;

    /// <summary>The <c>targetgroup/name/id</c> part of the ARN, used in auto scaling resource labels.</summary>
    public string FullName => Arn[(Arn.LastIndexOf(":targetgroup/", StringComparison.Ordinal) + 1)..];
}

/// <summary>
/// The health check numbers that decide how long a target takes to turn healthy or unhealthy. Defaults are CreateTargetGroup's
/// for an HTTP group of ip targets: interval 30 s, healthy threshold 5, unhealthy threshold 2 (ELBv2 API reference,
/// CreateTargetGroup HealthCheckIntervalSeconds / HealthyThresholdCount / UnhealthyThresholdCount).
/// </summary>
internal sealed record SimHealthCheckTiming(int IntervalSeconds, int HealthyThresholdCount, int UnhealthyThresholdCount)
{
    public const int DefaultIntervalSeconds = 30;
    public const int DefaultHealthyThresholdCount = 5;
    public const int DefaultUnhealthyThresholdCount = 2;

    public static SimHealthCheckTiming Of(int? intervalSeconds, int? healthyThresholdCount, int? unhealthyThresholdCount) => new(
        intervalSeconds ?? DefaultIntervalSeconds,
        healthyThresholdCount ?? DefaultHealthyThresholdCount,
        unhealthyThresholdCount ?? DefaultUnhealthyThresholdCount);

    /// <summary>"The number of consecutive health check successes required before considering a target healthy", one per interval.</summary>
    public TimeSpan ToHealthy => TimeSpan.FromSeconds((double)IntervalSeconds * HealthyThresholdCount);

    /// <summary>"The number of consecutive health check failures required before considering a target unhealthy", one per interval.</summary>
    public TimeSpan ToUnhealthy => TimeSpan.FromSeconds((double)IntervalSeconds * UnhealthyThresholdCount);
}
