using FargateApi.Aws.Services.Ecs;

namespace FargateApi.Simulation.Tests;

/// <summary>A deleted service drains for as long as its targets do; CreateService on its name and the clientToken rules.</summary>
public sealed class ServiceDrainingTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_deleted_service_is_draining_for_the_deregistration_delay_then_inactive_while_its_tasks_stop()
    {
        var account = new ClockedAccount();
        var stack = await SimStack.CreateAsync(account.Aws, account.Network, desiredCount: 2);
        await account.SetDeregistrationDelayAsync(stack.TargetGroupArn, 120);
        account.At(TimeSpan.FromSeconds(200));
        var deployment = Assert.Single((await account.ServiceAsync(stack)).Deployments).Id;
        await account.Aws.Ecs.DeleteServiceAsync(new DeleteServiceRequest(account.Network.ClusterName, stack.ServiceName, Force: true), None);

        account.At(TimeSpan.FromSeconds(200 + 120) - Tick);
        var draining = await account.ServiceAsync(stack);
        Assert.Equal((EcsValues.ServiceDraining, 2), (draining.Status, draining.RunningCount));
        Assert.All(await account.TargetsAsync(stack.TargetGroupArn), t => Assert.Equal("draining", t.TargetHealth.State));

        account.At(TimeSpan.FromSeconds(200 + 120));
        Assert.Equal(EcsValues.ServiceInactive, (await account.ServiceAsync(stack)).Status);
        Assert.Empty(await account.TargetsAsync(stack.TargetGroupArn));
        Assert.All(await account.TasksAsync(stack, EcsValues.DesiredStatusStopped), t => Assert.Equal("STOPPING", t.LastStatus));

        account.At(TimeSpan.FromSeconds(200 + 120) + ClockedAccount.StopTime);
        var stopped = await account.TasksAsync(stack, EcsValues.DesiredStatusStopped);
        Assert.Equal(2, stopped.Count);
        Assert.All(stopped, t => Assert.Equal(("STOPPED", $"Scaling activity initiated by (deployment {deployment})"), (t.LastStatus, t.StoppedReason)));
    }

    [Fact]
    public async Task Create_on_a_draining_name_is_refused_as_ecs_does_and_succeeds_once_the_service_is_inactive()
    {
        var account = new ClockedAccount(o => new SimulationOptions { TimeProvider = o.TimeProvider, Timings = o.Timings, DrainingServiceBlocksCreate = true });
        var stack = await SimStack.CreateAsync(account.Aws, account.Network);
        account.At(TimeSpan.FromSeconds(200));
        await account.Aws.Ecs.DeleteServiceAsync(new DeleteServiceRequest(account.Network.ClusterName, stack.ServiceName, Force: true), None);
        var again = SimStack.ServiceRequest(account.Network, stack.ServiceName, stack.TaskDefinitionArn, stack.TargetGroupArn, stack.SecurityGroupId, clientToken: "token-2");

        var other = await Errors.Expect("InvalidParameterException", () => account.Aws.Ecs.CreateServiceAsync(again, None));
        Assert.Equal("Unable to Start a service that is still Draining.", other.ErrorMessage);
        var own = await Errors.Expect("InvalidParameterException", () => account.Aws.Ecs.CreateServiceAsync(again with { ClientToken = "token-1" }, None));
        Assert.Equal("Creation of service was not idempotent.", own.ErrorMessage);

        account.At(TimeSpan.FromSeconds(200 + 300));
        var created = await account.Aws.Ecs.CreateServiceAsync(again, None);
        Assert.Equal(EcsValues.ServiceActive, created.Status);
        Assert.Equal(2, account.Aws.Snapshot().OfType("service").Count);
    }

    [Fact]
    public async Task Without_the_option_a_draining_service_answers_its_own_client_token_as_before()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");
        var stack = await SimStack.CreateAsync(aws, network);
        await aws.Ecs.DeleteServiceAsync(new DeleteServiceRequest(network.ClusterName, stack.ServiceName, Force: true), None);

        var answered = await aws.Ecs.CreateServiceAsync(
            SimStack.ServiceRequest(network, stack.ServiceName, stack.TaskDefinitionArn, stack.TargetGroupArn, stack.SecurityGroupId, clientToken: "token-1"), None);

        Assert.Equal(EcsValues.ServiceDraining, answered.Status);
    }

    [Fact]
    public async Task The_same_client_token_answers_with_the_service_only_for_the_same_parameters()
    {
        var aws = new SimulatedAws(new SimulationOptions { ClientTokenNeedsSameParameters = true });
        var network = aws.SeedNetwork("proj");
        var stack = await SimStack.CreateAsync(aws, network);
        var request = SimStack.ServiceRequest(network, stack.ServiceName, stack.TaskDefinitionArn, stack.TargetGroupArn, stack.SecurityGroupId);
        var original = request with { Tags = EcsTag.From(SimStack.TagsFor("stack-1")) };

        var retried = await aws.Ecs.CreateServiceAsync(original, None);
        Assert.Equal(stack.ServiceName, retried.ServiceName);

        var changed = await Errors.Expect("InvalidParameterException", () => aws.Ecs.CreateServiceAsync(original with { DesiredCount = 3 }, None));
        Assert.Equal("Creation of service was not idempotent.", changed.ErrorMessage);
        var otherToken = await Errors.Expect("InvalidParameterException", () => aws.Ecs.CreateServiceAsync(original with { ClientToken = "token-2" }, None));
        Assert.Equal("Creation of service was not idempotent.", otherToken.ErrorMessage);
        Assert.Single(aws.Snapshot().OfType("service"));
    }

    [Fact]
    public async Task Without_the_option_the_client_token_alone_answers_with_the_service()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");
        var stack = await SimStack.CreateAsync(aws, network);

        var retried = await aws.Ecs.CreateServiceAsync(
            SimStack.ServiceRequest(network, stack.ServiceName, stack.TaskDefinitionArn, stack.TargetGroupArn, stack.SecurityGroupId) with { DesiredCount = 3 }, None);

        Assert.Equal(1, retried.DesiredCount);
    }
}
