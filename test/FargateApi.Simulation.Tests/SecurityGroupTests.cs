using FargateApi.Aws.Services.Ec2;
using FargateApi.Aws.Services.Ecs;

namespace FargateApi.Simulation.Tests;

public sealed class SecurityGroupTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Security_group_of_a_deleted_service_is_a_DependencyViolation_until_its_task_enis_drain()
    {
        var aws = new SimulatedAws(new SimulationOptions { EniLingerPolls = 3 });
        var network = aws.SeedNetwork("proj");
        var stack = await SimStack.CreateAsync(aws, network, desiredCount: 2);
        await stack.PollUntilAsync(aws, SimStack.IsStable);
        var enis = await aws.Ec2.DescribeNetworkInterfacesAsync(new([new Ec2Filter("group-id", [stack.SecurityGroupId])]), None);
        Assert.Equal(2, enis.NetworkInterfaces.Count);

        await aws.Ecs.DeleteServiceAsync(new DeleteServiceRequest(network.ClusterName, stack.ServiceName, Force: true), None);
        await stack.PollUntilAsync(aws, s => s.Status == EcsValues.ServiceInactive);

        var first = await Errors.Expect("DependencyViolation", () => aws.Ec2.DeleteSecurityGroupAsync(stack.SecurityGroupId, None));
        Assert.Equal($"resource {stack.SecurityGroupId} has a dependent object", first.ErrorMessage);
        await Errors.Expect("DependencyViolation", () => aws.Ec2.DeleteSecurityGroupAsync(stack.SecurityGroupId, None));
        await aws.Ec2.DeleteSecurityGroupAsync(stack.SecurityGroupId, None);

        var left = await aws.Ec2.DescribeNetworkInterfacesAsync(new([new Ec2Filter("group-id", [stack.SecurityGroupId])]), None);
        Assert.Empty(left.NetworkInterfaces);
        await Errors.Expect("InvalidGroup.NotFound", () => aws.Ec2.DeleteSecurityGroupAsync(stack.SecurityGroupId, None));
    }

    [Fact]
    public async Task Lingering_enis_also_vanish_once_their_simulated_time_is_up()
    {
        var clock = new ManualTimeProvider();
        var aws = new SimulatedAws(new SimulationOptions { EniLingerPolls = 1000, EniLingerTime = TimeSpan.FromMinutes(2), TimeProvider = clock });
        var network = aws.SeedNetwork("proj");
        var stack = await SimStack.CreateAsync(aws, network);
        await stack.PollUntilAsync(aws, SimStack.IsStable);
        await aws.Ecs.DeleteServiceAsync(new DeleteServiceRequest(network.ClusterName, stack.ServiceName, Force: true), None);

        await Errors.Expect("DependencyViolation", () => aws.Ec2.DeleteSecurityGroupAsync(stack.SecurityGroupId, None));
        clock.Advance(TimeSpan.FromMinutes(2));
        await aws.Ec2.DeleteSecurityGroupAsync(stack.SecurityGroupId, None);
    }

    [Fact]
    public async Task Security_group_referenced_by_another_groups_rule_is_a_DependencyViolation()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");
        var stack = await SimStack.CreateAsync(aws, network);

        await Errors.Expect("DependencyViolation", () => aws.Ec2.DeleteSecurityGroupAsync(network.AlbSecurityGroupId, None));
        Assert.NotNull(stack);
    }

    [Fact]
    public async Task A_security_group_name_starting_with_sg_dash_is_InvalidParameterValue_in_any_case()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");

        var error = await Errors.Expect("InvalidParameterValue", () => aws.Ec2.CreateSecurityGroupAsync(new("sg-api-ecs-sg", "tasks", network.VpcId, SimStack.TagsFor("s")), None));
        await Errors.Expect("InvalidParameterValue", () => aws.Ec2.CreateSecurityGroupAsync(new("SG-api", "tasks", network.VpcId, SimStack.TagsFor("s")), None));

        Assert.Equal("Value (sg-api-ecs-sg) for parameter GroupName is invalid. Group names may not be in the format sg-*.", error.ErrorMessage);
        Assert.StartsWith("sg-", await aws.Ec2.CreateSecurityGroupAsync(new("sgx-api-ecs-sg", "tasks", network.VpcId, SimStack.TagsFor("s")), None), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingress_rule_added_twice_is_InvalidPermission_Duplicate_and_revoked_twice_is_NotFound()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");
        var group = await aws.Ec2.CreateSecurityGroupAsync(new("proj-api-ecs-sg", "tasks", network.VpcId, SimStack.TagsFor("s")), None);
        IReadOnlyList<IpPermission> fromAlb = [new IpPermission("tcp", 8000, 8000, [new UserIdGroupPair(network.AlbSecurityGroupId)])];

        var added = await aws.Ec2.AuthorizeSecurityGroupIngressAsync(group, fromAlb, None);
        await Errors.Expect("InvalidPermission.Duplicate", () => aws.Ec2.AuthorizeSecurityGroupIngressAsync(group, fromAlb, None));

        var rule = Assert.Single(added);
        Assert.Equal(network.AlbSecurityGroupId, rule.ReferencedGroupId);
        var described = Assert.Single((await aws.Ec2.DescribeSecurityGroupsAsync(new() { GroupIds = [group] }, None)).SecurityGroups);
        Assert.Equal(network.AlbSecurityGroupId, Assert.Single(Assert.Single(described.IpPermissions).UserIdGroupPairs).GroupId);
        var rules = await aws.Ec2.DescribeSecurityGroupRulesAsync(new([new Ec2Filter("group-id", [group])]), None);
        Assert.Equal(2, rules.SecurityGroupRules.Count);

        await aws.Ec2.RevokeSecurityGroupIngressAsync(group, fromAlb, None);
        await Errors.Expect("InvalidPermission.NotFound", () => aws.Ec2.RevokeSecurityGroupIngressAsync(group, fromAlb, None));
    }

    [Fact]
    public async Task Security_groups_are_found_by_tag_filter_and_unknown_ids_are_InvalidGroup_NotFound()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");
        var group = await aws.Ec2.CreateSecurityGroupAsync(new("proj-api-ecs-sg", "tasks", network.VpcId, SimStack.TagsFor("stack-9")), None);

        var found = await aws.Ec2.DescribeSecurityGroupsAsync(new() { Filters = [Ec2Filter.Tag(SimStack.StackTag, "stack-9")] }, None);

        Assert.Equal(group, Assert.Single(found.SecurityGroups).GroupId);
        await Errors.Expect("InvalidGroup.NotFound", () => aws.Ec2.DescribeSecurityGroupsAsync(new() { GroupIds = ["sg-0000000000000dead"] }, None));
    }
}
