namespace FargateApi.Desired;

/// <summary>
/// A value that exists only after another resource is made (a target group ARN, a security group id, a task
/// definition revision ARN). The desired stack names it; the executor substitutes the output when it gets there.
/// </summary>
internal sealed record OutputRef(string Resource, string Attribute)
{
    public static OutputRef TargetGroupArn { get; } = new("TargetGroup", "Arn");

    public static OutputRef SecurityGroupId { get; } = new("SecurityGroup", "GroupId");

    public static OutputRef TaskDefinitionArn { get; } = new("TaskDefinition", "Arn");

    public override string ToString() => $"<{Resource}.{Attribute}>";
}

/// <summary>
/// The <c>ALBRequestCountPerTarget</c> ResourceLabel, <c>app/&lt;lb-name&gt;/&lt;lb-id&gt;/targetgroup/&lt;tg-name&gt;/&lt;tg-id&gt;</c>
/// (Application Auto Scaling PredefinedMetricSpecification): the target group's id is only known once it exists.
/// </summary>
internal sealed record RequestCountResourceLabel(string LoadBalancerFullName, OutputRef TargetGroupArn)
{
    public string Resolve(string targetGroupArn) =>
        $"{LoadBalancerFullName}/{ResolvedNetwork.ArnResource(targetGroupArn)}";

    public override string ToString() => $"{LoadBalancerFullName}/targetgroup/{TargetGroupArn}";
}
