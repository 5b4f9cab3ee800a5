using System.Text;
using FargateApi.Aws.Services.ApplicationAutoScaling;

namespace FargateApi.Simulation.Tests;

public sealed class AutoScalingAndLambdaTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Scalable_target_needs_a_live_service_and_a_policy_needs_a_target()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");
        var resourceId = AutoScalingValues.EcsServiceResourceId(network.ClusterName, "proj-api-service");
        var policy = new PutScalingPolicyRequest
        {
            PolicyName = "cpu",
            ResourceId = resourceId,
            TargetTrackingScalingPolicyConfiguration = new(70, new PredefinedMetricSpecification(AutoScalingValues.EcsCpuUtilization), 60, 60),
        };

        var missing = await Errors.Expect("ValidationException",
            () => aws.ApplicationAutoScaling.RegisterScalableTargetAsync(new() { ResourceId = resourceId, MinCapacity = 1, MaxCapacity = 2 }, None));
        Assert.Equal($"ECS service doesn't exist: {resourceId}", missing.ErrorMessage);
        await Errors.Expect("ObjectNotFoundException", () => aws.ApplicationAutoScaling.PutScalingPolicyAsync(policy, None));
        await Errors.Expect("ObjectNotFoundException", () => aws.ApplicationAutoScaling.DeregisterScalableTargetAsync(resourceId, None));
    }

    [Fact]
    public async Task Minimum_above_maximum_is_refused_and_registers_or_changes_nothing()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");
        var stack = await SimStack.CreateAsync(aws, network);
        var resourceId = AutoScalingValues.EcsServiceResourceId(network.ClusterName, stack.ServiceName);

        var refused = await Errors.Expect("ValidationException",
            () => aws.ApplicationAutoScaling.RegisterScalableTargetAsync(new() { ResourceId = resourceId, MinCapacity = 5, MaxCapacity = 2 }, None));
        Assert.Empty((await aws.ApplicationAutoScaling.DescribeScalableTargetsAsync(new() { ResourceIds = [resourceId] }, None)).ScalableTargets);
        await aws.ApplicationAutoScaling.RegisterScalableTargetAsync(new() { ResourceId = resourceId, MinCapacity = 1, MaxCapacity = 4 }, None);
        await Errors.Expect("ValidationException",
            () => aws.ApplicationAutoScaling.RegisterScalableTargetAsync(new() { ResourceId = resourceId, MinCapacity = 6 }, None));

        Assert.Equal("Minimum capacity cannot be greater than maximum capacity", refused.ErrorMessage);
        var target = Assert.Single((await aws.ApplicationAutoScaling.DescribeScalableTargetsAsync(new() { ResourceIds = [resourceId] }, None)).ScalableTargets);
        Assert.Equal((1, 4), (target.MinCapacity, target.MaxCapacity));
    }

    [Fact]
    public async Task Deregistering_a_target_removes_its_policies()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");
        var stack = await SimStack.CreateAsync(aws, network);
        var resourceId = AutoScalingValues.EcsServiceResourceId(network.ClusterName, stack.ServiceName);
        await aws.ApplicationAutoScaling.RegisterScalableTargetAsync(new() { ResourceId = resourceId, MinCapacity = 1, MaxCapacity = 4 }, None);
        await aws.ApplicationAutoScaling.RegisterScalableTargetAsync(new() { ResourceId = resourceId, MaxCapacity = 6 }, None);
        var arn = await aws.ApplicationAutoScaling.PutScalingPolicyAsync(new()
        {
            PolicyName = "cpu",
            ResourceId = resourceId,
            TargetTrackingScalingPolicyConfiguration = new(70, new PredefinedMetricSpecification(AutoScalingValues.EcsCpuUtilization), 60, 60),
        }, None);

        var target = Assert.Single((await aws.ApplicationAutoScaling.DescribeScalableTargetsAsync(new() { ResourceIds = [resourceId] }, None)).ScalableTargets);
        Assert.Equal((1, 6), (target.MinCapacity, target.MaxCapacity));
        var policy = Assert.Single((await aws.ApplicationAutoScaling.DescribeScalingPoliciesAsync(new() { ResourceId = resourceId }, None)).ScalingPolicies);
        Assert.Equal(arn, policy.PolicyARN);
        Assert.Equal(70, policy.TargetTrackingScalingPolicyConfiguration!.TargetValue);

        await aws.ApplicationAutoScaling.DeregisterScalableTargetAsync(resourceId, None);
        Assert.Empty((await aws.ApplicationAutoScaling.DescribeScalingPoliciesAsync(new() { ResourceId = resourceId }, None)).ScalingPolicies);
        await Errors.Expect("ObjectNotFoundException", () => aws.ApplicationAutoScaling.DeleteScalingPolicyAsync("cpu", resourceId, None));
    }

    [Fact]
    public async Task Async_invocations_are_recorded_and_taken_once_for_replay()
    {
        var aws = new SimulatedAws();

        await aws.Lambda.InvokeEventAsync("provider", Encoding.UTF8.GetBytes("""{"continue":1}"""), None);
        await aws.Lambda.InvokeEventAsync("provider", Encoding.UTF8.GetBytes("""{"continue":2}"""), None);
        var taken = aws.TakeInvocations();

        Assert.Equal(["""{"continue":1}""", """{"continue":2}"""], taken.Select(i => Encoding.UTF8.GetString(i.Payload)));
        Assert.All(taken, i => Assert.Equal("Event", i.InvocationType));
        Assert.Empty(aws.TakeInvocations());
    }
}
