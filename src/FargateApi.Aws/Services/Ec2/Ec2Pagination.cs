using FargateApi.Aws.Protocols;

namespace FargateApi.Aws.Services.Ec2;

/// <summary>Walks the EC2 paginators (ec2/2016-11-15/paginators-1.json: NextToken in, nextToken out).</summary>
internal static class Ec2Pagination
{
    public static IAsyncEnumerable<SecurityGroup> DescribeAllSecurityGroupsAsync(this IEc2Client client, DescribeSecurityGroupsRequest request, CancellationToken cancellationToken)
        => Paginator.WalkAsync((token, ct) => client.DescribeSecurityGroupsAsync(request with { NextToken = token }, ct), page => page.SecurityGroups, page => page.NextToken, cancellationToken);

    public static IAsyncEnumerable<SecurityGroupRule> DescribeAllSecurityGroupRulesAsync(this IEc2Client client, IReadOnlyList<Ec2Filter> filters, CancellationToken cancellationToken)
        => Paginator.WalkAsync((token, ct) => client.DescribeSecurityGroupRulesAsync(new Ec2FilteredRequest(filters, token), ct), page => page.SecurityGroupRules, page => page.NextToken, cancellationToken);

    public static IAsyncEnumerable<NetworkInterface> DescribeAllNetworkInterfacesAsync(this IEc2Client client, IReadOnlyList<Ec2Filter> filters, CancellationToken cancellationToken)
        => Paginator.WalkAsync((token, ct) => client.DescribeNetworkInterfacesAsync(new Ec2FilteredRequest(filters, token), ct), page => page.NetworkInterfaces, page => page.NextToken, cancellationToken);

    public static IAsyncEnumerable<Vpc> DescribeAllVpcsAsync(this IEc2Client client, IReadOnlyList<string> vpcIds, CancellationToken cancellationToken)
        => Paginator.WalkAsync((token, ct) => client.DescribeVpcsAsync(vpcIds, token, ct), page => page.Vpcs, page => page.NextToken, cancellationToken);

    public static IAsyncEnumerable<Subnet> DescribeAllSubnetsAsync(this IEc2Client client, IReadOnlyList<string> subnetIds, CancellationToken cancellationToken)
        => Paginator.WalkAsync((token, ct) => client.DescribeSubnetsAsync(subnetIds, token, ct), page => page.Subnets, page => page.NextToken, cancellationToken);
}
