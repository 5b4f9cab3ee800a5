namespace FargateApi.Aws.Services.Ec2;

/// <summary>The EC2 operations provisioning uses: the service's security group, its rules, and the network it lives in.</summary>
internal interface IEc2Client
{
    /// <summary>Returns the new group id; fails with InvalidGroup.Duplicate when the name is taken in the VPC.</summary>
    Task<string> CreateSecurityGroupAsync(CreateSecurityGroupRequest request, CancellationToken cancellationToken);

    /// <summary>Fails with InvalidPermission.Duplicate when a rule already exists.</summary>
    Task<IReadOnlyList<SecurityGroupRule>> AuthorizeSecurityGroupIngressAsync(string groupId, IReadOnlyList<IpPermission> permissions, CancellationToken cancellationToken);

    Task RevokeSecurityGroupIngressAsync(string groupId, IReadOnlyList<IpPermission> permissions, CancellationToken cancellationToken);

    /// <summary>One page; <see cref="Ec2Pagination.DescribeAllSecurityGroupsAsync"/> walks them all.</summary>
    Task<SecurityGroupPage> DescribeSecurityGroupsAsync(DescribeSecurityGroupsRequest request, CancellationToken cancellationToken);

    /// <summary>One page; <see cref="Ec2Pagination.DescribeAllSecurityGroupRulesAsync"/> walks them all.</summary>
    Task<SecurityGroupRulePage> DescribeSecurityGroupRulesAsync(Ec2FilteredRequest request, CancellationToken cancellationToken);

    /// <summary>Fails with DependencyViolation while an ENI or another group's rule still uses the group.</summary>
    Task DeleteSecurityGroupAsync(string groupId, CancellationToken cancellationToken);

    /// <summary>One page; <see cref="Ec2Pagination.DescribeAllNetworkInterfacesAsync"/> walks them all.</summary>
    Task<NetworkInterfacePage> DescribeNetworkInterfacesAsync(Ec2FilteredRequest request, CancellationToken cancellationToken);

    Task CreateTagsAsync(IReadOnlyList<string> resourceIds, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the tags with these keys, whatever their values, from every resource; a key a resource does not carry is no
    /// error. At least one key (see <see cref="Ec2Client.CheckTagKeysToDelete"/>): DeleteTags without keys deletes every tag.
    /// </summary>
    Task DeleteTagsAsync(IReadOnlyList<string> resourceIds, IReadOnlyList<string> tagKeys, CancellationToken cancellationToken);

    Task<VpcPage> DescribeVpcsAsync(IReadOnlyList<string> vpcIds, string? nextToken, CancellationToken cancellationToken);

    Task<SubnetPage> DescribeSubnetsAsync(IReadOnlyList<string> subnetIds, string? nextToken, CancellationToken cancellationToken);
}
