using FargateApi.Aws.Services.CloudWatchLogs;

namespace FargateApi.Simulation.Tests;

public sealed class IamAndLogsTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private const string TrustPolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private readonly SimulatedAws _aws = new();

    [Fact]
    public async Task Role_with_policies_cannot_be_deleted_until_they_are_removed()
    {
        var role = await _aws.Iam.CreateRoleAsync(new("proj-api-task-role", TrustPolicy, SimStack.TagsFor("s"), "/fargate-api/", PermissionsBoundary: "arn:aws:iam::123456789012:policy/boundary"), None);
        await _aws.Iam.PutRolePolicyAsync(role.RoleName, "app", """{"Version":"2012-10-17","Statement":[]}""", None);
        await _aws.Iam.AttachRolePolicyAsync(role.RoleName, "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy", None);

        var inline = await Errors.Expect("DeleteConflict", () => _aws.Iam.DeleteRoleAsync(role.RoleName, None));
        Assert.Equal("Cannot delete entity, must delete policies first.", inline.ErrorMessage);
        await _aws.Iam.DeleteRolePolicyAsync(role.RoleName, "app", None);
        var attached = await Errors.Expect("DeleteConflict", () => _aws.Iam.DeleteRoleAsync(role.RoleName, None));
        Assert.Equal("Cannot delete entity, must detach all policies first.", attached.ErrorMessage);
        var policies = await _aws.Iam.ListAttachedRolePoliciesAsync(role.RoleName, null, None);
        Assert.Equal("AmazonECSTaskExecutionRolePolicy", Assert.Single(policies.Items).PolicyName);
        await _aws.Iam.DetachRolePolicyAsync(role.RoleName, policies.Items[0].PolicyArn, None);
        await _aws.Iam.DeleteRoleAsync(role.RoleName, None);

        var error = await Errors.Expect("NoSuchEntity", () => _aws.Iam.GetRoleAsync(role.RoleName, None));
        Assert.Equal("The role with name proj-api-task-role cannot be found.", error.ErrorMessage);
    }

    [Fact]
    public async Task Role_keeps_its_path_boundary_and_tags()
    {
        await _aws.Iam.CreateRoleAsync(new("proj-api-exec-role", TrustPolicy, SimStack.TagsFor("stack-3"), "/fargate-api/", PermissionsBoundary: "arn:aws:iam::123456789012:policy/boundary"), None);
        await _aws.Iam.TagRoleAsync("proj-api-exec-role", new Dictionary<string, string> { ["team"] = "a" }, None);

        var role = await _aws.Iam.GetRoleAsync("proj-api-exec-role", None);
        var tags = await _aws.Iam.ListRoleTagsAsync("proj-api-exec-role", null, None);

        Assert.Equal("arn:aws:iam::123456789012:role/fargate-api/proj-api-exec-role", role.Arn);
        Assert.Equal("arn:aws:iam::123456789012:policy/boundary", role.PermissionsBoundaryArn);
        Assert.Equal(2, tags.Items.Count);
    }

    [Fact]
    public async Task Policy_that_is_not_json_is_MalformedPolicyDocument()
    {
        await Errors.Expect("MalformedPolicyDocument", () => _aws.Iam.CreateRoleAsync(new("r", "{not json", SimStack.TagsFor("s")), None));
    }

    [Fact]
    public async Task Log_group_retention_must_be_an_allowed_value_and_missing_groups_are_ResourceNotFoundException()
    {
        await _aws.Logs.CreateLogGroupAsync("/ecs/proj/api", SimStack.TagsFor("s"), None);

        await Errors.Expect("InvalidParameterException", () => _aws.Logs.PutRetentionPolicyAsync("/ecs/proj/api", 8, None));
        await _aws.Logs.PutRetentionPolicyAsync("/ecs/proj/api", 7, None);
        var group = Assert.Single((await _aws.Logs.DescribeLogGroupsAsync(new() { LogGroupNamePrefix = "/ecs/proj/" }, None)).LogGroups);
        Assert.Equal(7, group.RetentionInDays);
        Assert.Equal("arn:aws:logs:us-east-1:123456789012:log-group:/ecs/proj/api:*", group.Arn);

        await _aws.Logs.TagResourceAsync(LogsLimits.TaggableArn(group.Arn!), new Dictionary<string, string> { ["team"] = "a" }, None);
        Assert.Equal(2, (await _aws.Logs.ListTagsForResourceAsync(group.LogGroupArn!, None)).Count);

        await _aws.Logs.DeleteLogGroupAsync("/ecs/proj/api", None);
        var error = await Errors.Expect("ResourceNotFoundException", () => _aws.Logs.DeleteLogGroupAsync("/ecs/proj/api", None));
        Assert.Equal("The specified log group does not exist.", error.ErrorMessage);
    }
}
