using FargateApi.Aws.Services.Ec2;
using FargateApi.Aws.Services.Ecs;
using FargateApi.Aws.Services.ElasticLoadBalancing;
using FargateApi.Aws.Services.Iam;

namespace FargateApi.Simulation.Tests;

/// <summary>Eventual consistency as time windows on the clock: CreateRule → CreateService, CreateRole → PassRole and AssumeRole, create → describe.</summary>
public sealed class PropagationTests
{
    private const string EcsTrust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Create_service_right_after_create_rule_finds_no_load_balancer_until_the_association_propagated()
    {
        var clock = new ManualTimeProvider();
        var aws = new SimulatedAws(new SimulationOptions { TimeProvider = clock, LoadBalancerAssociationLag = TimeSpan.FromSeconds(10) });
        var network = aws.SeedNetwork("proj");
        var group = await aws.Ec2.CreateSecurityGroupAsync(new("proj-api-ecs-sg", "tasks", network.VpcId, SimStack.TagsFor("s")), None);
        var targetGroup = await aws.ElasticLoadBalancing.CreateTargetGroupAsync(SimStack.TargetGroup("proj-api-tg", network.VpcId), None);
        var definition = await aws.Ecs.RegisterTaskDefinitionAsync(SimStack.TaskDefinition("proj-api-task"), None);
        await aws.ElasticLoadBalancing.CreateRuleAsync(new(network.ListenerArn, 5, [RuleCondition.PathPattern("/api/*")], targetGroup.TargetGroupArn, SimStack.TagsFor("s")), None);
        var request = SimStack.ServiceRequest(network, "proj-api-service", definition.TaskDefinitionArn!, targetGroup.TargetGroupArn, group);

        clock.Advance(TimeSpan.FromSeconds(10) - Tick);
        var error = await Errors.Expect("InvalidParameterException", () => aws.Ecs.CreateServiceAsync(request, None));
        Assert.Equal($"The target group with targetGroupArn {targetGroup.TargetGroupArn} does not have an associated load balancer.", error.ErrorMessage);
        Assert.Equal([network.LoadBalancerArn], (await aws.ElasticLoadBalancing.DescribeTargetGroupsAsync(new() { TargetGroupArns = [targetGroup.TargetGroupArn] }, None)).TargetGroups[0].LoadBalancerArns);

        clock.Advance(Tick);
        Assert.Equal(EcsValues.ServiceActive, (await aws.Ecs.CreateServiceAsync(request, None)).Status);
    }

    [Fact]
    public async Task Register_task_definition_right_after_create_role_is_denied_pass_role_until_the_role_propagated()
    {
        var clock = new ManualTimeProvider();
        var aws = new SimulatedAws(new SimulationOptions { TimeProvider = clock, PassRoleLagAfterCreateRole = TimeSpan.FromSeconds(10) });
        aws.SeedNetwork("proj");
        var role = await aws.Iam.CreateRoleAsync(new CreateRoleRequest("proj-api-exec", EcsTrust, SimStack.TagsFor("s"), Path: "/fargate-api/"), None);
        var request = SimStack.TaskDefinition("proj-api-task") with { ExecutionRoleArn = role.Arn };

        clock.Advance(TimeSpan.FromSeconds(10) - Tick);
        var error = await Errors.Expect("AccessDeniedException", () => aws.Ecs.RegisterTaskDefinitionAsync(request, None));
        Assert.Equal(
            $"User: arn:aws:sts::123456789012:assumed-role/fargate-api-provider/bootstrap is not authorized to perform: iam:PassRole on resource: {role.Arn}",
            error.ErrorMessage);
        Assert.Empty((await aws.Ecs.ListTaskDefinitionsAsync(new() { FamilyPrefix = "proj-api-task" }, None)).TaskDefinitionArns);

        clock.Advance(Tick);
        Assert.Equal(1, (await aws.Ecs.RegisterTaskDefinitionAsync(request, None)).Revision);
    }

    [Fact]
    public async Task Tasks_launched_while_their_role_propagates_fail_to_launch_and_the_scheduler_retries_later()
    {
        var account = new ClockedAccount(o => new SimulationOptions
        {
            TimeProvider = o.TimeProvider,
            Timings = o.Timings,
            AssumeRoleLagAfterCreateRole = TimeSpan.FromSeconds(20),
        });
        var role = await account.Aws.Iam.CreateRoleAsync(new CreateRoleRequest("proj-api-task-role", EcsTrust, SimStack.TagsFor("s")), None);
        var stack = await CreateStackWithTaskRoleAsync(account, role.Arn);

        var launched = await account.ServiceAsync(stack);
        Assert.Equal(
            $"(service {stack.ServiceName}) failed to launch a task with (error ECS was unable to assume the role '{role.Arn}' that was provided for this task. " +
            "Please verify that the role being passed has the proper trust relationship and permissions and that your IAM user has permissions to pass this role.).",
            launched.Events[0].Message);
        Assert.Equal((0, 0), (launched.RunningCount, launched.PendingCount));
        Assert.Empty(account.Aws.Stores.Deployments.Tasks);

        // The scheduler tries again after EcsTimings.LaunchRetry (30 s), by which time the role is assumable.
        account.At(TimeSpan.FromSeconds(30) - Tick);
        Assert.Empty(account.Aws.Stores.Deployments.Tasks);
        account.At(TimeSpan.FromSeconds(30));
        var retried = await account.ServiceAsync(stack);
        Assert.Equal(1, retried.PendingCount);
        Assert.StartsWith($"(service {stack.ServiceName}) has started 1 tasks:", retried.Events[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_clock_a_poll_inside_the_role_window_launches_nothing()
    {
        var clock = new ManualTimeProvider();
        var aws = new SimulatedAws(new SimulationOptions { TimeProvider = clock, PollsToSteadyState = 1, AssumeRoleLagAfterCreateRole = TimeSpan.FromSeconds(20) });
        var network = aws.SeedNetwork("proj");
        var role = await aws.Iam.CreateRoleAsync(new CreateRoleRequest("proj-api-task-role", EcsTrust, SimStack.TagsFor("s")), None);
        var stack = await SimStack.CreateAsync(aws, network);
        var withRole = await aws.Ecs.RegisterTaskDefinitionAsync(SimStack.TaskDefinition("proj-api-task") with { TaskRoleArn = role.Arn }, None);
        await aws.Ecs.UpdateServiceAsync(new() { Cluster = network.ClusterName, Service = stack.ServiceName, TaskDefinition = withRole.TaskDefinitionArn }, None);

        var inWindow = await stack.DescribeAsync(aws);
        Assert.Contains("ECS was unable to assume the role", inWindow.Events[0].Message, StringComparison.Ordinal);
        Assert.Equal(2, inWindow.Deployments.Count);

        clock.Advance(TimeSpan.FromSeconds(20));
        var settled = await stack.DescribeAsync(aws);
        Assert.Equal(withRole.TaskDefinitionArn, Assert.Single(settled.Deployments).TaskDefinition);
    }

    [Fact]
    public async Task New_security_group_and_role_stay_missing_from_describes_for_the_configured_time()
    {
        var clock = new ManualTimeProvider();
        var aws = new SimulatedAws(new SimulationOptions { TimeProvider = clock, InvisibleAfterCreate = TimeSpan.FromSeconds(5) });
        var network = aws.SeedNetwork("proj");
        var group = await aws.Ec2.CreateSecurityGroupAsync(new("proj-api-ecs-sg", "tasks", network.VpcId, SimStack.TagsFor("s")), None);
        await aws.Iam.CreateRoleAsync(new CreateRoleRequest("proj-api-task-role", EcsTrust, SimStack.TagsFor("s")), None);

        for (var read = 0; read < 10; read++)
        {
            await Errors.Expect("InvalidGroup.NotFound", () => aws.Ec2.DescribeSecurityGroupsAsync(new() { GroupIds = [group] }, None));
            await Errors.Expect("NoSuchEntity", () => aws.Iam.GetRoleAsync("proj-api-task-role", None));
        }

        Assert.Empty((await aws.Ec2.DescribeSecurityGroupsAsync(new() { Filters = [Ec2Filter.Tag(SimStack.StackTag, "s")] }, None)).SecurityGroups);
        await aws.Ec2.AuthorizeSecurityGroupIngressAsync(group, [new IpPermission("tcp", 8000, 8000, [new UserIdGroupPair(network.AlbSecurityGroupId)])], None);

        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(group, Assert.Single((await aws.Ec2.DescribeSecurityGroupsAsync(new() { GroupIds = [group] }, None)).SecurityGroups).GroupId);
        Assert.Equal("proj-api-task-role", (await aws.Iam.GetRoleAsync("proj-api-task-role", None)).RoleName);
    }

    [Fact]
    public async Task The_seed_network_is_visible_at_once_whatever_the_read_lag()
    {
        var aws = new SimulatedAws(new SimulationOptions { TimeProvider = new ManualTimeProvider(), InvisibleAfterCreate = TimeSpan.FromMinutes(1) });
        var network = aws.SeedNetwork("proj");

        Assert.Single((await aws.Ec2.DescribeSecurityGroupsAsync(new() { GroupIds = [network.AlbSecurityGroupId] }, None)).SecurityGroups);
    }

    private static async Task<SimStack> CreateStackWithTaskRoleAsync(ClockedAccount account, string roleArn)
    {
        var aws = account.Aws;
        var network = account.Network;
        var group = await aws.Ec2.CreateSecurityGroupAsync(new("proj-api-ecs-sg", "tasks", network.VpcId, SimStack.TagsFor("s")), None);
        var targetGroup = await aws.ElasticLoadBalancing.CreateTargetGroupAsync(SimStack.TargetGroup("proj-api-tg", network.VpcId), None);
        var rule = await aws.ElasticLoadBalancing.CreateRuleAsync(new(network.ListenerArn, 5, [RuleCondition.PathPattern("/api/*")], targetGroup.TargetGroupArn, SimStack.TagsFor("s")), None);
        var definition = await aws.Ecs.RegisterTaskDefinitionAsync(SimStack.TaskDefinition("proj-api-task") with { TaskRoleArn = roleArn }, None);
        var service = await aws.Ecs.CreateServiceAsync(SimStack.ServiceRequest(network, "proj-api-service", definition.TaskDefinitionArn!, targetGroup.TargetGroupArn, group), None);
        return new SimStack(network, group, targetGroup.TargetGroupArn, rule.RuleArn, definition.TaskDefinitionArn!, service.ServiceName!);
    }
}
