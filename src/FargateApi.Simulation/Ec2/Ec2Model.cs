using FargateApi.Simulation.Core;

namespace FargateApi.Simulation.Ec2;

internal sealed class SimVpc : SimulatedResource
{
    public required string VpcId { get; init; }
    public required string CidrBlock { get; init; }
}

internal sealed class SimSubnet : SimulatedResource
{
    public required string SubnetId { get; init; }
    public required string VpcId { get; init; }
    public required string AvailabilityZone { get; init; }
    public required string CidrBlock { get; init; }
}

/// <summary>One ingress or egress rule. Protocol "-1" means all traffic; a rule has either a CIDR or a source group.</summary>
internal sealed record SimPermission(string Protocol, int? FromPort, int? ToPort, string? CidrIpv4, string? GroupId, string? Description)
{
    public bool SameRuleAs(SimPermission other) =>
        string.Equals(Protocol, other.Protocol, StringComparison.OrdinalIgnoreCase)
        && FromPort == other.FromPort && ToPort == other.ToPort
        && CidrIpv4 == other.CidrIpv4 && GroupId == other.GroupId;

    public static readonly SimPermission AllEgress = new("-1", null, null, "0.0.0.0/0", null, null);
}

internal sealed record SimRule(string RuleId, bool IsEgress, SimPermission Permission);

internal sealed class SimSecurityGroup : SimulatedResource
{
    public required string GroupId { get; init; }
    public required string GroupName { get; init; }
    public required string Description { get; init; }
    public required string VpcId { get; init; }
    public required string Arn { get; init; }
    public List<SimRule> Rules { get; } = [];
}

/// <summary>A task's ENI. While it exists it holds its security groups, even after its task stopped.</summary>
internal sealed class SimNetworkInterface : SimulatedResource
{
    public required string NetworkInterfaceId { get; init; }
    public required string SubnetId { get; init; }
    public required string VpcId { get; init; }
    public required IReadOnlyList<string> GroupIds { get; init; }
    public required string Description { get; init; }
    public required string PrivateIpAddress { get; init; }
    public string Status { get; set; } = "in-use";
    public string? TaskArn { get; init; }

    /// <summary>When its task stopped; from then on the ENI lingers. Null while the task lives.</summary>
    public DateTimeOffset? ReleasedAt { get; set; }

    /// <summary>Once released: EC2 polls left before the ENI disappears; null: only <see cref="GoneAt"/> counts.</summary>
    public int? LingerPollsLeft { get; set; }

    public DateTimeOffset? GoneAt { get; set; }
}
