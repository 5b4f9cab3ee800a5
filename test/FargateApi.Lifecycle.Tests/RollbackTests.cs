using FargateApi.Aws.Services.ElasticLoadBalancing;
using FargateApi.Desired;
using FargateApi.Lifecycle.Tests.Support;
using FargateApi.Provisioning;

namespace FargateApi.Lifecycle.Tests;

/// <summary>A failed Update is followed by CloudFormation's rollback Update (old and new properties swapped, same physical id).</summary>
public sealed class RollbackTests
{
    [Fact]
    public async Task Rollback_of_a_failed_in_place_update_runs_the_previous_image_again()
    {
        var h = new Harness();
        var id = (await h.CreateAsync()).PhysicalResourceId;
        var bad = Props.Seed.WithImageTag("bad");
        h.Aws.FailImage(Props.ImageUri("bad"));
        await Assert.ThrowsAsync<ProvisioningException>(() => h.UpdateAsync(id, Props.Seed, bad));

        var rolledBack = await h.UpdateAsync(id, bad, Props.Seed);

        Assert.Equal(id, rolledBack.PhysicalResourceId);
        var definition = await h.Apis.Ecs.DescribeTaskDefinitionAsync(rolledBack.Data["TaskDefinitionArn"], CancellationToken.None);
        Assert.Equal(Props.ImageUri("v1"), definition.TaskDefinition!.ContainerDefinitions.Single().Image);
        var service = (await h.Apis.Ecs.DescribeServicesAsync("myproj-cluster", [id], CancellationToken.None)).Services.Single();
        Assert.Equal(rolledBack.Data["TaskDefinitionArn"], service.TaskDefinition);
        Assert.Single(service.Deployments);
    }

    [Fact]
    public async Task Rollback_of_a_failed_replacement_keeps_the_old_stack_serving_and_leaves_no_new_generation()
    {
        var h = new Harness();
        var id = (await h.CreateAsync()).PhysicalResourceId;
        var bad = h.InAnotherCluster(Props.Seed.WithImageTag("bad"));
        h.Aws.FailImage(Props.ImageUri("bad"));
        await Assert.ThrowsAsync<ProvisioningException>(() => h.UpdateAsync(id, Props.Seed, bad));

        var rolledBack = await h.UpdateAsync(id, bad, Props.Seed);

        Assert.Equal(id, rolledBack.PhysicalResourceId);
        Assert.All(h.Ours(), e => Assert.Equal("0", e.Tags[Ownership.GenerationTag]));
        var rule = (await h.Apis.Elb.DescribeRulesAsync(new DescribeRulesRequest { ListenerArn = h.Network.ListenerArn }, CancellationToken.None)).Rules.Single(r => !r.IsDefault);
        Assert.Equal("10", rule.Priority);
        Assert.Equal(rolledBack.Data["TargetGroupArn"], rule.Actions.Single().TargetGroupArn);
    }

    [Fact]
    public async Task Rollback_of_a_finished_replacement_returns_to_the_old_generation_and_its_priority()
    {
        var h = new Harness();
        var oldId = (await h.CreateAsync()).PhysicalResourceId;
        var moved = h.InAnotherCluster(Props.Seed);
        var newId = (await h.UpdateAsync(oldId, Props.Seed, moved)).PhysicalResourceId;

        // Another resource of the stack failed: CloudFormation rolls this one back, then deletes the new id.
        var rolledBack = await h.UpdateAsync(newId, moved, Props.Seed);
        Assert.Equal(oldId, rolledBack.PhysicalResourceId);
        await h.DeleteAsync(newId, moved);

        Assert.All(h.Ours(), e => Assert.Equal("0", e.Tags[Ownership.GenerationTag]));
        Assert.Single(h.Ours("log-group"));
        var rule = (await h.Apis.Elb.DescribeRulesAsync(new DescribeRulesRequest { ListenerArn = h.Network.ListenerArn }, CancellationToken.None)).Rules.Single(r => !r.IsDefault);
        Assert.Equal("10", rule.Priority);
    }
}
