using FargateApi.Aws.Services.ApplicationAutoScaling;
using FargateApi.Aws.Services.Ecs;

namespace FargateApi.Simulation.Tests;

public sealed class ConsistencyAndSnapshotTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Newly_created_resources_stay_invisible_to_the_configured_number_of_reads()
    {
        var aws = new SimulatedAws(new SimulationOptions { InvisibleReadsAfterCreate = 2 });
        var network = aws.SeedNetwork("proj");
        const string Trust = """{"Version":"2012-10-17","Statement":[]}""";
        await aws.Iam.CreateRoleAsync(new("proj-api-task-role", Trust, SimStack.TagsFor("s")), None);
        await aws.ElasticLoadBalancing.CreateTargetGroupAsync(SimStack.TargetGroup("proj-api-tg", network.VpcId), None);

        await Errors.Expect("NoSuchEntity", () => aws.Iam.GetRoleAsync("proj-api-task-role", None));
        await Errors.Expect("NoSuchEntity", () => aws.Iam.GetRoleAsync("proj-api-task-role", None));
        await aws.Iam.GetRoleAsync("proj-api-task-role", None);

        await Errors.Expect("TargetGroupNotFound", () => aws.ElasticLoadBalancing.DescribeTargetGroupsAsync(new() { Names = ["proj-api-tg"] }, None));
        aws.InvisibleReadsAfterCreate = 0;
        await Errors.Expect("TargetGroupNotFound", () => aws.ElasticLoadBalancing.DescribeTargetGroupsAsync(new() { Names = ["proj-api-tg"] }, None));
        var found = await aws.ElasticLoadBalancing.DescribeTargetGroupsAsync(new() { Names = ["proj-api-tg"] }, None);
        Assert.Single(found.TargetGroups);
    }

    [Fact]
    public async Task New_security_group_described_by_id_is_InvalidGroup_NotFound_while_it_propagates()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");
        aws.InvisibleReadsAfterCreate = 1;
        var group = await aws.Ec2.CreateSecurityGroupAsync(new("proj-api-ecs-sg", "tasks", network.VpcId, SimStack.TagsFor("s")), None);

        await Errors.Expect("InvalidGroup.NotFound", () => aws.Ec2.DescribeSecurityGroupsAsync(new() { GroupIds = [group] }, None));
        var found = await aws.Ec2.DescribeSecurityGroupsAsync(new() { GroupIds = [group] }, None);

        Assert.Equal(group, Assert.Single(found.SecurityGroups).GroupId);
    }

    [Fact]
    public async Task New_service_is_first_described_as_missing_when_reads_lag()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");
        aws.InvisibleReadsAfterCreate = 1;
        var stack = await SimStack.CreateAsync(aws, network);

        var first = await aws.Ecs.DescribeServicesAsync(network.ClusterName, [stack.ServiceName], None);
        var second = await aws.Ecs.DescribeServicesAsync(network.ClusterName, [stack.ServiceName], None);

        Assert.Equal(EcsValues.FailureMissing, Assert.Single(first.Failures).Reason);
        Assert.Single(second.Services);
    }

    [Fact]
    public async Task Snapshot_finds_every_resource_a_stack_tagged_and_nothing_is_left_after_teardown()
    {
        var aws = new SimulatedAws(new SimulationOptions { EniLingerPolls = 2 });
        var network = aws.SeedNetwork("proj");
        Assert.Empty(aws.Snapshot().LiveBeyondSeed);
        var stack = await SimStack.CreateAsync(aws, network, stack: "stack-7");
        await aws.Logs.CreateLogGroupAsync("/ecs/proj/api", SimStack.TagsFor("stack-7"), None);
        var resourceId = AutoScalingValues.EcsServiceResourceId(network.ClusterName, stack.ServiceName);
        await aws.ApplicationAutoScaling.RegisterScalableTargetAsync(new() { ResourceId = resourceId, MinCapacity = 1, MaxCapacity = 4, Tags = SimStack.TagsFor("stack-7") }, None);
        await aws.ApplicationAutoScaling.PutScalingPolicyAsync(new()
        {
            PolicyName = "cpu",
            ResourceId = resourceId,
            TargetTrackingScalingPolicyConfiguration = new(70, new PredefinedMetricSpecification(AutoScalingValues.EcsCpuUtilization), 60, 60),
        }, None);
        await stack.PollUntilAsync(aws, SimStack.IsStable);

        var tagged = aws.Snapshot().TaggedWith(SimStack.StackTag, "stack-7").Select(e => e.Type).Order().ToList();
        Assert.Equal(["listener-rule", "log-group", "scalable-target", "security-group", "service", "target-group", "task-definition"], tagged);
        Assert.Contains(aws.Snapshot().LiveBeyondSeed, e => e.Type == "network-interface");

        await aws.ApplicationAutoScaling.DeregisterScalableTargetAsync(resourceId, None);
        await aws.Ecs.DeleteServiceAsync(new DeleteServiceRequest(network.ClusterName, stack.ServiceName, Force: true), None);
        await stack.PollUntilAsync(aws, s => s.Status == EcsValues.ServiceInactive);
        await aws.ElasticLoadBalancing.DeleteRuleAsync(stack.RuleArn, None);
        await aws.ElasticLoadBalancing.DeleteTargetGroupAsync(stack.TargetGroupArn, None);
        await aws.Ecs.DeregisterTaskDefinitionAsync(stack.TaskDefinitionArn, None);
        await aws.Logs.DeleteLogGroupAsync("/ecs/proj/api", None);
        await Errors.Expect("DependencyViolation", () => aws.Ec2.DeleteSecurityGroupAsync(stack.SecurityGroupId, None));
        await aws.Ec2.DeleteSecurityGroupAsync(stack.SecurityGroupId, None);

        Assert.Empty(aws.Snapshot().TaggedWith(SimStack.StackTag, "stack-7"));
        Assert.Empty(aws.Snapshot().LiveBeyondSeed);
        Assert.Contains(aws.Snapshot().All, e => e.Type == "task-definition" && e.State == "INACTIVE");
    }

    [Fact]
    public async Task Fifty_concurrent_creates_all_land_and_all_are_logged()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            await aws.Logs.CreateLogGroupAsync($"/ecs/proj/s{i}", SimStack.TagsFor("s"), None);
            await aws.ElasticLoadBalancing.CreateTargetGroupAsync(SimStack.TargetGroup($"proj-s{i}-tg", network.VpcId), None);
        })));

        var snapshot = aws.Snapshot();
        Assert.Equal(50, snapshot.OfType("log-group").Count);
        Assert.Equal(50, snapshot.OfType("target-group").Select(e => e.Id).Distinct().Count());
        Assert.Equal(100, aws.Calls.Count);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), aws.Calls.Records.Select(r => r.Sequence).Order());
    }
}
