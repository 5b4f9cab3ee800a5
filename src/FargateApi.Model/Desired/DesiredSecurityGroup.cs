namespace FargateApi.Desired;

/// <summary>
/// The tasks' security group: one ingress rule from the load balancer's group on the container port; all egress
/// (EC2 CreateSecurityGroup adds the allow-all egress rule by default, which is the seed's <c>allowAllOutbound</c>).
/// Name, description and VPC are fixed at creation (there is no ModifySecurityGroup for them).
/// </summary>
internal sealed record DesiredSecurityGroup(
    string Name,
    string Description,
    string VpcId,
    DesiredIngressRule Ingress,
    bool AllowAllOutbound,
    ValueMap Tags) : IDesiredResource
{
    /// <summary>The field an ingress step moves.</summary>
    public const string IngressField = "Ingress";

    public IEnumerable<Field> Fields() =>
    [
        new("GroupName", Name),
        new("Description", Description),
        new("VpcId", VpcId),
        Field.Of(IngressField, Ingress),
        Field.Of("AllowAllOutbound", AllowAllOutbound),
        .. Field.Tags(Tags),
    ];
}

internal sealed record DesiredIngressRule(string Protocol, int FromPort, int ToPort, string SourceSecurityGroupId, string Description)
{
    public override string ToString() => $"{Protocol} {FromPort}-{ToPort} from {SourceSecurityGroupId}";
}
