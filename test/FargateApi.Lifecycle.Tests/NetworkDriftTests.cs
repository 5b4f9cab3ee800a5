using FargateApi.Aws.Services.ElasticLoadBalancing;
using FargateApi.Lifecycle.Tests.Support;
using FargateApi.Simulation;

namespace FargateApi.Lifecycle.Tests;

/// <summary>
/// The platform team changes the network parameters (/{prefix}/network/…) between deploys: the running generation stays
/// where it was made, so an Update is a replacement into the new network (docs/updates.md), and CloudFormation's cleanup
/// Delete of the old id removes the old generation where it actually runs: the cluster its id names, the rule on the
/// listener its target group still serves.
/// </summary>
public sealed class NetworkDriftTests
{
    private const string NewCluster = "myproj-cluster-next";

    [Fact]
    public async Task Update_after_the_cluster_and_listener_parameters_changed_replaces_and_the_cleanup_removes_the_old_generation()
    {
        var h = new Harness();
        var oldId = (await h.CreateAsync()).PhysicalResourceId;
        var newListener = MoveNetwork(h);
        var next = Props.Seed.WithImageTag("v2");

        var updated = await h.UpdateAsync(oldId, Props.Seed, next);
        Assert.NotEqual(oldId, updated.PhysicalResourceId);
        Assert.Contains($":service/{NewCluster}/", updated.PhysicalResourceId, StringComparison.Ordinal);

        await h.DeleteAsync(oldId, Props.Seed);

        Assert.Single(h.Ours("service"), e => e.IsLive);
        Assert.Empty(await RulesAsync(h, h.Network.ListenerArn));
        Assert.Single(await RulesAsync(h, newListener));
        Assert.Single(h.Ours("log-group"));
        await h.DeleteAsync(updated.PhysicalResourceId, next);
        Assert.Empty(h.Ours());
    }

    [Fact]
    public async Task Delete_after_the_cluster_parameter_changed_removes_the_stack_from_the_cluster_its_id_names()
    {
        var h = new Harness();
        var id = (await h.CreateAsync()).PhysicalResourceId;
        MoveNetwork(h);

        await h.DeleteAsync(id, Props.Seed);

        Assert.Empty(h.Ours());
    }

    /// <summary>A new cluster and a new listener on the load balancer, and the parameters pointing at them; the new listener's ARN.</summary>
    private static string MoveNetwork(Harness h)
    {
        h.Aws.AddCluster(NewCluster);
        var listener = h.Aws.AddListener(8080);
        var names = SeededNetwork.ParameterNames(Harness.Prefix);
        h.Aws.PutParameter(names[3], NewCluster);
        h.Aws.PutParameter(names[4], listener);
        return listener;
    }

    private static async Task<IReadOnlyList<Rule>> RulesAsync(Harness h, string listener) =>
        [.. (await h.Apis.Elb.DescribeRulesAsync(new DescribeRulesRequest { ListenerArn = listener }, CancellationToken.None)).Rules.Where(rule => !rule.IsDefault)];
}
