using FargateApi.Aws.Services.Ec2;
using FargateApi.Aws.Services.ElasticLoadBalancing;
using FargateApi.Lifecycle.Tests.Support;
using FargateApi.Provisioning;

namespace FargateApi.Lifecycle.Tests;

/// <summary>
/// ContainerPort changes in place (issue "Real AWS behaviour", 8): UpdateService takes a new load balancer mapping on a
/// rolling-update service, ECS registers ip targets on the container port, so the same service, target group and security
/// group move to the new port. The simulation fails the health checks of a target whose security group does not admit the
/// load balancer on its port when it registers (ELB User Guide, "Security groups for your Application Load Balancer"), so
/// opening the new port after UpdateService shows as unhealthy tasks; a revoke made too early is caught by the call order
/// (the simulation does not judge a registered target again when a rule goes).
/// </summary>
public sealed class ContainerPortInPlaceTests
{
    private const string ServiceName = "myproj-app-api-service";

    [Fact]
    public async Task A_new_container_port_rolls_out_on_the_same_service_and_target_group_and_only_the_new_port_stays_open()
    {
        var h = new Harness();
        var created = await h.CreateAsync();
        var moved = Props.Seed with { ContainerPort = 9000 };

        var updated = await h.UpdateAsync(created.PhysicalResourceId, Props.Seed, moved);

        Assert.Equal(created.PhysicalResourceId, updated.PhysicalResourceId);
        Assert.Equal(created.Data["TargetGroupArn"], updated.Data["TargetGroupArn"]);
        Assert.Single(h.Ours("service"), e => e.IsLive);
        Assert.Single(h.Ours("target-group"));
        var service = (await h.Apis.Ecs.DescribeServicesAsync(h.Network.ClusterName, [ServiceName], CancellationToken.None)).Services.Single();
        Assert.Equal(9000, service.LoadBalancers.Single().ContainerPort);
        var definition = await h.Apis.Ecs.DescribeTaskDefinitionAsync(service.TaskDefinition!, CancellationToken.None);
        Assert.Equal(9000, definition.TaskDefinition!.ContainerDefinitions.Single().PortMappings!.Single().ContainerPort);
        Assert.Equal([9000], (await IngressAsync(h)).Select(rule => rule.FromPort));
        var targets = await h.Apis.Elb.DescribeTargetHealthAsync(updated.Data["TargetGroupArn"], CancellationToken.None);
        Assert.NotEmpty(targets);
        Assert.All(targets, target => Assert.Equal((9000, ElbValues.TargetHealthHealthy), (target.Target.Port, target.TargetHealth.State)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_new_port_opens_before_the_service_moves_and_the_old_one_closes_only_after_the_rollout(bool waitForSteadyState)
    {
        var h = new Harness();
        var before = Props.Seed with { WaitForSteadyState = waitForSteadyState };
        var id = (await h.CreateAsync(before)).PhysicalResourceId;

        // The next deploy comes minutes later: a Create that did not wait may not be readable yet (ECS reads lag its writes).
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        var from = h.Aws.Calls.Count;

        await h.UpdateAsync(id, before, before with { ContainerPort = 9000 });

        var calls = h.Aws.Calls.Records.Skip(from).Where(call => call.Succeeded).ToList();
        int Index(string operation) => calls.FindIndex(call => call.Operation == operation);
        Assert.True(Index("AuthorizeSecurityGroupIngress") < Index("UpdateService"), "the new port is open before a task listens on it");
        var revoke = Index("RevokeSecurityGroupIngress");
        Assert.True(revoke > calls.FindLastIndex(call => call.Operation == "DescribeServices"), "the old port closes after the last poll of the rollout");
        var service = (await h.Apis.Ecs.DescribeServicesAsync(h.Network.ClusterName, [ServiceName], CancellationToken.None)).Services.Single();
        Assert.Equal("COMPLETED", Assert.Single(service.Deployments).RolloutState);
        Assert.DoesNotContain(h.Aws.Calls.Records.Skip(from), call => call.Operation is "CreateService" or "CreateTargetGroup" or "CreateSecurityGroup");
    }

    [Fact]
    public async Task A_port_change_whose_tasks_fail_is_rolled_back_to_the_old_port_with_its_rule_open()
    {
        var h = new Harness();
        var id = (await h.CreateAsync()).PhysicalResourceId;
        var bad = Props.Seed.WithImageTag("bad") with { ContainerPort = 9000 };
        h.Aws.FailImage(Props.ImageUri("bad"));
        await Assert.ThrowsAsync<ProvisioningException>(() => h.UpdateAsync(id, Props.Seed, bad));

        // CloudFormation's rollback Update: old and new properties swapped, same physical id.
        var rolledBack = await h.UpdateAsync(id, bad, Props.Seed);

        Assert.Equal(id, rolledBack.PhysicalResourceId);
        var service = (await h.Apis.Ecs.DescribeServicesAsync(h.Network.ClusterName, [ServiceName], CancellationToken.None)).Services.Single();
        Assert.Equal(8000, service.LoadBalancers.Single().ContainerPort);
        Assert.Equal([8000], (await IngressAsync(h)).Select(rule => rule.FromPort));
        Assert.All(
            await h.Apis.Elb.DescribeTargetHealthAsync(rolledBack.Data["TargetGroupArn"], CancellationToken.None),
            target => Assert.Equal((8000, ElbValues.TargetHealthHealthy), (target.Target.Port, target.TargetHealth.State)));
    }

    private static async Task<IReadOnlyList<IpPermission>> IngressAsync(Harness h)
    {
        var groups = await h.Apis.Ec2.DescribeSecurityGroupsAsync(
            new DescribeSecurityGroupsRequest { Filters = [new Ec2Filter("group-name", ["myproj-app-api-ecs-sg"])] },
            CancellationToken.None);
        return groups.SecurityGroups.Single().IpPermissions;
    }
}
