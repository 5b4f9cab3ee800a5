using FargateApi.Aws.Services.ElasticLoadBalancing;
using FargateApi.Lifecycle.Tests.Support;

namespace FargateApi.Lifecycle.Tests;

/// <summary>
/// Priority changed in the same Update as a property that forces a replacement: the swap hands the new rule the new
/// declared priority, and whichever direction CloudFormation goes (the cleanup Delete of the old id, or the rollback Update
/// and the Delete of the new id) exactly one rule is left, at the priority the surviving properties declare.
/// </summary>
public sealed class PriorityWithReplacementTests
{
    private static Properties.ServiceProperties Moved(Harness h) => h.InAnotherCluster(Props.Seed) with { Priority = 20 };

    [Fact]
    public async Task Update_then_cleanup_leaves_one_rule_at_the_new_priority()
    {
        var h = new Harness();
        var oldId = (await h.CreateAsync()).PhysicalResourceId;
        var moved = Moved(h);
        var newId = (await h.UpdateAsync(oldId, Props.Seed, moved)).PhysicalResourceId;

        await h.DeleteAsync(oldId, Props.Seed);

        var rule = Assert.Single(await RulesAsync(h));
        Assert.Equal("20", rule.Priority);
        Assert.Contains("-tg-g1", rule.Actions.Single().TargetGroupArn, StringComparison.Ordinal);
        Assert.NotEqual(oldId, newId);
    }

    [Fact]
    public async Task Rollback_then_delete_of_the_new_id_leaves_one_rule_at_the_old_priority()
    {
        var h = new Harness();
        var oldId = (await h.CreateAsync()).PhysicalResourceId;
        var moved = Moved(h);
        var newId = (await h.UpdateAsync(oldId, Props.Seed, moved)).PhysicalResourceId;

        var rolledBack = await h.UpdateAsync(newId, moved, Props.Seed);
        await h.DeleteAsync(newId, moved);

        Assert.Equal(oldId, rolledBack.PhysicalResourceId);
        var rule = Assert.Single(await RulesAsync(h));
        Assert.Equal("10", rule.Priority);
        Assert.DoesNotContain("-tg-g1", rule.Actions.Single().TargetGroupArn, StringComparison.Ordinal);
    }

    private static async Task<IReadOnlyList<Rule>> RulesAsync(Harness h) =>
        [.. (await h.Apis.Elb.DescribeRulesAsync(new DescribeRulesRequest { ListenerArn = h.Network.ListenerArn }, CancellationToken.None)).Rules.Where(rule => !rule.IsDefault)];
}
