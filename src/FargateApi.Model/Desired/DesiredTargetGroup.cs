namespace FargateApi.Desired;

/// <summary>
/// The service's target group. Name, protocol, port, VPC and target type are fixed at creation (ModifyTargetGroup
/// changes only the health check); the rest is changed in place.
/// </summary>
internal sealed record DesiredTargetGroup(
    string Name,
    string Protocol,
    int Port,
    string VpcId,
    string TargetType,
    DesiredTargetHealthCheck HealthCheck,
    ValueMap Attributes,
    ValueMap Tags) : IDesiredResource
{
    public const string Http = "HTTP";

    public const string IpTargets = "ip";

    /// <summary>Target group attribute key (ELBv2 TargetGroupAttribute: "deregistration_delay.timeout_seconds", 0–3600, default 300).</summary>
    public const string DeregistrationDelayAttribute = "deregistration_delay.timeout_seconds";

    public IEnumerable<Field> Fields() =>
    [
        new("Name", Name),
        new("Protocol", Protocol),
        Field.Of("Port", Port),
        new("VpcId", VpcId),
        new("TargetType", TargetType),
        Field.Of("HealthCheck.Enabled", HealthCheck.Enabled),
        new("HealthCheck.Protocol", HealthCheck.Protocol),
        new("HealthCheck.Port", HealthCheck.Port),
        new("HealthCheck.Path", HealthCheck.Path),
        Field.Of("HealthCheck.Interval", HealthCheck.IntervalSeconds),
        Field.Of("HealthCheck.Timeout", HealthCheck.TimeoutSeconds),
        Field.Of("HealthCheck.HealthyThreshold", HealthCheck.HealthyThresholdCount),
        Field.Of("HealthCheck.UnhealthyThreshold", HealthCheck.UnhealthyThresholdCount),
        new("HealthCheck.Matcher", HealthCheck.HttpCodes),
        .. Field.Each("Attributes.", Attributes),
        .. Field.Tags(Tags),
    ];
}

/// <param name="Port"><c>traffic-port</c>: check the port the target receives traffic on.</param>
internal sealed record DesiredTargetHealthCheck(
    bool Enabled,
    string Protocol,
    string Port,
    string Path,
    int IntervalSeconds,
    int TimeoutSeconds,
    int HealthyThresholdCount,
    int UnhealthyThresholdCount,
    string HttpCodes)
{
    public const string TrafficPort = "traffic-port";
}
