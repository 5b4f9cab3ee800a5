using FargateApi.Aws.Services.Ec2;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>EC2 calls (ec2 protocol) with every member our request records can carry set.</summary>
internal static partial class SampleRequests
{
    private const string GroupId = "sg-0a1b2c3d4e5f60718";
    private const string AlbGroupId = "sg-0fedcba987654321f";

    private static readonly IReadOnlyList<Ec2Filter> Filters =
        [new Ec2Filter("group-id", [GroupId, AlbGroupId]), Ec2Filter.Tag("fargate-api:stack", "demo")];

    private static readonly IReadOnlyList<IpPermission> Permissions =
    [
        new IpPermission("tcp", 8080, 8080, [new UserIdGroupPair(AlbGroupId, "from the shared load balancer"), new UserIdGroupPair("sg-0123456789abcdef0")]),
        new IpPermission("tcp", 9090, 9091, [new UserIdGroupPair(AlbGroupId, "metrics")]),
    ];

    private static ConformanceCase Ec2(string operation, string method, Func<IEc2Client, CancellationToken, Task> call, params string[] mayStayEmpty) =>
        ConformanceCase.Of<IEc2Client>("ec2", operation, method, caller => new Ec2Client(caller), call, mayStayEmpty);

    private static IEnumerable<ConformanceCase> Ec2Cases() =>
    [
        Ec2("CreateSecurityGroup", nameof(IEc2Client.CreateSecurityGroupAsync), (c, ct) => c.CreateSecurityGroupAsync(
            new CreateSecurityGroupRequest("web-tasks", "Tasks of the web service", "vpc-0a1b2c3d", ResourceTags), ct)),
        Ec2("AuthorizeSecurityGroupIngress", nameof(IEc2Client.AuthorizeSecurityGroupIngressAsync), (c, ct) => c.AuthorizeSecurityGroupIngressAsync(GroupId, Permissions, ct)),
        Ec2("RevokeSecurityGroupIngress", nameof(IEc2Client.RevokeSecurityGroupIngressAsync), (c, ct) => c.RevokeSecurityGroupIngressAsync(GroupId, Permissions, ct)),
        Ec2("DescribeSecurityGroups", nameof(IEc2Client.DescribeSecurityGroupsAsync), (c, ct) => c.DescribeSecurityGroupsAsync(
            new DescribeSecurityGroupsRequest { GroupIds = [GroupId, AlbGroupId], NextToken = "token-1" }, ct)) with { Variant = "GroupIds" },
        Ec2("DescribeSecurityGroups", nameof(IEc2Client.DescribeSecurityGroupsAsync), (c, ct) => c.DescribeSecurityGroupsAsync(
            new DescribeSecurityGroupsRequest { Filters = Filters, NextToken = "token-1", MaxResults = 100 }, ct)) with { Variant = "Filters" },
        Ec2("DescribeSecurityGroupRules", nameof(IEc2Client.DescribeSecurityGroupRulesAsync), (c, ct) => c.DescribeSecurityGroupRulesAsync(
            new Ec2FilteredRequest(Filters, "token-1", 100), ct)),
        Ec2("DeleteSecurityGroup", nameof(IEc2Client.DeleteSecurityGroupAsync), (c, ct) => c.DeleteSecurityGroupAsync(GroupId, ct)),
        Ec2("DescribeNetworkInterfaces", nameof(IEc2Client.DescribeNetworkInterfacesAsync), (c, ct) => c.DescribeNetworkInterfacesAsync(
            new Ec2FilteredRequest(Filters, "token-1", 100), ct)),
        Ec2("CreateTags", nameof(IEc2Client.CreateTagsAsync), (c, ct) => c.CreateTagsAsync([GroupId, AlbGroupId], ResourceTags, ct)),
        Ec2("DeleteTags", nameof(IEc2Client.DeleteTagsAsync), (c, ct) => c.DeleteTagsAsync([GroupId, AlbGroupId], ["fargate-api:old", "cost-centre"], ct)),
        Ec2("DescribeVpcs", nameof(IEc2Client.DescribeVpcsAsync), (c, ct) => c.DescribeVpcsAsync(["vpc-0a1b2c3d", "vpc-4e5f6a7b"], "token-1", ct)),
        Ec2("DescribeSubnets", nameof(IEc2Client.DescribeSubnetsAsync), (c, ct) => c.DescribeSubnetsAsync(["subnet-0a1b2c3d", "subnet-4e5f6a7b"], "token-1", ct)),
    ];
}
