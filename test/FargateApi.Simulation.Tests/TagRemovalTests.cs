using FargateApi.Aws.Services.Ec2;

namespace FargateApi.Simulation.Tests;

/// <summary>The untag calls of IAM and EC2: only the named keys go, keys a resource lacks are no error, missing resources are.</summary>
public sealed class TagRemovalTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private const string TrustPolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private static Dictionary<string, string> Tags() => new() { [SimStack.StackTag] = "s", ["team"] = "a", ["cost-centre"] = "42" };

    [Fact]
    public async Task Untag_role_removes_only_the_named_keys_and_a_missing_role_is_NoSuchEntity()
    {
        var aws = new SimulatedAws();
        await aws.Iam.CreateRoleAsync(new("proj-api-task-role", TrustPolicy, Tags()), None);

        await aws.Iam.UntagRoleAsync("proj-api-task-role", ["team", "never-set"], None);

        var left = await aws.Iam.ListRoleTagsAsync("proj-api-task-role", null, None);
        Assert.Equal([SimStack.StackTag, "cost-centre"], left.Items.Select(t => t.Key).Order(StringComparer.Ordinal));
        var error = await Errors.Expect("NoSuchEntity", () => aws.Iam.UntagRoleAsync("proj-gone-role", ["team"], None));
        Assert.Equal("The role with name proj-gone-role cannot be found.", error.ErrorMessage);
    }

    [Fact]
    public async Task Untag_role_without_keys_is_refused_as_the_http_client_refuses_it()
    {
        var aws = new SimulatedAws();
        await aws.Iam.CreateRoleAsync(new("proj-api-task-role", TrustPolicy, Tags()), None);

        await Assert.ThrowsAsync<ArgumentException>(() => aws.Iam.UntagRoleAsync("proj-api-task-role", [], None));

        Assert.Equal(3, (await aws.Iam.ListRoleTagsAsync("proj-api-task-role", null, None)).Items.Count);
    }

    [Fact]
    public async Task Delete_tags_removes_the_keys_from_every_resource_named()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");
        var first = await aws.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest("proj-a-ecs-sg", "tasks", network.VpcId, Tags()), None);
        var second = await aws.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest("proj-b-ecs-sg", "tasks", network.VpcId, Tags()), None);

        await aws.Ec2.DeleteTagsAsync([first, second], ["team", "never-set"], None);

        var groups = await aws.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [first, second] }, None);
        Assert.Equal(2, groups.SecurityGroups.Count);
        Assert.All(groups.SecurityGroups, g => Assert.Equal([SimStack.StackTag, "cost-centre"], g.Tags.Keys.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task Delete_tags_naming_an_unknown_resource_changes_none()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");
        var group = await aws.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest("proj-a-ecs-sg", "tasks", network.VpcId, Tags()), None);

        await Errors.Expect("InvalidID", () => aws.Ec2.DeleteTagsAsync([group, "sg-0000000000000000f"], ["team"], None));

        var described = Assert.Single((await aws.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [group] }, None)).SecurityGroups);
        Assert.Equal("a", described.Tags["team"]);
    }

    [Fact]
    public async Task Delete_tags_without_keys_is_refused_instead_of_deleting_every_tag()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");
        var group = await aws.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest("proj-a-ecs-sg", "tasks", network.VpcId, Tags()), None);

        await Assert.ThrowsAsync<ArgumentException>(() => aws.Ec2.DeleteTagsAsync([group], [], None));

        var described = Assert.Single((await aws.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [group] }, None)).SecurityGroups);
        Assert.Equal(3, described.Tags.Count);
    }
}
