using FargateApi.Aws.Services.Ecs;

namespace FargateApi.Simulation.Tests;

public sealed class DeploymentTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Service_reaches_steady_state_after_the_configured_number_of_polls()
    {
        var aws = new SimulatedAws(new SimulationOptions { PollsToSteadyState = 4 });
        var network = aws.SeedNetwork("proj");
        var stack = await SimStack.CreateAsync(aws, network, desiredCount: 2);

        var polls = await stack.PollUntilAsync(aws, SimStack.IsStable);

        Assert.Equal(4, polls);
        var service = await stack.DescribeAsync(aws);
        var deployment = Assert.Single(service.Deployments);
        Assert.Equal(EcsValues.RolloutCompleted, deployment.RolloutState);
        Assert.Equal(2, service.RunningCount);
        Assert.Equal($"(service {stack.ServiceName}) has reached a steady state.", service.Events[0].Message);
        var running = await aws.Ecs.ListTasksAsync(new() { Cluster = network.ClusterName, ServiceName = stack.ServiceName }, None);
        Assert.Equal(2, running.TaskArns.Count);
    }

    [Fact]
    public async Task Before_steady_state_the_deployment_is_in_progress_with_pending_tasks()
    {
        var aws = new SimulatedAws(new SimulationOptions { PollsToSteadyState = 3 });
        var network = aws.SeedNetwork("proj");
        var stack = await SimStack.CreateAsync(aws, network, desiredCount: 2);

        var service = await stack.DescribeAsync(aws);

        Assert.False(SimStack.IsStable(service));
        Assert.Equal(EcsValues.RolloutInProgress, service.Deployments[0].RolloutState);
        Assert.Equal(2, service.PendingCount);
        Assert.Equal(0, service.RunningCount);
    }

    [Fact]
    public async Task Failing_image_trips_the_circuit_breaker_and_rolls_back_to_the_last_completed_deployment()
    {
        var aws = new SimulatedAws(new SimulationOptions { PollsToSteadyState = 2 });
        var network = aws.SeedNetwork("proj");
        var stack = await SimStack.CreateAsync(aws, network, desiredCount: 1);
        await stack.PollUntilAsync(aws, SimStack.IsStable);
        aws.FailImage("broken:2");
        var v2 = await aws.Ecs.RegisterTaskDefinitionAsync(SimStack.TaskDefinition("proj-api-task", "broken:2"), None);

        await aws.Ecs.UpdateServiceAsync(new() { Cluster = network.ClusterName, Service = stack.ServiceName, TaskDefinition = v2.TaskDefinitionArn }, None);
        await stack.PollUntilAsync(aws, s => s.Deployments.Any(d => d.RolloutState == EcsValues.RolloutFailed));

        var service = await stack.DescribeAsync(aws);
        var failed = service.Deployments.Single(d => d.RolloutState == EcsValues.RolloutFailed);
        Assert.Equal(v2.TaskDefinitionArn, failed.TaskDefinition);
        Assert.Equal("ECS deployment circuit breaker: tasks failed to start.", failed.RolloutStateReason);
        Assert.Equal(3, failed.FailedTasks);
        Assert.Contains(service.Events, e => e.Message == $"(service {stack.ServiceName}) (deployment {failed.Id}) deployment failed: tasks failed to start.");
        Assert.Equal(stack.TaskDefinitionArn, service.TaskDefinition);

        var stopped = await aws.Ecs.ListTasksAsync(new() { Cluster = network.ClusterName, ServiceName = stack.ServiceName, DesiredStatus = EcsValues.DesiredStatusStopped }, None);
        var tasks = await aws.Ecs.DescribeTasksAsync(network.ClusterName, stopped.TaskArns, None);
        var failedTasks = tasks.Tasks.Where(t => t.TaskDefinitionArn == v2.TaskDefinitionArn).ToList();
        Assert.Equal(3, failedTasks.Count);
        Assert.All(failedTasks, t =>
        {
            Assert.Equal("Essential container in task exited", t.StoppedReason);
            Assert.Equal(1, Assert.Single(t.Containers).ExitCode);
            Assert.Equal("app", t.Containers[0].Name);
        });

        await stack.PollUntilAsync(aws, SimStack.IsStable);
        var rolledBack = await stack.DescribeAsync(aws);
        Assert.Equal(stack.TaskDefinitionArn, Assert.Single(rolledBack.Deployments).TaskDefinition);
        Assert.Equal(EcsValues.RolloutCompleted, rolledBack.Deployments[0].RolloutState);
    }

    [Fact]
    public async Task First_deployment_that_fails_has_nothing_to_roll_back_to_and_stays_failed()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");
        aws.FailTaskDefinition("proj-api-task");
        var stack = await SimStack.CreateAsync(aws, network, desiredCount: 4);

        await stack.PollUntilAsync(aws, s => s.Deployments[0].RolloutState == EcsValues.RolloutFailed);
        for (var i = 0; i < 5; i++)
        {
            await stack.DescribeAsync(aws);
        }

        var service = await stack.DescribeAsync(aws);
        var deployment = Assert.Single(service.Deployments);
        Assert.Equal(EcsValues.RolloutFailed, deployment.RolloutState);
        Assert.Equal(4, deployment.FailedTasks);
        Assert.Equal(0, service.RunningCount);
    }

    [Fact]
    public async Task Without_a_circuit_breaker_a_failing_deployment_keeps_failing_tasks_forever()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");
        aws.FailImage("broken:1");
        var stack = await SimStack.CreateAsync(aws, network, image: "broken:1");
        await aws.Ecs.UpdateServiceAsync(new()
        {
            Cluster = network.ClusterName,
            Service = stack.ServiceName,
            DeploymentConfiguration = new DeploymentConfiguration(new DeploymentCircuitBreaker(false, false), null, null),
        }, None);

        for (var i = 0; i < 10; i++)
        {
            await stack.DescribeAsync(aws);
        }

        var deployment = Assert.Single((await stack.DescribeAsync(aws)).Deployments);
        Assert.Equal(EcsValues.RolloutInProgress, deployment.RolloutState);
        Assert.Equal(11, deployment.FailedTasks);
    }

    [Fact]
    public async Task Deleted_service_drains_then_turns_inactive_and_rejects_updates()
    {
        var aws = new SimulatedAws(new SimulationOptions { PollsToInactive = 3 });
        var network = aws.SeedNetwork("proj");
        var stack = await SimStack.CreateAsync(aws, network);

        await Errors.Expect("InvalidParameterException",
            () => aws.Ecs.DeleteServiceAsync(new DeleteServiceRequest(network.ClusterName, stack.ServiceName, Force: false), None));
        var deleted = await aws.Ecs.DeleteServiceAsync(new DeleteServiceRequest(network.ClusterName, stack.ServiceName, Force: true), None);

        Assert.Equal(EcsValues.ServiceDraining, deleted.Status);
        Assert.Equal(3, await stack.PollUntilAsync(aws, s => s.Status == EcsValues.ServiceInactive));
        var error = await Errors.Expect("ServiceNotActiveException",
            () => aws.Ecs.UpdateServiceAsync(new() { Cluster = network.ClusterName, Service = stack.ServiceName, DesiredCount = 2 }, None));
        Assert.Equal("Service was not ACTIVE.", error.ErrorMessage);
        await Errors.Expect("ServiceNotActiveException",
            () => aws.Ecs.DeleteServiceAsync(new DeleteServiceRequest(network.ClusterName, stack.ServiceName, Force: true), None));
    }

    [Fact]
    public async Task Unknown_service_is_not_found_and_described_as_a_missing_failure()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");

        await Errors.Expect("ServiceNotFoundException",
            () => aws.Ecs.UpdateServiceAsync(new() { Cluster = network.ClusterName, Service = "nope", DesiredCount = 1 }, None));
        var described = await aws.Ecs.DescribeServicesAsync(network.ClusterName, ["nope"], None);

        Assert.Empty(described.Services);
        var failure = Assert.Single(described.Failures);
        Assert.Equal(EcsValues.FailureMissing, failure.Reason);
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:service/proj-cluster/nope", failure.Arn);
    }

    [Fact]
    public async Task Unknown_cluster_is_ClusterNotFoundException()
    {
        var aws = new SimulatedAws();
        aws.SeedNetwork("proj");

        var error = await Errors.Expect("ClusterNotFoundException", () => aws.Ecs.DescribeServicesAsync("other-cluster", ["svc"], None));
        Assert.Equal("Cluster not found.", error.ErrorMessage);
    }

    [Fact]
    public async Task Scaling_the_desired_count_settles_without_a_new_deployment()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");
        var stack = await SimStack.CreateAsync(aws, network, desiredCount: 1);
        await stack.PollUntilAsync(aws, SimStack.IsStable);

        var updated = await aws.Ecs.UpdateServiceAsync(new() { Cluster = network.ClusterName, Service = stack.ServiceName, DesiredCount = 3 }, None);

        Assert.False(SimStack.IsStable(updated));
        await stack.PollUntilAsync(aws, SimStack.IsStable);
        var service = await stack.DescribeAsync(aws);
        Assert.Equal(3, service.RunningCount);
        Assert.Single(service.Deployments);
    }

    /// <summary>
    /// The fuzzed Create that once hung the event fuzz test for 28 s: DesiredCount 83 509, then 1. Stopping each task walked
    /// every target ever registered, so the scale-down was quadratic; each task's targets are now found through their task.
    /// </summary>
    [Fact]
    public async Task Scaling_down_from_tens_of_thousands_of_tasks_leaves_exactly_the_remaining_targets_registered()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");
        var stack = await SimStack.CreateAsync(aws, network, desiredCount: 40_000);
        await stack.PollUntilAsync(aws, SimStack.IsStable);
        Assert.Equal(40_000, (await aws.ElasticLoadBalancing.DescribeTargetHealthAsync(stack.TargetGroupArn, None)).Count);

        await aws.Ecs.UpdateServiceAsync(new() { Cluster = network.ClusterName, Service = stack.ServiceName, DesiredCount = 1 }, None);
        await stack.PollUntilAsync(aws, SimStack.IsStable);

        var running = Assert.Single((await aws.Ecs.ListTasksAsync(new() { Cluster = network.ClusterName, ServiceName = stack.ServiceName }, None)).TaskArns);
        var target = Assert.Single(await aws.ElasticLoadBalancing.DescribeTargetHealthAsync(stack.TargetGroupArn, None));
        Assert.Equal(aws.Stores.Ec2.NetworkInterfaces.Single(eni => eni.TaskArn == running).PrivateIpAddress, target.Target.Id);
    }
}
