using FargateApi.Aws.Services.Ec2;
using FargateApi.Aws.Services.Ecs;
using FargateApi.Aws.Services.ElasticLoadBalancing;
using FargateApi.Aws.Services.Iam;

namespace FargateApi.Simulation.Tests;

/// <summary>SimulationOptions.AwsLike: every realistic behaviour at once, on one stack's life, as a provider meets them.</summary>
public sealed class AwsLikePresetTests
{
    private const string EcsTrust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_stack_meets_every_propagation_window_then_health_then_draining_then_lingering_interfaces()
    {
        var clock = new ManualTimeProvider();
        var aws = new SimulatedAws(SimulationOptions.AwsLike(clock));
        var network = aws.SeedNetwork("proj");
        var start = clock.GetUtcNow();
        void At(int seconds) => clock.Advance(start + TimeSpan.FromSeconds(seconds) - clock.GetUtcNow());

        // t=0: a new role is neither passable nor visible to GetRole yet.
        var role = await aws.Iam.CreateRoleAsync(new CreateRoleRequest("proj-api-exec", EcsTrust, SimStack.TagsFor("s"), Path: "/fargate-api/"), None);
        var definition = SimStack.TaskDefinition("proj-api-task") with { ExecutionRoleArn = role.Arn };
        await Errors.Expect("AccessDeniedException", () => aws.Ecs.RegisterTaskDefinitionAsync(definition, None));
        await Errors.Expect("NoSuchEntity", () => aws.Iam.GetRoleAsync(role.RoleName, None));
        var group = await aws.Ec2.CreateSecurityGroupAsync(new("proj-api-ecs-sg", "tasks", network.VpcId, SimStack.TagsFor("s")), None);
        await aws.Ec2.AuthorizeSecurityGroupIngressAsync(group, [new IpPermission("tcp", 8000, 8000, [new UserIdGroupPair(network.AlbSecurityGroupId)])], None);
        var targetGroup = await aws.ElasticLoadBalancing.CreateTargetGroupAsync(SimStack.TargetGroup("proj-api-tg", network.VpcId), None);

        // t=5: the rule attaches the target group to the load balancer, but ECS sees that 10 s later.
        At(5);
        await aws.ElasticLoadBalancing.CreateRuleAsync(new(network.ListenerArn, 5, [RuleCondition.PathPattern("/api/*")], targetGroup.TargetGroupArn, SimStack.TagsFor("s")), None);
        At(10);
        var taskDefinition = await aws.Ecs.RegisterTaskDefinitionAsync(definition, None);
        var request = SimStack.ServiceRequest(network, "proj-api-service", taskDefinition.TaskDefinitionArn!, targetGroup.TargetGroupArn, group);
        var early = await Errors.Expect("InvalidParameterException", () => aws.Ecs.CreateServiceAsync(request, None));
        Assert.EndsWith("does not have an associated load balancer.", early.ErrorMessage, StringComparison.Ordinal);
        At(15);
        await aws.Ecs.CreateServiceAsync(request, None);
        var stack = new SimStack(network, group, targetGroup.TargetGroupArn, "", taskDefinition.TaskDefinitionArn!, request.ServiceName);

        // t=15: the execution role (15 s old) cannot be assumed yet; the scheduler tries again 30 s later. The new
        // service itself is missing from DescribeServices for its first 5 s.
        Assert.Empty((await aws.Ecs.DescribeServicesAsync(network.ClusterName, [stack.ServiceName], None)).Services);
        At(20);
        Assert.Contains("ECS was unable to assume the role", (await stack.DescribeAsync(aws)).Events[0].Message, StringComparison.Ordinal);
        At(45 + 45);
        var running = await stack.DescribeAsync(aws);
        Assert.True(SimStack.IsStable(running), "ServicesStable's acceptor is satisfied");
        Assert.Equal(EcsValues.RolloutInProgress, running.Deployments[0].RolloutState);

        // Healthy after HealthyThresholdCount (2) × interval (30 s): only now is the rollout COMPLETED.
        At(45 + 45 + 60);
        Assert.Equal(EcsValues.RolloutCompleted, (await stack.DescribeAsync(aws)).Deployments[0].RolloutState);
        Assert.Equal(ElbValues.TargetHealthHealthy, Assert.Single(await aws.ElasticLoadBalancing.DescribeTargetHealthAsync(targetGroup.TargetGroupArn, None)).TargetHealth.State);

        // Deleted: DRAINING for the default 300 s deregistration delay, and the name cannot be taken meanwhile.
        At(200);
        await aws.Ecs.DeleteServiceAsync(new DeleteServiceRequest(network.ClusterName, stack.ServiceName, Force: true), None);
        var recreate = await Errors.Expect("InvalidParameterException", () => aws.Ecs.CreateServiceAsync(request with { ClientToken = "token-2" }, None));
        Assert.Equal("Unable to Start a service that is still Draining.", recreate.ErrorMessage);
        At(499);
        Assert.Equal(EcsValues.ServiceDraining, (await stack.DescribeAsync(aws)).Status);
        At(500);
        Assert.Equal(EcsValues.ServiceInactive, (await stack.DescribeAsync(aws)).Status);

        // The task stopped at 530 s; its ENI holds the group for 1 to 15 minutes after that.
        At(530);
        Assert.Equal("lingering", Assert.Single(aws.Snapshot().OfType("network-interface")).State);
        var eni = Assert.Single(aws.Stores.Ec2.NetworkInterfaces);
        var linger = eni.GoneAt!.Value - (start + TimeSpan.FromSeconds(530));
        Assert.InRange(linger, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15));
        await Errors.Expect("DependencyViolation", () => aws.Ec2.DeleteSecurityGroupAsync(group, None));
        clock.Advance(linger);
        await aws.Ec2.DeleteSecurityGroupAsync(group, None);
    }
}
