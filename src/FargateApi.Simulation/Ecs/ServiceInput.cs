namespace FargateApi.Simulation.Ecs;

/// <summary>What CreateService needs from the adapter's request; <c>Parameters</c> is the whole request as sent, to compare retries.</summary>
internal sealed record CreateServiceInput(
    string Cluster,
    string ServiceName,
    string TaskDefinition,
    int DesiredCount,
    string? ClientToken,
    IReadOnlyList<SimLoadBalancerLink> LoadBalancers,
    IReadOnlyList<string> Subnets,
    IReadOnlyList<string> SecurityGroups,
    bool CircuitBreakerEnable,
    bool CircuitBreakerRollback,
    int? HealthCheckGracePeriodSeconds,
    IEnumerable<KeyValuePair<string, string>>? Tags,
    object Spec,
    string Parameters);

/// <summary>What UpdateService changes; null members stay as they are.</summary>
internal sealed record UpdateServiceInput(
    string Cluster,
    string Service,
    int? DesiredCount,
    string? TaskDefinition,
    bool? CircuitBreakerEnable,
    bool? CircuitBreakerRollback,
    IReadOnlyList<string>? Subnets,
    IReadOnlyList<string>? SecurityGroups,
    bool ForceNewDeployment,
    int? HealthCheckGracePeriodSeconds = null,
    IReadOnlyList<SimLoadBalancerLink>? LoadBalancers = null);
