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

    /// <summary>The <c>targetgroup/name/id</c> part of the ARN, used in auto scaling resource labels.</summary>
    public string FullName => Arn[(Arn.LastIndexOf(":targetgroup/", StringComparison.Ordinal) + 1)..];
}
