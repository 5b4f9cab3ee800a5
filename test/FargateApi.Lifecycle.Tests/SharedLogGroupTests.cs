using FargateApi.Lifecycle.Tests.Support;
using FargateApi.Naming;
using FargateApi.Properties;

namespace FargateApi.Lifecycle.Tests;

/// <summary>
/// The log group keeps its name across generations (/ecs/{prefix}/{service}): the Delete of one generation removes it only
/// when no other generation of the resource lives, whatever caused the replacement and in both directions: CloudFormation's
/// cleanup Delete of the old id after a replacement, and its Delete of the new id after an UPDATE_ROLLBACK
/// (a new physical id in the answer makes CloudFormation delete the old one,
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-responses.html; during
/// UPDATE_COMPLETE_CLEANUP_IN_PROGRESS, iRobotCorporation/cfn-custom-resource#3; the new id after a rollback instead).
/// </summary>
public sealed class SharedLogGroupTests
{
    public static TheoryData<string> Triggers => ["ClusterName", "ListenerArn"];

    [Theory]
    [MemberData(nameof(Triggers))]
    public async Task Cleanup_of_the_old_generation_keeps_the_log_group_the_new_one_writes_to(string trigger)
    {
        var h = new Harness();
        var (before, after) = Replacement(h, trigger);
        var oldId = (await h.CreateAsync(before)).PhysicalResourceId;
        var newId = (await h.UpdateAsync(oldId, before, after)).PhysicalResourceId;
        Assert.NotEqual(oldId, newId);

        await h.DeleteAsync(oldId, before);

        Assert.Single(h.Ours("log-group"));
        Assert.Single(h.Ours("service"), e => e.IsLive);
        await h.DeleteAsync(newId, after);
        Assert.Empty(h.Ours());
    }

    [Theory]
    [MemberData(nameof(Triggers))]
    public async Task Delete_of_the_new_generation_after_its_rollback_keeps_the_log_group_the_old_one_writes_to(string trigger)
    {
        var h = new Harness();
        var (before, after) = Replacement(h, trigger);
        var oldId = (await h.CreateAsync(before)).PhysicalResourceId;
        var newId = (await h.UpdateAsync(oldId, before, after)).PhysicalResourceId;

        // Another resource of the stack failed: CloudFormation rolls this one back, then deletes the new id.
        var rolledBack = await h.UpdateAsync(newId, after, before);
        Assert.Equal(oldId, rolledBack.PhysicalResourceId);
        await h.DeleteAsync(newId, after);

        Assert.Single(h.Ours("log-group"));
        await h.DeleteAsync(oldId, before);
        Assert.Empty(h.Ours());
    }

    private static (ServiceProperties Before, ServiceProperties After) Replacement(Harness h, string trigger)
    {
        var n = h.Network;
        var before = Props.Seed with { Network = new NetworkProperties("/unused", n.VpcId, n.PrivateSubnetIds, n.ClusterName, n.ListenerArn, n.AlbSecurityGroupId) };
        switch (trigger)
        {
            case "ClusterName":
                return (before, h.InAnotherCluster(before));
            default:
                var other = h.Aws.AddListener(8080);
                return (before, before with { Network = before.Network with { ListenerArn = other } });
        }
    }

    [Fact]
    public void The_log_group_name_has_no_generation()
    {
        Assert.Equal(ResourceNames.For(Props.Seed, 0).LogGroup, ResourceNames.For(Props.Seed, 3).LogGroup);
    }
}
