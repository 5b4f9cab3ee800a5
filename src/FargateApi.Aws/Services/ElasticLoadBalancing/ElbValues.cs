namespace FargateApi.Aws.Services.ElasticLoadBalancing;

/// <summary>Enum values and attribute keys we send, spelled as in the ELBv2 model (elbv2/2015-12-01/service-2.json).</summary>
internal static class ElbValues
{
    /// <summary>ProtocolEnum.</summary>
    public const string ProtocolHttp = "HTTP";

    /// <summary>TargetTypeEnum: Fargate tasks register by IP.</summary>
    public const string TargetTypeIp = "ip";

    /// <summary>ActionTypeEnum.</summary>
    public const string ActionForward = "forward";

    /// <summary>RuleCondition.Field values (ConditionFieldName is a free string; the values are listed in its documentation).</summary>
    public const string FieldPathPattern = "path-pattern";
    public const string FieldHostHeader = "host-header";

    /// <summary>
    /// Target group attribute: seconds a deregistering target keeps draining (0–3600, default 300).
    /// https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-target-group-attributes.html#deregistration-delay
    /// </summary>
    public const string DeregistrationDelayAttribute = "deregistration_delay.timeout_seconds";

    /// <summary>
    /// TargetHealthStateEnum values we act on (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetHealth.html):
    /// a registered target is <c>initial</c> until it passed HealthyThresholdCount checks, <c>draining</c> for the
    /// deregistration delay after it was deregistered.
    /// </summary>
    public const string TargetHealthInitial = "initial";
    public const string TargetHealthHealthy = "healthy";
    public const string TargetHealthUnhealthy = "unhealthy";
    public const string TargetHealthDraining = "draining";

    /// <summary>Rule.Priority of a listener's default rule (a string member in the model).</summary>
    public const string DefaultRulePriority = "default";
}
