using FargateApi.Aws.Services.Ecs;
using FargateApi.Simulation.Ecs;

namespace FargateApi.Simulation.Tests;

public sealed class TaskDefinitionTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [InlineData(256, 512, true)]
    [InlineData(256, 2048, true)]
    [InlineData(256, 4096, false)]
    [InlineData(512, 512, false)]
    [InlineData(1024, 1024, false)]
    [InlineData(1024, 8192, true)]
    [InlineData(4096, 30720, true)]
    [InlineData(4096, 31744, false)]
    [InlineData(8192, 20480, true)]
    [InlineData(8192, 18432, false)]
    [InlineData(16384, 40960, true)]
    [InlineData(16384, 36864, false)]
    [InlineData(300, 1024, false)]
    public void Fargate_sizes_follow_the_ecs_table(int cpu, int memory, bool valid) =>
        Assert.Equal(valid, FargateTaskSize.IsValid(cpu, memory));

    [Fact]
    public async Task Fargate_size_that_does_not_exist_is_a_ClientException_naming_the_values()
    {
        var aws = new SimulatedAws();

        var error = await Errors.Expect("ClientException",
            () => aws.Ecs.RegisterTaskDefinitionAsync(SimStack.TaskDefinition("proj-api-task", cpu: "1024", memory: "1024"), None));

        Assert.Equal("No Fargate configuration exists for given values: 1024 CPU, 1024 memory. See the Amazon ECS documentation for the valid values.", error.ErrorMessage);
    }

    [Fact]
    public async Task Vcpu_and_gb_strings_are_accepted_like_units_and_mib()
    {
        var aws = new SimulatedAws();

        var definition = await aws.Ecs.RegisterTaskDefinitionAsync(SimStack.TaskDefinition("proj-api-task", cpu: "1 vCPU", memory: "2 GB"), None);

        Assert.Equal(1, definition.Revision);
    }

    [Fact]
    public async Task Awslogs_without_an_execution_role_is_a_ClientException()
    {
        var aws = new SimulatedAws();

        await Errors.Expect("ClientException",
            () => aws.Ecs.RegisterTaskDefinitionAsync(SimStack.TaskDefinition("proj-api-task") with { ExecutionRoleArn = null }, None));
    }

    [Fact]
    public async Task Revisions_count_up_per_family_and_deregistered_ones_turn_inactive()
    {
        var aws = new SimulatedAws();
        var first = await aws.Ecs.RegisterTaskDefinitionAsync(SimStack.TaskDefinition("proj-api-task"), None);
        var second = await aws.Ecs.RegisterTaskDefinitionAsync(SimStack.TaskDefinition("proj-api-task", "nginx:2"), None);
        await aws.Ecs.RegisterTaskDefinitionAsync(SimStack.TaskDefinition("proj-web-task"), None);

        var deregistered = await aws.Ecs.DeregisterTaskDefinitionAsync(first.TaskDefinitionArn!, None);
        var active = await aws.Ecs.ListTaskDefinitionsAsync(new() { FamilyPrefix = "proj-api" }, None);
        var inactive = await aws.Ecs.ListTaskDefinitionsAsync(new() { FamilyPrefix = "proj-api", Status = EcsValues.TaskDefinitionInactive }, None);
        var latest = await aws.Ecs.DescribeTaskDefinitionAsync("proj-api-task", None);

        Assert.Equal((1, 2), (first.Revision, second.Revision));
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:task-definition/proj-api-task:2", second.TaskDefinitionArn);
        Assert.Equal(EcsValues.TaskDefinitionInactive, deregistered.Status);
        Assert.Equal([second.TaskDefinitionArn!], active.TaskDefinitionArns);
        Assert.Equal([first.TaskDefinitionArn!], inactive.TaskDefinitionArns);
        Assert.Equal("nginx:2", latest.TaskDefinition!.ContainerDefinitions[0].Image);
    }

    [Fact]
    public async Task Unknown_task_definition_cannot_be_described()
    {
        var aws = new SimulatedAws();

        var error = await Errors.Expect("ClientException", () => aws.Ecs.DescribeTaskDefinitionAsync("proj-nope:3", None));
        Assert.Equal("Unable to describe task definition.", error.ErrorMessage);
    }

    [Fact]
    public async Task Task_definition_tags_come_back_with_describe()
    {
        var aws = new SimulatedAws();
        var registered = await aws.Ecs.RegisterTaskDefinitionAsync(SimStack.TaskDefinition("proj-api-task") with { Tags = [new EcsTag("team", "a")] }, None);

        await aws.Ecs.TagResourceAsync(registered.TaskDefinitionArn!, [new EcsTag("env", "dev")], None);
        var described = await aws.Ecs.DescribeTaskDefinitionAsync(registered.TaskDefinitionArn!, None);

        Assert.Equal(["env", "team"], described.Tags.Select(t => t.Key).Order());
    }
}
