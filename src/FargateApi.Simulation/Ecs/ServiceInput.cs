namespace FargateApi.Simulation.Ecs;

/// <summary>What CreateService needs from the adapter's request.</summary>
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
    IEnumerable<KeyValuePair<string, string>>? Tags,
    object Spec);

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
    bool ForceNewDeployment);
