using FargateApi.Aws.Services.Ec2;
using FargateApi.Aws.Services.Ecs;
using FargateApi.Aws.Services.Iam;

namespace FargateApi.Simulation.Tests;

public sealed class UniqueNameTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly SimulatedAws _aws = new();
    private readonly SeededNetwork _network;

    public UniqueNameTests() => _network = _aws.SeedNetwork("proj");

    [Fact]
    public async Task Target_group_name_taken_with_other_settings_is_DuplicateTargetGroupName()
    {
        await _aws.ElasticLoadBalancing.CreateTargetGroupAsync(SimStack.TargetGroup("proj-api-tg", _network.VpcId, "/health"), None);

        var error = await Errors.Expect("DuplicateTargetGroupName",
            () => _aws.ElasticLoadBalancing.CreateTargetGroupAsync(SimStack.TargetGroup("proj-api-tg", _network.VpcId, "/other"), None));
        Assert.Contains("A target group with the same name 'proj-api-tg' exists, but with different settings", error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Target_group_created_again_with_the_same_settings_is_the_same_group()
    {
        var first = await _aws.ElasticLoadBalancing.CreateTargetGroupAsync(SimStack.TargetGroup("proj-api-tg", _network.VpcId), None);
        var second = await _aws.ElasticLoadBalancing.CreateTargetGroupAsync(SimStack.TargetGroup("proj-api-tg", _network.VpcId), None);

        Assert.Equal(first.TargetGroupArn, second.TargetGroupArn);
    }

    [Fact]
    public async Task Security_group_name_taken_in_the_vpc_is_InvalidGroup_Duplicate()
    {
        var request = new CreateSecurityGroupRequest("proj-api-ecs-sg", "tasks", _network.VpcId, SimStack.TagsFor("s"));
        await _aws.Ec2.CreateSecurityGroupAsync(request, None);

        var error = await Errors.Expect("InvalidGroup.Duplicate", () => _aws.Ec2.CreateSecurityGroupAsync(request, None));
        Assert.Equal($"The security group 'proj-api-ecs-sg' already exists for VPC '{_network.VpcId}'", error.ErrorMessage);
    }

    [Fact]
    public async Task Role_name_taken_is_EntityAlreadyExists_even_in_another_case()
    {
        await _aws.Iam.CreateRoleAsync(Role("proj-api-task-role"), None);

        var error = await Errors.Expect("EntityAlreadyExists", () => _aws.Iam.CreateRoleAsync(Role("PROJ-api-task-role"), None));
        Assert.Equal(409, error.HttpStatus);
    }

    [Fact]
    public async Task Log_group_name_taken_is_ResourceAlreadyExistsException()
    {
        await _aws.Logs.CreateLogGroupAsync("/ecs/proj/api", SimStack.TagsFor("s"), None);

        var error = await Errors.Expect("ResourceAlreadyExistsException", () => _aws.Logs.CreateLogGroupAsync("/ecs/proj/api", SimStack.TagsFor("s"), None));
        Assert.Equal("The specified log group already exists", error.ErrorMessage);
    }

    [Fact]
    public async Task Service_name_live_in_the_cluster_is_not_idempotent_without_the_same_client_token()
    {
        var stack = await SimStack.CreateAsync(_aws, _network);
        var request = SimStack.ServiceRequest(_network, stack.ServiceName, stack.TaskDefinitionArn, stack.TargetGroupArn, stack.SecurityGroupId, clientToken: "other-token");

        var error = await Errors.Expect("InvalidParameterException", () => _aws.Ecs.CreateServiceAsync(request, None));
        Assert.Equal("Creation of service was not idempotent.", error.ErrorMessage);

        var retried = await _aws.Ecs.CreateServiceAsync(request with { ClientToken = "token-1" }, None);
        Assert.Equal(stack.ServiceName, retried.ServiceName);
        Assert.Single(_aws.Snapshot().OfType("service"));
    }

    [Fact]
    public async Task Service_name_is_not_idempotent_while_draining_but_free_once_inactive()
    {
        var stack = await SimStack.CreateAsync(_aws, _network);
        await _aws.Ecs.DeleteServiceAsync(new DeleteServiceRequest(_network.ClusterName, stack.ServiceName, Force: true), None);
        var request = SimStack.ServiceRequest(_network, stack.ServiceName, stack.TaskDefinitionArn, stack.TargetGroupArn, stack.SecurityGroupId, clientToken: "second");

        await Errors.Expect("InvalidParameterException", () => _aws.Ecs.CreateServiceAsync(request, None));
        await stack.PollUntilAsync(_aws, s => s.Status == EcsValues.ServiceInactive);

        var recreated = await _aws.Ecs.CreateServiceAsync(request, None);
        Assert.Equal(EcsValues.ServiceActive, recreated.Status);
    }

    [Fact]
    public async Task Service_with_an_unknown_security_group_is_rejected_before_anything_is_created()
    {
        var stack = await SimStack.CreateAsync(_aws, _network);
        var request = SimStack.ServiceRequest(_network, "proj-other-service", stack.TaskDefinitionArn, stack.TargetGroupArn, "sg-00000000000000bad");

        var error = await Errors.Expect("InvalidParameterException", () => _aws.Ecs.CreateServiceAsync(request, None));

        Assert.StartsWith("Error retrieving security group information for [sg-00000000000000bad]", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Single(_aws.Snapshot().OfType("service"));
    }

    private static CreateRoleRequest Role(string name) =>
        new(name, """{"Version":"2012-10-17","Statement":[]}""", SimStack.TagsFor("s"), "/fargate-api/");
}
