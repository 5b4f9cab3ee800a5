using FargateApi.Aws.Services.Ecs;
using FargateApi.Aws.Services.ElasticLoadBalancing;

namespace FargateApi.Simulation.Tests;

/// <summary>Target health behind the load balancer and what ECS makes of it (ClockedDeployments, SimTarget).</summary>
public sealed class TargetHealthTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Running_count_matches_before_the_target_is_healthy_and_the_rollout_completes_only_once_it_is()
    {
        var account = new ClockedAccount();
        var stack = await SimStack.CreateAsync(account.Aws, account.Network);

        var launched = await account.ServiceAsync(stack);
        Assert.Equal((0, 1), (launched.RunningCount, launched.PendingCount));
        Assert.Empty(await account.TargetsAsync(stack.TargetGroupArn));

        account.At(ClockedAccount.Startup);
        var running = await account.ServiceAsync(stack);
        var warming = Assert.Single(await account.TargetsAsync(stack.TargetGroupArn));
        Assert.True(SimStack.IsStable(running), "ServicesStable's acceptor is already satisfied");
        Assert.Equal(EcsValues.RolloutInProgress, Assert.Single(running.Deployments).RolloutState);
        Assert.Equal(new TargetHealth(ElbValues.TargetHealthInitial, "Elb.InitialHealthChecking", "Initial health checks in progress"), warming.TargetHealth);
        Assert.Equal(8000, warming.Target.Port);

        account.At(ClockedAccount.Startup + ClockedAccount.ToHealthy - Tick);
        Assert.Equal(ElbValues.TargetHealthInitial, Assert.Single(await account.TargetsAsync(stack.TargetGroupArn)).TargetHealth.State);
        Assert.Equal(EcsValues.RolloutInProgress, (await account.ServiceAsync(stack)).Deployments[0].RolloutState);

        account.At(ClockedAccount.Startup + ClockedAccount.ToHealthy);
        var healthy = Assert.Single(await account.TargetsAsync(stack.TargetGroupArn));
        var steady = await account.ServiceAsync(stack);
        Assert.Equal(new TargetHealth(ElbValues.TargetHealthHealthy, null, null), healthy.TargetHealth);
        Assert.Equal(EcsValues.RolloutCompleted, Assert.Single(steady.Deployments).RolloutState);
        Assert.Equal($"(service {stack.ServiceName}) has reached a steady state.", steady.Events[0].Message);
        var task = Assert.Single(await account.TasksAsync(stack, EcsValues.DesiredStatusRunning));
        Assert.Equal(Assert.Single(account.Aws.Stores.Ec2.NetworkInterfaces).PrivateIpAddress, healthy.Target.Id);
        Assert.Equal("RUNNING", task.LastStatus);
    }

    [Fact]
    public async Task Tasks_that_fail_their_health_checks_are_stopped_by_ecs_and_trip_the_circuit_breaker()
    {
        var account = new ClockedAccount();
        account.Aws.FailHealthCheck("bad:1");
        var stack = await SimStack.CreateAsync(account.Aws, account.Network, image: "bad:1");
        var cycle = ClockedAccount.Startup + ClockedAccount.ToUnhealthy;

        account.At(cycle - Tick);
        Assert.Equal(ElbValues.TargetHealthInitial, Assert.Single(await account.TargetsAsync(stack.TargetGroupArn)).TargetHealth.State);

        account.At(cycle);
        var first = await account.ServiceAsync(stack);
        var targets = await account.TargetsAsync(stack.TargetGroupArn);
        Assert.Contains(first.Events, e => e.Message ==
            $"(service {stack.ServiceName}) (port 8000) is unhealthy in (target-group {stack.TargetGroupArn}) due to (reason Health checks failed).");
        Assert.Equal(1, first.Deployments[0].FailedTasks);
        Assert.Equal(
            new TargetHealth(ElbValues.TargetHealthDraining, "Target.DeregistrationInProgress", "Target deregistration is in progress"),
            Assert.Single(targets).TargetHealth);
        Assert.Equal(1, first.PendingCount);

        account.At(3 * cycle);
        var failed = Assert.Single((await account.ServiceAsync(stack)).Deployments);
        Assert.Equal((EcsValues.RolloutFailed, 3), (failed.RolloutState, failed.FailedTasks));
        Assert.Equal("ECS deployment circuit breaker: tasks failed to start.", failed.RolloutStateReason);

        // The first task drained for the default 300 s deregistration delay, then took its 30 s stop timeout.
        account.At(cycle + TimeSpan.FromSeconds(300) + ClockedAccount.StopTime);
        var stopped = await account.TasksAsync(stack, EcsValues.DesiredStatusStopped);
        var firstStopped = Assert.Single(stopped, t => t.LastStatus == "STOPPED");
        Assert.Equal(($"Task failed ELB health checks in (target-group {stack.TargetGroupArn})", "ServiceSchedulerInitiated"), (firstStopped.StoppedReason, firstStopped.StopCode));
        Assert.Equal(account.Start + cycle + TimeSpan.FromSeconds(330), firstStopped.StoppedAt);
    }

    [Fact]
    public async Task An_unhealthy_target_is_left_alone_during_the_health_check_grace_period()
    {
        var account = new ClockedAccount();
        account.Aws.FailHealthCheck("slow:1");
        var stack = await SimStack.CreateAsync(account.Aws, account.Network, image: "slow:1");
        await account.Aws.Ecs.UpdateServiceAsync(new() { Cluster = account.Network.ClusterName, Service = stack.ServiceName, HealthCheckGracePeriodSeconds = 200 }, None);

        account.At(ClockedAccount.Startup + ClockedAccount.ToUnhealthy);
        Assert.Equal(
            new TargetHealth(ElbValues.TargetHealthUnhealthy, "Target.FailedHealthChecks", "Health checks failed"),
            Assert.Single(await account.TargetsAsync(stack.TargetGroupArn)).TargetHealth);

        account.At(ClockedAccount.Startup + TimeSpan.FromSeconds(200) - Tick);
        Assert.Equal(0, (await account.ServiceAsync(stack)).Deployments[0].FailedTasks);

        account.At(ClockedAccount.Startup + TimeSpan.FromSeconds(200));
        Assert.Equal(1, (await account.ServiceAsync(stack)).Deployments[0].FailedTasks);
        Assert.Equal(ElbValues.TargetHealthDraining, Assert.Single(await account.TargetsAsync(stack.TargetGroupArn)).TargetHealth.State);
    }

    [Fact]
    public async Task A_replacement_keeps_the_old_tasks_until_the_new_ones_are_healthy_and_completes_after_they_drained()
    {
        var account = new ClockedAccount();
        var stack = await SimStack.CreateAsync(account.Aws, account.Network, desiredCount: 2);
        await account.SetDeregistrationDelayAsync(stack.TargetGroupArn, 60);
        account.At(TimeSpan.FromSeconds(200));
        var old = (await account.TasksAsync(stack, EcsValues.DesiredStatusRunning)).Select(t => t.TaskArn).Order().ToList();
        var v2 = await account.Aws.Ecs.RegisterTaskDefinitionAsync(SimStack.TaskDefinition("proj-api-task", "nginx:1.28"), None);
        await account.Aws.Ecs.UpdateServiceAsync(new() { Cluster = account.Network.ClusterName, Service = stack.ServiceName, TaskDefinition = v2.TaskDefinitionArn }, None);
        var healthyAt = TimeSpan.FromSeconds(200) + ClockedAccount.Startup + ClockedAccount.ToHealthy;

        account.At(healthyAt - Tick);
        var rolling = await account.ServiceAsync(stack);
        Assert.Equal(2, rolling.Deployments.Count);
        Assert.Equal(4, rolling.RunningCount);
        Assert.Equal(
            [ElbValues.TargetHealthHealthy, ElbValues.TargetHealthHealthy, ElbValues.TargetHealthInitial, ElbValues.TargetHealthInitial],
            (await account.TargetsAsync(stack.TargetGroupArn)).Select(t => t.TargetHealth.State));

        account.At(healthyAt);
        Assert.Equal(
            [ElbValues.TargetHealthDraining, ElbValues.TargetHealthDraining, ElbValues.TargetHealthHealthy, ElbValues.TargetHealthHealthy],
            (await account.TargetsAsync(stack.TargetGroupArn)).Select(t => t.TargetHealth.State));
        Assert.Equal(EcsValues.RolloutInProgress, (await account.ServiceAsync(stack)).Deployments[0].RolloutState);

        account.At(healthyAt + TimeSpan.FromSeconds(60));
        Assert.Equal(2, (await account.TargetsAsync(stack.TargetGroupArn)).Count);
        account.At(healthyAt + TimeSpan.FromSeconds(60) + ClockedAccount.StopTime - Tick);
        Assert.Equal(2, (await account.ServiceAsync(stack)).Deployments.Count);

        account.At(healthyAt + TimeSpan.FromSeconds(60) + ClockedAccount.StopTime);
        var completed = await account.ServiceAsync(stack);
        var deployment = Assert.Single(completed.Deployments);
        Assert.Equal((v2.TaskDefinitionArn, EcsValues.RolloutCompleted, 2), (deployment.TaskDefinition, deployment.RolloutState, completed.RunningCount));
        var stopped = await account.TasksAsync(stack, EcsValues.DesiredStatusStopped);
        Assert.Equal(old, stopped.Select(t => t.TaskArn).Order());
        Assert.All(stopped, t => Assert.Equal("STOPPED", t.LastStatus));
    }

    [Fact]
    public async Task A_replacement_whose_tasks_fail_health_checks_rolls_back_without_touching_the_old_tasks()
    {
        var account = new ClockedAccount();
        var stack = await SimStack.CreateAsync(account.Aws, account.Network);
        account.At(TimeSpan.FromSeconds(200));
        var old = Assert.Single(await account.TasksAsync(stack, EcsValues.DesiredStatusRunning)).TaskArn;
        account.Aws.FailHealthCheck("bad:2");
        var v2 = await account.Aws.Ecs.RegisterTaskDefinitionAsync(SimStack.TaskDefinition("proj-api-task", "bad:2"), None);
        await account.Aws.Ecs.UpdateServiceAsync(new() { Cluster = account.Network.ClusterName, Service = stack.ServiceName, TaskDefinition = v2.TaskDefinitionArn }, None);

        account.At(TimeSpan.FromMinutes(30));
        var service = await account.ServiceAsync(stack);

        var deployment = Assert.Single(service.Deployments);
        Assert.Equal((stack.TaskDefinitionArn, EcsValues.RolloutCompleted), (deployment.TaskDefinition, deployment.RolloutState));
        Assert.Contains(service.Events, e => e.Message?.Contains("deployment failed: tasks failed to start.", StringComparison.Ordinal) == true);
        Assert.Equal(old, Assert.Single(await account.TasksAsync(stack, EcsValues.DesiredStatusRunning)).TaskArn);
        var failed = await account.TasksAsync(stack, EcsValues.DesiredStatusStopped);
        Assert.Equal(3, failed.Count);
        Assert.All(failed, t => Assert.Equal(v2.TaskDefinitionArn, t.TaskDefinitionArn));
    }

    [Fact]
    public async Task Without_the_clock_targets_are_healthy_as_soon_as_their_task_runs_and_leave_with_it()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");
        var stack = await SimStack.CreateAsync(aws, network, desiredCount: 2);

        Assert.Empty(await aws.ElasticLoadBalancing.DescribeTargetHealthAsync(stack.TargetGroupArn, None));
        await stack.PollUntilAsync(aws, SimStack.IsStable);

        var targets = await aws.ElasticLoadBalancing.DescribeTargetHealthAsync(stack.TargetGroupArn, None);
        Assert.Equal(2, targets.Count);
        Assert.All(targets, t => Assert.Equal((ElbValues.TargetHealthHealthy, 8000, "8000"), (t.TargetHealth.State, t.Target.Port, t.HealthCheckPort)));
        await aws.Ecs.DeleteServiceAsync(new DeleteServiceRequest(network.ClusterName, stack.ServiceName, Force: true), None);
        Assert.Empty(await aws.ElasticLoadBalancing.DescribeTargetHealthAsync(stack.TargetGroupArn, None));
    }

    [Fact]
    public async Task Without_the_clock_an_image_failing_health_checks_trips_the_breaker_with_the_elb_stop_reason()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");
        aws.FailHealthCheck("bad:1");
        var stack = await SimStack.CreateAsync(aws, network, image: "bad:1");

        await stack.PollUntilAsync(aws, s => s.Deployments[0].RolloutState == EcsValues.RolloutFailed);

        var stopped = await aws.Ecs.ListTasksAsync(new() { Cluster = network.ClusterName, ServiceName = stack.ServiceName, DesiredStatus = EcsValues.DesiredStatusStopped }, None);
        var tasks = (await aws.Ecs.DescribeTasksAsync(network.ClusterName, stopped.TaskArns, None)).Tasks;
        Assert.Equal(3, tasks.Count);
        Assert.All(tasks, t => Assert.Equal($"Task failed ELB health checks in (target-group {stack.TargetGroupArn})", t.StoppedReason));
        Assert.Contains((await stack.DescribeAsync(aws)).Events, e => e.Message?.Contains("is unhealthy in (target-group", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Target_health_of_an_unknown_group_is_TargetGroupNotFound()
    {
        var aws = new SimulatedAws();
        aws.SeedNetwork("proj");

        await Errors.Expect("TargetGroupNotFound", () => aws.ElasticLoadBalancing.DescribeTargetHealthAsync(
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/nope/0123456789abcdef", None));
    }

    [Fact]
    public async Task A_new_target_group_has_no_targets()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");
        var group = await aws.ElasticLoadBalancing.CreateTargetGroupAsync(SimStack.TargetGroup("proj-api-tg", network.VpcId), None);

        Assert.Empty(await aws.ElasticLoadBalancing.DescribeTargetHealthAsync(group.TargetGroupArn, None));
    }
}
