using FargateApi.Aws.Services.Ec2;
using FargateApi.Simulation.Authorization;
using FargateApi.Simulation.Authorization.Access;
using FargateApi.Simulation.Core;
using FargateApi.Simulation.Ec2;

namespace FargateApi.Simulation.Adapters;

/// <summary><see cref="IEc2Client"/> over the simulated state.</summary>
internal sealed class SimulatedEc2Client(SimulatedAws aws) : IEc2Client
{
    /// <summary>Describe* MaxResults upper bound for the EC2 APIs we page (1000, ec2 model documentation).</summary>
    private const int DefaultPageSize = 1000;

    private const string Service = SimServices.Ec2;
    private Ec2Store Store => aws.Stores.Ec2;

    public Task<string> CreateSecurityGroupAsync(CreateSecurityGroupRequest request, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "CreateSecurityGroup", request.GroupName, () => Ec2Access.CreateSecurityGroup(aws, request.VpcId, request.Tags),
            () => Store.CreateSecurityGroup(request.GroupName, request.Description, request.VpcId, request.Tags).GroupId, cancellationToken);

    public Task<IReadOnlyList<SecurityGroupRule>> AuthorizeSecurityGroupIngressAsync(string groupId, IReadOnlyList<IpPermission> permissions, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "AuthorizeSecurityGroupIngress", groupId, () => Ec2Access.OnResources(aws, "AuthorizeSecurityGroupIngress", [groupId]),
            () => (IReadOnlyList<SecurityGroupRule>)[.. Store.Authorize(groupId, egress: false, ToPermissions(permissions)).Select(r => ToRule(groupId, r))],
            cancellationToken);

    public Task RevokeSecurityGroupIngressAsync(string groupId, IReadOnlyList<IpPermission> permissions, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "RevokeSecurityGroupIngress", groupId, () => Ec2Access.OnResources(aws, "RevokeSecurityGroupIngress", [groupId]),
            () => Store.Revoke(groupId, egress: false, ToPermissions(permissions)), cancellationToken);

    public Task<SecurityGroupPage> DescribeSecurityGroupsAsync(DescribeSecurityGroupsRequest request, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DescribeSecurityGroups", request.GroupIds is { Count: > 0 } ids ? string.Join(',', ids) : FilterKey(request.Filters), () => Ec2Access.NoResourceType("DescribeSecurityGroups"), () =>
        {
            var groups = Store.DescribeSecurityGroups(request.GroupIds, ToFilters(request.Filters)).Select(ToGroup).ToList();
            var (items, next) = Paging.Page(groups, request.NextToken, request.MaxResults, DefaultPageSize);
            return new SecurityGroupPage(items, next);
        }, cancellationToken);

    public Task<SecurityGroupRulePage> DescribeSecurityGroupRulesAsync(Ec2FilteredRequest request, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DescribeSecurityGroupRules", FilterKey(request.Filters), () => Ec2Access.NoResourceType("DescribeSecurityGroupRules"), () =>
        {
            var filters = ToFilters(request.Filters);
            var rules = Store.SecurityGroups
                .SelectMany(g => g.Rules.Select(r => (Group: g, Rule: r)))
                .Where(x => Ec2Filters.Match(filters, name => name switch
                {
                    "group-id" => [x.Group.GroupId],
                    "security-group-rule-id" => [x.Rule.RuleId],
                    _ => Ec2Filters.Tags(x.Group.Tags, name),
                }))
                .Select(x => ToRule(x.Group.GroupId, x.Rule))
                .ToList();
            var (items, next) = Paging.Page(rules, request.NextToken, request.MaxResults, DefaultPageSize);
            return new SecurityGroupRulePage(items, next);
        }, cancellationToken);

    public Task DeleteSecurityGroupAsync(string groupId, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DeleteSecurityGroup", groupId, () => Ec2Access.OnResources(aws, "DeleteSecurityGroup", [groupId]), () => Store.DeleteSecurityGroup(groupId), cancellationToken);

    public Task<NetworkInterfacePage> DescribeNetworkInterfacesAsync(Ec2FilteredRequest request, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DescribeNetworkInterfaces", FilterKey(request.Filters), () => Ec2Access.NoResourceType("DescribeNetworkInterfaces"), () =>
        {
            var enis = Store.DescribeNetworkInterfaces(ToFilters(request.Filters))
                .Select(e => new NetworkInterface(e.NetworkInterfaceId, e.Status, "interface", e.Description, e.SubnetId, e.VpcId, e.GroupIds))
                .ToList();
            var (items, next) = Paging.Page(enis, request.NextToken, request.MaxResults, DefaultPageSize);
            return new NetworkInterfacePage(items, next);
        }, cancellationToken);

    public Task CreateTagsAsync(IReadOnlyList<string> resourceIds, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "CreateTags", string.Join(',', resourceIds), () => Ec2Access.OnResources(aws, "CreateTags", resourceIds, () => new RequestContext().RequestTags(tags)), () =>
        {
            var resources = resourceIds.Select(id => Store.RequireTaggable(id, "CreateTags")).ToList();
            resources.ForEach(r => r.MergeTags(tags));
        }, cancellationToken);

    /// <summary>
    /// Every resource must exist before any tag goes (as CreateTags); keys a resource lacks are ignored. No keys is refused
    /// as the HTTP client refuses it, since EC2 would then delete every user tag.
    /// </summary>
    public Task DeleteTagsAsync(IReadOnlyList<string> resourceIds, IReadOnlyList<string> tagKeys, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DeleteTags", string.Join(',', resourceIds), () => Ec2Access.OnResources(aws, "DeleteTags", resourceIds, () => new RequestContext().TagKeys(tagKeys)), () =>
        {
            Ec2Client.CheckTagKeysToDelete(tagKeys);
            var resources = resourceIds.Select(id => Store.RequireTaggable(id, "DeleteTags")).ToList();
            resources.ForEach(r => r.RemoveTags(tagKeys));
        }, cancellationToken);

    public Task<VpcPage> DescribeVpcsAsync(IReadOnlyList<string> vpcIds, string? nextToken, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DescribeVpcs", string.Join(',', vpcIds), () => Ec2Access.NoResourceType("DescribeVpcs"), () =>
        {
            var vpcs = Store.DescribeVpcs(vpcIds);
            foreach (var missing in vpcIds.Where(id => vpcs.All(v => v.VpcId != id)))
            {
                throw AwsErrors.Create(Service, "DescribeVpcs", "InvalidVpcID.NotFound", $"The vpc ID '{missing}' does not exist");
            }

            return new VpcPage([.. vpcs.Select(v => new Vpc(v.VpcId, "available", v.CidrBlock, IsDefault: false))], null);
        }, cancellationToken);

    public Task<SubnetPage> DescribeSubnetsAsync(IReadOnlyList<string> subnetIds, string? nextToken, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DescribeSubnets", string.Join(',', subnetIds), () => Ec2Access.NoResourceType("DescribeSubnets"), () =>
        {
            var subnets = Store.DescribeSubnets(subnetIds, null);
            foreach (var missing in subnetIds.Where(id => subnets.All(s => s.SubnetId != id)))
            {
                throw AwsErrors.Create(Service, "DescribeSubnets", "InvalidSubnetID.NotFound", $"The subnet ID '{missing}' does not exist");
            }

            return new SubnetPage([.. subnets.Select(s => new Subnet(s.SubnetId, s.VpcId, s.AvailabilityZone, "available"))], null);
        }, cancellationToken);

    private static List<SimPermission> ToPermissions(IReadOnlyList<IpPermission> permissions) =>
        [.. permissions.SelectMany(p => p.UserIdGroupPairs.Select(pair => new SimPermission(p.IpProtocol, p.FromPort, p.ToPort, null, pair.GroupId, pair.Description)))];

    private static Dictionary<string, IReadOnlyList<string>>? ToFilters(IReadOnlyList<Ec2Filter>? filters) =>
        filters is null ? null : filters.GroupBy(f => f.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.SelectMany(f => f.Values)], StringComparer.Ordinal);

    private static string FilterKey(IReadOnlyList<Ec2Filter>? filters) =>
        filters is { Count: > 0 } ? string.Join(';', filters.Select(f => $"{f.Name}={string.Join(',', f.Values)}")) : "*";

    private static SecurityGroupRule ToRule(string groupId, SimRule rule) => new(
        rule.RuleId, groupId, rule.IsEgress, rule.Permission.Protocol, rule.Permission.FromPort ?? -1, rule.Permission.ToPort ?? -1,
        rule.Permission.CidrIpv4, rule.Permission.GroupId, rule.Permission.Description);

    /// <summary>
    /// Ingress rules grouped as EC2 does (one IpPermission per protocol and port range). <see cref="IpPermission"/> here
    /// carries peer groups only, so CIDR rules (the seeded ALB group's) are not listed.
    /// </summary>
    private SecurityGroup ToGroup(SimSecurityGroup group) => new(
        group.GroupId,
        group.GroupName,
        group.Description,
        group.VpcId,
        aws.Options.AccountId,
        new Dictionary<string, string>(group.Tags, StringComparer.Ordinal),
        [.. group.Rules
            .Where(r => !r.IsEgress && r.Permission.GroupId is not null)
            .GroupBy(r => (r.Permission.Protocol, r.Permission.FromPort, r.Permission.ToPort))
            .Select(g => new IpPermission(g.Key.Protocol, g.Key.FromPort, g.Key.ToPort,
                [.. g.Select(r => new UserIdGroupPair(r.Permission.GroupId!, r.Permission.Description))]))]);
}
