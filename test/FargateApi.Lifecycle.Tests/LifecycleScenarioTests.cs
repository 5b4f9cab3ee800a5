using FargateApi.Aws.Services.ElasticLoadBalancing;
using FargateApi.Desired;
using FargateApi.Lifecycle.Tests.Support;

namespace FargateApi.Lifecycle.Tests;

/// <summary>The life of one resource: Create, in-place updates, a replacement, the Delete of the old id, the final Delete.</summary>
public sealed class LifecycleScenarioTests
{
    [Fact]
    public async Task Create_update_replace_and_delete_leave_exactly_the_right_stacks()
    {
        var h = new Harness();

        // Create.
        var created = await h.CreateAsync();
        var firstId = created.PhysicalResourceId;
        Assert.True(created.IsFinished);
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:service/myproj-cluster/myproj-app-api-service", firstId);
        foreach (var key in new[] { "ServiceArn", "ServiceName", "ClusterName", "TaskDefinitionArn", "TaskRoleArn", "ExecutionRoleArn", "TargetGroupArn", "ListenerRuleArn", "SecurityGroupId", "LogGroupName", "ScalableTargetId" })
        {
            Assert.False(string.IsNullOrEmpty(created.Data[key]), key);
        }

        Assert.Equal("service/myproj-cluster/myproj-app-api-service|ecs:service:DesiredCount|ecs", created.Data["ScalableTargetId"]);
        Assert.Equal(firstId, created.Data["ServiceArn"]);
        Assert.Single(h.Ours("service"));
        Assert.Equal(3, h.Aws.Snapshot().OfType("scaling-policy").Count);

        // Update in place: the image tag makes a new revision and an UpdateService; same physical id.
        var v2 = Props.Seed.WithImageTag("v2");
        var updateCalls = h.Aws.Calls.Count;
        var imageUpdated = await h.UpdateAsync(firstId, Props.Seed, v2);
        Assert.Equal(firstId, imageUpdated.PhysicalResourceId);
        Assert.EndsWith("myproj-app-api-task:2", imageUpdated.Data["TaskDefinitionArn"], StringComparison.Ordinal);
        var callsOfUpdate = h.Aws.Calls.Records.Skip(updateCalls).ToList();
        Assert.Contains(callsOfUpdate, c => c.Operation == "UpdateService" && c.Succeeded);
        Assert.DoesNotContain(callsOfUpdate, c => c.Operation is "CreateService" or "CreateTargetGroup" or "ModifyTargetGroup");
        var service = (await h.Apis.Ecs.DescribeServicesAsync("myproj-cluster", ["myproj-app-api-service"], CancellationToken.None)).Services.Single();
        Assert.Equal(imageUpdated.Data["TaskDefinitionArn"], service.TaskDefinition);

        // Update in place: the health check path is a ModifyTargetGroup.
        var healthz = v2 with { TargetHealthCheck = v2.TargetHealthCheck with { Path = "/healthz" } };
        updateCalls = h.Aws.Calls.Count;
        var healthUpdated = await h.UpdateAsync(firstId, v2, healthz);
        Assert.Equal(firstId, healthUpdated.PhysicalResourceId);
        Assert.Contains(h.Aws.Calls.Records.Skip(updateCalls), c => c.Operation == "ModifyTargetGroup" && c.Succeeded);
        Assert.DoesNotContain(h.Aws.Calls.Records.Skip(updateCalls), c => c.Operation is "RegisterTaskDefinition" or "UpdateService");
        var group = (await h.Apis.Elb.DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest { Names = ["myproj-app-api-tg"] }, CancellationToken.None)).TargetGroups.Single();
        Assert.Equal("/healthz", group.HealthCheck.Path);

        // Update in place: a new container port is a new revision and load balancer mapping on the same service.
        var port = healthz with { ContainerPort = 8080 };
        var portUpdated = await h.UpdateAsync(firstId, healthz, port);
        Assert.Equal(firstId, portUpdated.PhysicalResourceId);
        Assert.Equal(8080, (await h.Apis.Ecs.DescribeServicesAsync(h.Network.ClusterName, ["myproj-app-api-service"], CancellationToken.None)).Services.Single().LoadBalancers.Single().ContainerPort);

        // Replacement: another cluster builds generation 1 beside generation 0 and moves the priority to it.
        var moved = h.InAnotherCluster(port);
        var replaced = await h.UpdateAsync(firstId, port, moved);
        var secondId = replaced.PhysicalResourceId;
        Assert.Equal($"arn:aws:ecs:us-east-1:123456789012:service/{Harness.OtherCluster}/myproj-app-api-service-g1", secondId);
        Assert.Equal(2, h.Ours("service").Count);
        Assert.Equal(2, h.Ours("target-group").Count);
        Assert.DoesNotContain(h.Aws.Calls.Records, c => c.Outcome == "PriorityInUse");
        var rules = await RulesAsync(h);
        Assert.Equal("10", rules.Single(r => r.Actions.Any(a => a.TargetGroupArn == replaced.Data["TargetGroupArn"])).Priority);
        Assert.NotEqual("10", rules.Single(r => r.Actions.Any(a => a.TargetGroupArn == healthUpdated.Data["TargetGroupArn"])).Priority);

        // CloudFormation deletes the old id: generation 0 goes, generation 1 and the shared log group stay.
        await h.DeleteAsync(firstId, port);
        var left = h.Ours();
        Assert.All(left, e => Assert.Equal("1", e.Tags[Ownership.GenerationTag]));
        Assert.Single(h.Ours("service"));
        Assert.Single(h.Ours("log-group"));
        Assert.Single(h.Ours("target-group"));
        Assert.Equal("10", (await RulesAsync(h)).Single().Priority);

        // The final Delete leaves nothing of ours.
        await h.DeleteAsync(secondId, moved);
        Assert.Empty(h.Ours());
        Assert.DoesNotContain(h.Made(), e => e.Type != "network-interface");
    }

    private static async Task<IReadOnlyList<Rule>> RulesAsync(Harness h) =>
        (await h.Apis.Elb.DescribeRulesAsync(new DescribeRulesRequest { ListenerArn = h.Network.ListenerArn }, CancellationToken.None)).Rules.Where(r => !r.IsDefault).ToList();
}
