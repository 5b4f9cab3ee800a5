namespace FargateApi.Aws.Services.Ec2;

/// <summary>Find-by-name/tag reads that make create steps re-runnable: "absent" is a value here, not an error.</summary>
internal static class Ec2Lookups
{
    /// <summary>Filter names of DescribeSecurityGroups (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeSecurityGroups.html).</summary>
    public const string GroupNameFilter = "group-name";
    public const string VpcIdFilter = "vpc-id";

    /// <summary>The group with this name in this VPC (names are unique per VPC), or null.</summary>
    public static async Task<SecurityGroup?> FindSecurityGroupByNameAsync(this IEc2Client client, string vpcId, string groupName, CancellationToken cancellationToken)
    {
        var request = new DescribeSecurityGroupsRequest { Filters = [new Ec2Filter(VpcIdFilter, [vpcId]), new Ec2Filter(GroupNameFilter, [groupName])] };
        await foreach (var group in client.DescribeAllSecurityGroupsAsync(request, cancellationToken).ConfigureAwait(false))
        {
            if (group.GroupName == groupName)
            {
                return group;
            }
        }

        return null;
    }

    /// <summary>Every group carrying this tag (e.g. the provider's ownership tag), across pages.</summary>
    public static async Task<IReadOnlyList<SecurityGroup>> FindSecurityGroupsByTagAsync(this IEc2Client client, string key, string value, CancellationToken cancellationToken)
    {
        var groups = new List<SecurityGroup>();
        await foreach (var group in client.DescribeAllSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [Ec2Filter.Tag(key, value)] }, cancellationToken).ConfigureAwait(false))
        {
            groups.Add(group);
        }

        return groups;
    }
}
