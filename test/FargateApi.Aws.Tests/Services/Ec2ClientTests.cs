using FargateApi.Aws.Services.Ec2;

namespace FargateApi.Aws.Tests.Services;

public class Ec2ClientTests
{
    private const string Ns = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private readonly RecordingCaller _caller = new();
    private readonly Ec2Client _client;

    public Ec2ClientTests() => _client = new Ec2Client(_caller);

    [Fact]
    public async Task Create_security_group_uses_ec2_names_and_one_tag_specification()
    {
        _caller.Answer($"""<CreateSecurityGroupResponse xmlns="{Ns}"><requestId>r</requestId><return>true</return><groupId>sg-0123</groupId><securityGroupArn>arn:sg</securityGroupArn></CreateSecurityGroupResponse>""");

        var groupId = await _client.CreateSecurityGroupAsync(
            new CreateSecurityGroupRequest("p-web-sg", "Tasks of web: only the ALB may connect", "vpc-1", new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }),
            CancellationToken.None);

        Assert.Equal(
            [
                "Action=CreateSecurityGroup", "Version=2016-11-15", "GroupDescription=Tasks of web: only the ALB may connect", "GroupName=p-web-sg", "VpcId=vpc-1",
                "TagSpecification.1.ResourceType=security-group", "TagSpecification.1.Tag.1.Key=a", "TagSpecification.1.Tag.1.Value=1",
                "TagSpecification.1.Tag.2.Key=b", "TagSpecification.1.Tag.2.Value=2",
            ],
            _caller.LastFormLines());
        Assert.Equal("sg-0123", groupId);
    }

    [Fact]
    public async Task Authorize_ingress_from_the_alb_group_encodes_groups_by_their_location_name()
    {
        _caller.Answer($"""
            <AuthorizeSecurityGroupIngressResponse xmlns="{Ns}"><requestId>r</requestId><return>true</return>
              <securityGroupRuleSet><item><securityGroupRuleId>sgr-1</securityGroupRuleId><groupId>sg-task</groupId><groupOwnerId>1</groupOwnerId>
                <isEgress>false</isEgress><ipProtocol>tcp</ipProtocol><fromPort>8000</fromPort><toPort>8000</toPort>
                <referencedGroupInfo><groupId>sg-alb</groupId><userId>1</userId></referencedGroupInfo><description>from ALB</description></item></securityGroupRuleSet>
            </AuthorizeSecurityGroupIngressResponse>
            """);

        var rules = await _client.AuthorizeSecurityGroupIngressAsync("sg-task", [new IpPermission("tcp", 8000, 8000, [new UserIdGroupPair("sg-alb", "from ALB")])], CancellationToken.None);

        Assert.Equal(
            [
                "Action=AuthorizeSecurityGroupIngress", "Version=2016-11-15", "GroupId=sg-task",
                "IpPermissions.1.IpProtocol=tcp", "IpPermissions.1.FromPort=8000", "IpPermissions.1.ToPort=8000",
                "IpPermissions.1.Groups.1.GroupId=sg-alb", "IpPermissions.1.Groups.1.Description=from ALB",
            ],
            _caller.LastFormLines());
        Assert.Equal(new SecurityGroupRule("sgr-1", "sg-task", false, "tcp", 8000, 8000, null, "sg-alb", "from ALB"), Assert.Single(rules));
    }

    [Fact]
    public async Task Describe_security_groups_reads_items_tag_sets_and_permissions()
    {
        _caller.Answer($"""
            <DescribeSecurityGroupsResponse xmlns="{Ns}">
              <requestId>r</requestId>
              <securityGroupInfo>
                <item>
                  <ownerId>1</ownerId><groupId>sg-task</groupId><groupName>p-web-sg</groupName><groupDescription>d</groupDescription><vpcId>vpc-1</vpcId>
                  <ipPermissions><item><ipProtocol>tcp</ipProtocol><fromPort>8000</fromPort><toPort>8000</toPort>
                    <groups><item><userId>1</userId><groupId>sg-alb</groupId></item></groups><ipRanges/><ipv6Ranges/><prefixListIds/></item></ipPermissions>
                  <ipPermissionsEgress><item><ipProtocol>-1</ipProtocol><groups/><ipRanges><item><cidrIp>0.0.0.0/0</cidrIp></item></ipRanges></item></ipPermissionsEgress>
                  <tagSet><item><key>fargate-api:stack</key><value>s</value></item></tagSet>
                </item>
                <item><ownerId>1</ownerId><groupId>sg-bare</groupId><groupName>bare</groupName><vpcId>vpc-1</vpcId><ipPermissions/></item>
              </securityGroupInfo>
            </DescribeSecurityGroupsResponse>
            """);

        var page = await _client.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [Ec2Filter.Tag("fargate-api:stack", "s"), new Ec2Filter("vpc-id", ["vpc-1"])] }, CancellationToken.None);

        Assert.Equal(
            ["Action=DescribeSecurityGroups", "Version=2016-11-15", "Filter.1.Name=tag:fargate-api:stack", "Filter.1.Value.1=s", "Filter.2.Name=vpc-id", "Filter.2.Value.1=vpc-1"],
            _caller.LastFormLines());
        Assert.Null(page.NextToken);
        Assert.Equal(2, page.SecurityGroups.Count);
        var task = page.SecurityGroups[0];
        Assert.Equal(("sg-task", "p-web-sg", "vpc-1", "s"), (task.GroupId, task.GroupName, task.VpcId, task.Tags["fargate-api:stack"]));
        var permission = Assert.Single(task.IpPermissions);
        Assert.Equal(("tcp", 8000, 8000, "sg-alb"), (permission.IpProtocol, permission.FromPort, permission.ToPort, Assert.Single(permission.UserIdGroupPairs).GroupId));
        Assert.Empty(page.SecurityGroups[1].Tags);
        Assert.Empty(page.SecurityGroups[1].IpPermissions);
    }

    [Fact]
    public async Task Describe_all_security_groups_by_id_follows_next_tokens_across_three_pages()
    {
        string Page(string id, string? next) => $"""<DescribeSecurityGroupsResponse xmlns="{Ns}"><securityGroupInfo><item><groupId>{id}</groupId></item></securityGroupInfo>{(next is null ? "" : $"<nextToken>{next}</nextToken>")}</DescribeSecurityGroupsResponse>""";
        _caller.Answer(Page("sg-1", "t1")).Answer(Page("sg-2", "t2")).Answer(Page("sg-3", null));

        var groups = await _client.DescribeAllSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = ["sg-1", "sg-2", "sg-3"] }, CancellationToken.None).ToListAsync();

        Assert.Equal(["sg-1", "sg-2", "sg-3"], groups.Select(g => g.GroupId));
        Assert.Equal(["Action=DescribeSecurityGroups", "Version=2016-11-15", "GroupId.1=sg-1", "GroupId.2=sg-2", "GroupId.3=sg-3", "NextToken=t2"], _caller.LastFormLines());
    }

    [Fact]
    public async Task Network_interfaces_of_a_group_are_found_by_filter()
    {
        _caller.Answer($"""
            <DescribeNetworkInterfacesResponse xmlns="{Ns}"><requestId>r</requestId><networkInterfaceSet>
              <item><networkInterfaceId>eni-1</networkInterfaceId><subnetId>subnet-1</subnetId><vpcId>vpc-1</vpcId><description>arn:aws:ecs:eu-west-1:1:attachment/x</description>
                <status>in-use</status><interfaceType>interface</interfaceType><groupSet><item><groupId>sg-task</groupId><groupName>p-web-sg</groupName></item></groupSet><tagSet/></item>
            </networkInterfaceSet></DescribeNetworkInterfacesResponse>
            """);

        var enis = await _client.DescribeAllNetworkInterfacesAsync([new Ec2Filter("group-id", ["sg-task"])], CancellationToken.None).ToListAsync();

        Assert.Equal(["Action=DescribeNetworkInterfaces", "Version=2016-11-15", "Filter.1.Name=group-id", "Filter.1.Value.1=sg-task"], _caller.LastFormLines());
        var eni = Assert.Single(enis);
        Assert.Equal(("eni-1", "in-use", "sg-task"), (eni.NetworkInterfaceId, eni.Status, Assert.Single(eni.GroupIds)));
    }

    [Fact]
    public async Task Subnets_and_vpcs_are_described_by_id()
    {
        _caller.Answer($"""<DescribeSubnetsResponse xmlns="{Ns}"><subnetSet><item><subnetId>subnet-1</subnetId><vpcId>vpc-1</vpcId><availabilityZone>eu-west-1a</availabilityZone><state>available</state></item><item><subnetId>subnet-2</subnetId><vpcId>vpc-2</vpcId></item></subnetSet></DescribeSubnetsResponse>""")
            .Answer($"""<DescribeVpcsResponse xmlns="{Ns}"><vpcSet><item><vpcId>vpc-1</vpcId><state>available</state><cidrBlock>10.0.0.0/16</cidrBlock><isDefault>false</isDefault></item></vpcSet></DescribeVpcsResponse>""");

        var subnets = await _client.DescribeAllSubnetsAsync(["subnet-1", "subnet-2"], CancellationToken.None).ToListAsync();
        Assert.Equal(["Action=DescribeSubnets", "Version=2016-11-15", "SubnetId.1=subnet-1", "SubnetId.2=subnet-2"], _caller.LastFormLines());
        var vpcs = await _client.DescribeAllVpcsAsync(["vpc-1"], CancellationToken.None).ToListAsync();

        Assert.Equal(["vpc-1", "vpc-2"], subnets.Select(s => s.VpcId));
        Assert.Equal(new Vpc("vpc-1", "available", "10.0.0.0/16", false), Assert.Single(vpcs));
    }

    [Fact]
    public async Task Security_group_rules_tags_revoke_and_delete_use_ec2_list_names()
    {
        await _client.DescribeSecurityGroupRulesAsync(new Ec2FilteredRequest([new Ec2Filter("group-id", ["sg-task"])]), CancellationToken.None);
        Assert.Equal(["Action=DescribeSecurityGroupRules", "Version=2016-11-15", "Filter.1.Name=group-id", "Filter.1.Value.1=sg-task"], _caller.LastFormLines());

        await _client.CreateTagsAsync(["sg-task"], new Dictionary<string, string> { ["k"] = "v" }, CancellationToken.None);
        Assert.Equal(["Action=CreateTags", "Version=2016-11-15", "ResourceId.1=sg-task", "Tag.1.Key=k", "Tag.1.Value=v"], _caller.LastFormLines());

        await _client.RevokeSecurityGroupIngressAsync("sg-task", [new IpPermission("tcp", 80, 80, [new UserIdGroupPair("sg-alb")])], CancellationToken.None);
        Assert.Equal(
            ["Action=RevokeSecurityGroupIngress", "Version=2016-11-15", "GroupId=sg-task", "IpPermissions.1.IpProtocol=tcp", "IpPermissions.1.FromPort=80", "IpPermissions.1.ToPort=80", "IpPermissions.1.Groups.1.GroupId=sg-alb"],
            _caller.LastFormLines());

        await _client.DeleteSecurityGroupAsync("sg-task", CancellationToken.None);
        Assert.Equal(["Action=DeleteSecurityGroup", "Version=2016-11-15", "GroupId=sg-task"], _caller.LastFormLines());
    }

    [Fact]
    public async Task Delete_tags_sends_keys_without_values_so_any_value_goes()
    {
        await _client.DeleteTagsAsync(["sg-task", "sg-other"], ["cost-centre", "team"], CancellationToken.None);

        Assert.Equal(
            ["Action=DeleteTags", "Version=2016-11-15", "ResourceId.1=sg-task", "ResourceId.2=sg-other", "Tag.1.Key=cost-centre", "Tag.2.Key=team"],
            _caller.LastFormLines());
    }

    [Fact]
    public async Task Delete_tags_without_keys_is_refused_because_ec2_would_delete_every_tag()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _client.DeleteTagsAsync(["sg-task"], [], CancellationToken.None));

        Assert.Contains("at least one tag key", error.Message, StringComparison.Ordinal);
        Assert.Empty(_caller.Calls);
    }
}
