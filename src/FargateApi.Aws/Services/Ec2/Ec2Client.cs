using System.Xml.Linq;
using FargateApi.Aws.Http;
using FargateApi.Aws.Protocols;

namespace FargateApi.Aws.Services.Ec2;

/// <summary>
/// EC2 over the ec2Query protocol (version 2016-11-15). Wire names follow the model's serialization rules: a member's
/// queryName, else its locationName with the first letter upper-cased, else its name; lists are always flat
/// (<c>GroupId.1</c>), whatever the list member's locationName. So IpPermission.UserIdGroupPairs (locationName "groups")
/// is <c>IpPermissions.1.Groups.1.GroupId</c>, and CreateSecurityGroup's Description (locationName "GroupDescription") is
/// <c>GroupDescription</c>. See https://smithy.io/2.0/aws/protocols/aws-ec2-query-protocol.html#query-key-resolution.
/// </summary>
internal sealed class Ec2Client(IAwsCaller caller) : IEc2Client
{
    private static readonly AwsService Service = AwsServices.Ec2;

    /// <summary>TagSpecification.ResourceType (ResourceType enum in the model).</summary>
    private const string SecurityGroupResourceType = "security-group";

    public async Task<string> CreateSecurityGroupAsync(CreateSecurityGroupRequest request, CancellationToken cancellationToken)
    {
        var p = Parameters("CreateSecurityGroup")
            .Add("GroupDescription", request.Description)
            .Add("GroupName", request.GroupName)
            .Add("VpcId", request.VpcId);
        if (request.Tags.Count > 0)
        {
            var spec = p.Entry("TagSpecification", 1);
            p.Add(spec + ".ResourceType", SecurityGroupResourceType).AddKeyValues(spec + ".Tag", request.Tags);
        }

        var result = await CallAsync(p, cancellationToken).ConfigureAwait(false);
        return result.RequiredText("groupId");
    }

    public async Task<IReadOnlyList<SecurityGroupRule>> AuthorizeSecurityGroupIngressAsync(string groupId, IReadOnlyList<IpPermission> permissions, CancellationToken cancellationToken)
    {
        var p = Parameters("AuthorizeSecurityGroupIngress").Add("GroupId", groupId);
        AddPermissions(p, permissions);
        var result = await CallAsync(p, cancellationToken).ConfigureAwait(false);
        return [.. result.List("securityGroupRuleSet").Select(Ec2Xml.SecurityGroupRule)];
    }

    public Task RevokeSecurityGroupIngressAsync(string groupId, IReadOnlyList<IpPermission> permissions, CancellationToken cancellationToken)
    {
        var p = Parameters("RevokeSecurityGroupIngress").Add("GroupId", groupId);
        AddPermissions(p, permissions);
        return CallAsync(p, cancellationToken);
    }

    public async Task<SecurityGroupPage> DescribeSecurityGroupsAsync(DescribeSecurityGroupsRequest request, CancellationToken cancellationToken)
    {
        var p = Parameters("DescribeSecurityGroups").AddList("GroupId", request.GroupIds);
        AddFilters(p, request.Filters);
        p.Add("NextToken", request.NextToken).Add("MaxResults", request.MaxResults);
        var result = await CallAsync(p, cancellationToken).ConfigureAwait(false);
        return new SecurityGroupPage([.. result.List("securityGroupInfo").Select(Ec2Xml.SecurityGroup)], NextToken(result));
    }

    public async Task<SecurityGroupRulePage> DescribeSecurityGroupRulesAsync(Ec2FilteredRequest request, CancellationToken cancellationToken)
    {
        var result = await CallAsync(Filtered("DescribeSecurityGroupRules", request), cancellationToken).ConfigureAwait(false);
        return new SecurityGroupRulePage([.. result.List("securityGroupRuleSet").Select(Ec2Xml.SecurityGroupRule)], NextToken(result));
    }

    public Task DeleteSecurityGroupAsync(string groupId, CancellationToken cancellationToken)
        => CallAsync(Parameters("DeleteSecurityGroup").Add("GroupId", groupId), cancellationToken);

    public async Task<NetworkInterfacePage> DescribeNetworkInterfacesAsync(Ec2FilteredRequest request, CancellationToken cancellationToken)
    {
        var result = await CallAsync(Filtered("DescribeNetworkInterfaces", request), cancellationToken).ConfigureAwait(false);
        return new NetworkInterfacePage([.. result.List("networkInterfaceSet").Select(Ec2Xml.NetworkInterface)], NextToken(result));
    }

    public Task CreateTagsAsync(IReadOnlyList<string> resourceIds, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
        => CallAsync(Parameters("CreateTags").AddList("ResourceId", resourceIds).AddKeyValues("Tag", tags), cancellationToken);

    /// <summary>Each key as <c>Tag.N.Key</c> without a value: "If you specify a tag key without a tag value, we delete any tag with this key regardless of its value" (ec2 model, DeleteTagsRequest.Tags).</summary>
    public Task DeleteTagsAsync(IReadOnlyList<string> resourceIds, IReadOnlyList<string> tagKeys, CancellationToken cancellationToken)
    {
        CheckTagKeysToDelete(tagKeys);
        var p = Parameters("DeleteTags").AddList("ResourceId", resourceIds).AddEach("Tag", tagKeys, (q, prefix, key) => q.Add(prefix + ".Key", key));
        return CallAsync(p, cancellationToken);
    }

    /// <summary>
    /// "If you omit this parameter, we delete all user-defined tags for the specified resources" (ec2 model,
    /// DeleteTagsRequest.Tags), and the query protocol cannot send an empty list: no keys would strip the ownership tags.
    /// </summary>
    /// <exception cref="ArgumentException">No keys.</exception>
    public static void CheckTagKeysToDelete(IReadOnlyList<string> tagKeys)
    {
        if (tagKeys.Count == 0)
        {
            throw new ArgumentException("DeleteTags needs at least one tag key: without keys EC2 deletes every user tag of the resources.", nameof(tagKeys));
        }
    }

    public async Task<VpcPage> DescribeVpcsAsync(IReadOnlyList<string> vpcIds, string? nextToken, CancellationToken cancellationToken)
    {
        var result = await CallAsync(Parameters("DescribeVpcs").AddList("VpcId", vpcIds).Add("NextToken", nextToken), cancellationToken).ConfigureAwait(false);
        return new VpcPage([.. result.List("vpcSet").Select(Ec2Xml.Vpc)], NextToken(result));
    }

    public async Task<SubnetPage> DescribeSubnetsAsync(IReadOnlyList<string> subnetIds, string? nextToken, CancellationToken cancellationToken)
    {
        var result = await CallAsync(Parameters("DescribeSubnets").AddList("SubnetId", subnetIds).Add("NextToken", nextToken), cancellationToken).ConfigureAwait(false);
        return new SubnetPage([.. result.List("subnetSet").Select(Ec2Xml.Subnet)], NextToken(result));
    }

    private static QueryParameters Parameters(string action) => QueryProtocol.Parameters(Service, action);

    private Task<XElement> CallAsync(QueryParameters parameters, CancellationToken cancellationToken)
        => QueryProtocol.CallAsync(caller, Service, parameters, cancellationToken);

    /// <summary>An absent or empty nextToken both mean "last page".</summary>
    private static string? NextToken(XElement result) => result.Text("nextToken") is { Length: > 0 } token ? token : null;

    private static QueryParameters Filtered(string action, Ec2FilteredRequest request)
    {
        var p = Parameters(action);
        AddFilters(p, request.Filters);
        return p.Add("NextToken", request.NextToken).Add("MaxResults", request.MaxResults);
    }

    /// <summary>Filters (locationName Filter/filter → <c>Filter.N</c>), each with <c>Name</c> and <c>Value.M</c>.</summary>
    private static void AddFilters(QueryParameters p, IReadOnlyList<Ec2Filter>? filters)
        => p.AddEach("Filter", filters, (q, prefix, filter) => q.Add(prefix + ".Name", filter.Name).AddList(prefix + ".Value", filter.Values));

    private static void AddPermissions(QueryParameters p, IReadOnlyList<IpPermission> permissions)
        => p.AddEach("IpPermissions", permissions, (q, prefix, permission) => q
            .Add(prefix + ".IpProtocol", permission.IpProtocol)
            .Add(prefix + ".FromPort", permission.FromPort)
            .Add(prefix + ".ToPort", permission.ToPort)
            .AddEach(prefix + ".Groups", permission.UserIdGroupPairs, (r, pairPrefix, pair) => r
                .Add(pairPrefix + ".GroupId", pair.GroupId)
                .Add(pairPrefix + ".Description", pair.Description)));
}
