using FargateApi.Aws.Services.Ec2;
using FargateApi.Aws.Services.Ecs;
using FargateApi.Aws.Services.ElasticLoadBalancing;

namespace FargateApi.Simulation.Tests;

/// <summary>
/// A service's load balancer mapping (UpdateService loadBalancers): it must name a port of the task definition, a changed one
/// starts a deployment whose tasks register on the new port, and a target is healthy only if its security group admits the
/// load balancer on that port.
/// </summary>
public sealed class LoadBalancerMappingTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_mapping_to_a_port_the_task_definition_does_not_define_is_refused_and_changes_nothing()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");
        var stack = await SimStack.CreateAsync(aws, network);
        var v2 = await aws.Ecs.RegisterTaskDefinitionAsync(SimStack.TaskDefinition("proj-api-task", "nginx:1.28"), None);

        var refused = await Errors.Expect("InvalidParameterException", () => aws.Ecs.UpdateServiceAsync(new()
        {
            Cluster = network.ClusterName,
            Service = stack.ServiceName,
            TaskDefinition = v2.TaskDefinitionArn,
            LoadBalancers = [new EcsLoadBalancer(stack.TargetGroupArn, "app", 9000)],
        }, None));

        Assert.Equal("The container app did not have a container port 9000 defined.", refused.ErrorMessage);
        var service = await stack.DescribeAsync(aws);
        Assert.Equal((stack.TaskDefinitionArn, 8000), (service.TaskDefinition, service.LoadBalancers.Single().ContainerPort));
    }

    [Fact]
    public async Task A_new_mapping_starts_a_deployment_whose_tasks_register_on_the_new_port()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");
        var stack = await SimStack.CreateAsync(aws, network, desiredCount: 2);
        await stack.PollUntilAsync(aws, SimStack.IsStable);
        await aws.Ec2.AuthorizeSecurityGroupIngressAsync(stack.SecurityGroupId, [new IpPermission("tcp", 9000, 9000, [new UserIdGroupPair(network.AlbSecurityGroupId)])], None);
        var v2 = await aws.Ecs.RegisterTaskDefinitionAsync(OnPort(9000), None);

        var updated = await aws.Ecs.UpdateServiceAsync(new()
        {
            Cluster = network.ClusterName,
            Service = stack.ServiceName,
            TaskDefinition = v2.TaskDefinitionArn,
            LoadBalancers = [new EcsLoadBalancer(stack.TargetGroupArn, "app", 9000)],
        }, None);
        Assert.Equal(2, updated.Deployments.Count);
        await stack.PollUntilAsync(aws, SimStack.IsStable);

        var targets = await aws.ElasticLoadBalancing.DescribeTargetHealthAsync(stack.TargetGroupArn, None);
        Assert.Equal(2, targets.Count);
        Assert.All(targets, target => Assert.Equal((9000, ElbValues.TargetHealthHealthy), (target.Target.Port, target.TargetHealth.State)));
    }

    [Fact]
    public async Task A_target_whose_security_group_does_not_admit_the_load_balancer_on_its_port_fails_its_health_checks()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");
        var stack = await SimStack.CreateAsync(aws, network);
        await stack.PollUntilAsync(aws, SimStack.IsStable);
        var v2 = await aws.Ecs.RegisterTaskDefinitionAsync(OnPort(9000), None);

        // The tasks' group still admits only 8000.
        await aws.Ecs.UpdateServiceAsync(new()
        {
            Cluster = network.ClusterName,
            Service = stack.ServiceName,
            TaskDefinition = v2.TaskDefinitionArn,
            LoadBalancers = [new EcsLoadBalancer(stack.TargetGroupArn, "app", 9000)],
        }, None);
        await stack.PollUntilAsync(aws, SimStack.IsStable);

        var target = Assert.Single(await aws.ElasticLoadBalancing.DescribeTargetHealthAsync(stack.TargetGroupArn, None));
        Assert.Equal((9000, ElbValues.TargetHealthUnhealthy), (target.Target.Port, target.TargetHealth.State));
    }

    [Fact]
    public async Task A_port_change_the_circuit_breaker_rolls_back_returns_the_service_to_its_old_mapping()
    {
        var aws = new SimulatedAws(new SimulationOptions { PollsToSteadyState = 2 });
        var network = aws.SeedNetwork("proj");
        var stack = await SimStack.CreateAsync(aws, network);
        await stack.PollUntilAsync(aws, SimStack.IsStable);
        aws.FailImage("broken:2");
        var v2 = await aws.Ecs.RegisterTaskDefinitionAsync(OnPort(9000, "broken:2"), None);

        await aws.Ecs.UpdateServiceAsync(new()
        {
            Cluster = network.ClusterName,
            Service = stack.ServiceName,
            TaskDefinition = v2.TaskDefinitionArn,
            LoadBalancers = [new EcsLoadBalancer(stack.TargetGroupArn, "app", 9000)],
        }, None);
        await stack.PollUntilAsync(aws, s => s.Deployments.Any(d => d.RolloutState == EcsValues.RolloutFailed));

        var service = await stack.DescribeAsync(aws);
        Assert.Equal((stack.TaskDefinitionArn, 8000), (service.TaskDefinition, service.LoadBalancers.Single().ContainerPort));
    }

    private static RegisterTaskDefinitionRequest OnPort(int port, string image = "nginx:1.28")
    {
        var definition = SimStack.TaskDefinition("proj-api-task", image);
        return definition with { ContainerDefinitions = [definition.ContainerDefinitions[0] with { PortMappings = [new EcsPortMapping(port)] }] };
    }
}
