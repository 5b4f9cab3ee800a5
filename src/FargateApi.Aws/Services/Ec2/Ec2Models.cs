namespace FargateApi.Aws.Services.Ec2;

/// <summary>Shape Filter, e.g. <c>tag:aws:cloudformation:stack-id</c> or <c>group-id</c>.</summary>
internal sealed record Ec2Filter(string Name, IReadOnlyList<string> Values)
{
    public static Ec2Filter Tag(string key, string value) => new("tag:" + key, [value]);
}

/// <summary>Shape UserIdGroupPair: the peer security group of a rule.</summary>
internal sealed record UserIdGroupPair(string GroupId, string? Description = null);

/// <summary>Shape IpPermission for security-group-to-security-group rules (protocol "tcp", a port range, peer groups).</summary>
internal sealed record IpPermission(string IpProtocol, int? FromPort, int? ToPort, IReadOnlyList<UserIdGroupPair> UserIdGroupPairs);

/// <summary>CreateSecurityGroupRequest (GroupName and Description are required); tags go in one TagSpecification.</summary>
internal sealed record CreateSecurityGroupRequest(string GroupName, string Description, string VpcId, IReadOnlyDictionary<string, string> Tags);

/// <summary>Shape SecurityGroup.</summary>
internal sealed record SecurityGroup(
    string GroupId,
    string? GroupName,
    string? Description,
    string? VpcId,
    string? OwnerId,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<IpPermission> IpPermissions);

/// <summary>DescribeSecurityGroupsRequest (paginated NextToken; the API refuses MaxResults together with GroupIds).</summary>
internal sealed record DescribeSecurityGroupsRequest
{
    public IReadOnlyList<string>? GroupIds { get; init; }
    public IReadOnlyList<Ec2Filter>? Filters { get; init; }
    public string? NextToken { get; init; }
    public int? MaxResults { get; init; }
}

internal sealed record SecurityGroupPage(IReadOnlyList<SecurityGroup> SecurityGroups, string? NextToken);

/// <summary>Shape SecurityGroupRule; <see cref="ReferencedGroupId"/> comes from referencedGroupInfo.</summary>
internal sealed record SecurityGroupRule(
    string SecurityGroupRuleId,
    string? GroupId,
    bool IsEgress,
    string? IpProtocol,
    int? FromPort,
    int? ToPort,
    string? CidrIpv4,
    string? ReferencedGroupId,
    string? Description);

internal sealed record SecurityGroupRulePage(IReadOnlyList<SecurityGroupRule> SecurityGroupRules, string? NextToken);

/// <summary>A Describe call narrowed by filters, one page at a time (DescribeSecurityGroupRules, DescribeNetworkInterfaces).</summary>
internal sealed record Ec2FilteredRequest(IReadOnlyList<Ec2Filter> Filters, string? NextToken = null, int? MaxResults = null);

/// <summary>Shape NetworkInterface: the ENIs that keep a security group from being deleted.</summary>
internal sealed record NetworkInterface(
    string NetworkInterfaceId,
    string? Status,
    string? InterfaceType,
    string? Description,
    string? SubnetId,
    string? VpcId,
    IReadOnlyList<string> GroupIds);

internal sealed record NetworkInterfacePage(IReadOnlyList<NetworkInterface> NetworkInterfaces, string? NextToken);

/// <summary>Shape Vpc.</summary>
internal sealed record Vpc(string VpcId, string? State, string? CidrBlock, bool IsDefault);

internal sealed record VpcPage(IReadOnlyList<Vpc> Vpcs, string? NextToken);

/// <summary>Shape Subnet: its VPC, to check the subnets we are given belong to the VPC we are given.</summary>
internal sealed record Subnet(string SubnetId, string? VpcId, string? AvailabilityZone, string? State);

internal sealed record SubnetPage(IReadOnlyList<Subnet> Subnets, string? NextToken);
