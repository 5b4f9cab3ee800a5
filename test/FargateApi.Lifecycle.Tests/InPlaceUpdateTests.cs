using FargateApi.Aws.Services.Ec2;
using FargateApi.Lifecycle.Tests.Support;
using FargateApi.Properties;

namespace FargateApi.Lifecycle.Tests;

public sealed class InPlaceUpdateTests
{
    [Fact]
    public async Task Changed_user_tags_are_added_and_removed_on_the_resources_and_ownership_tags_stay()
    {
        var h = new Harness();
        var id = (await h.CreateAsync()).PhysicalResourceId;
        var retagged = Props.Seed with { Tags = new Dictionary<string, string> { ["cost-centre"] = "42" } };

        var updated = await h.UpdateAsync(id, Props.Seed, retagged);

        Assert.Equal(id, updated.PhysicalResourceId);
        // IAM (no UntagRole in IIamClient) and EC2 (no DeleteTags in IEc2Client) only get the new tags.
        Assert.All(h.Ours("role").Concat(h.Ours("security-group")), e => Assert.Equal("42", e.Tags["cost-centre"]));
        foreach (var type in new[] { "service", "target-group", "listener-rule", "log-group" })
        {
            Assert.All(h.Ours(type), e =>
            {
                Assert.Equal("42", e.Tags["cost-centre"]);
                Assert.False(e.Tags.ContainsKey("team"), $"{type} {e.Id} kept the removed tag");
            });
        }

        Assert.Equal(1, h.Aws.Calls.SucceededCountOf("CreateService"));
    }

    [Fact]
    public async Task A_new_load_balancer_security_group_is_authorized_before_the_old_one_is_revoked()
    {
        var h = new Harness();
        var n = h.Network;
        NetworkProperties Network(string albGroup) => new("/unused", n.VpcId, n.PrivateSubnetIds, n.ClusterName, n.ListenerArn, albGroup);
        var before = Props.Seed with { Network = Network(n.AlbSecurityGroupId) };
        var id = (await h.CreateAsync(before)).PhysicalResourceId;
        h.Aws.Permissions = null; // the platform team makes the new ALB's group, with permissions of its own
        var otherGroup = await h.Apis.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest("other-alb", "another ALB", n.VpcId, new Dictionary<string, string>()), CancellationToken.None);
        h.Aws.Permissions = TemplatePermissions.ProviderRole();
        var after = before with { Network = Network(otherGroup) };

        var updated = await h.UpdateAsync(id, before, after);

        var group = (await h.Apis.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [updated.Data["SecurityGroupId"]] }, CancellationToken.None)).SecurityGroups.Single();
        var peer = Assert.Single(group.IpPermissions.SelectMany(p => p.UserIdGroupPairs));
        Assert.Equal(otherGroup, peer.GroupId);
        var authorize = h.Aws.Calls.Of("AuthorizeSecurityGroupIngress").Last().Sequence;
        var revoke = h.Aws.Calls.Of("RevokeSecurityGroupIngress").Single().Sequence;
        Assert.True(authorize < revoke);
    }
}
