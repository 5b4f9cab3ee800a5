using FargateApi.Desired;
using FargateApi.Lifecycle.Tests.Support;
using FargateApi.Properties;
using FargateApi.Simulation.Authorization;

namespace FargateApi.Lifecycle.Tests;

/// <summary>
/// Every resource carries exactly the declared Tags plus the ownership tags after each update: a tag added, a value
/// changed and a tag removed reach the roles (TagRole/UntagRole), the security group (CreateTags/DeleteTags), the scalable
/// target (TagResource/UntagResource: RegisterScalableTarget tags only the target it creates), the ECS service and task
/// definition, the target group and rule (AddTags/RemoveTags) and the log group, all in place, under template.yaml's provider
/// role (the simulation enforces it on every call).
/// </summary>
public sealed class TagsFollowTheDeclarationTests
{
    private static readonly string[] TaggedTypes =
        ["role", "security-group", "scalable-target", "service", "task-definition", "target-group", "listener-rule", "log-group"];

    private static ServiceProperties WithTags(params (string Key, string Value)[] tags) =>
        Props.Seed with { Tags = tags.ToDictionary(tag => tag.Key, tag => tag.Value, StringComparer.Ordinal) };

    private static void AssertExactly(Harness h, ServiceProperties declared, int generation = 0)
    {
        var tags = new Ownership(Harness.StackId, Harness.LogicalId).TagsWith(declared.Tags, generation);
        foreach (var type in TaggedTypes)
        {
            // The roles also carry the project prefix the permissions boundary reads.
            var expected = (type == "role" ? Ownership.RoleTags(tags, declared.ProjectPrefix) : tags).OrderBy(tag => tag.Key, StringComparer.Ordinal).ToList();
            var live = h.Ours(type).Where(entry => entry.IsLive).ToList();
            Assert.True(live.Count > 0, $"no {type} of this resource");
            Assert.All(live, entry => Assert.Equal(expected, entry.Tags.OrderBy(tag => tag.Key, StringComparer.Ordinal).ToList()));
        }

        Assert.DoesNotContain(h.Aws.AccessChecks, check => check.Effect != AccessEffect.Allowed);
    }

    [Fact]
    public async Task A_tag_added_then_changed_then_removed_leaves_every_resource_with_exactly_the_declared_and_ownership_tags()
    {
        var h = Harness.Enforced();
        var created = WithTags(("team", "api"));
        var id = (await h.CreateAsync(created)).PhysicalResourceId;
        AssertExactly(h, created);

        var added = WithTags(("team", "api"), ("cost-centre", "42"));
        Assert.Equal(id, (await h.UpdateAsync(id, created, added)).PhysicalResourceId);
        AssertExactly(h, added);

        var changed = WithTags(("team", "web"), ("cost-centre", "42"));
        Assert.Equal(id, (await h.UpdateAsync(id, added, changed)).PhysicalResourceId);
        AssertExactly(h, changed);

        var removed = WithTags(("cost-centre", "42"));
        Assert.Equal(id, (await h.UpdateAsync(id, changed, removed)).PhysicalResourceId);
        AssertExactly(h, removed);

        // Tags alone never make a new generation, revision or deployment.
        Assert.Equal(1, h.Aws.Calls.CountOf("CreateService"));
        Assert.Equal(1, h.Aws.Calls.CountOf("RegisterTaskDefinition"));
        Assert.Equal(0, h.Aws.Calls.CountOf("UpdateService"));
        Assert.Equal(2, h.Aws.Calls.CountOf("CreateRole"));
    }

    [Fact]
    public async Task Removing_every_user_tag_keeps_the_ownership_tags()
    {
        var h = Harness.Enforced();
        var created = WithTags(("team", "api"), ("cost-centre", "42"));
        var id = (await h.CreateAsync(created)).PhysicalResourceId;

        var none = WithTags();
        await h.UpdateAsync(id, created, none);

        AssertExactly(h, none);
    }

    [Fact]
    public async Task Capacity_and_tags_of_the_scalable_target_change_together_without_tags_on_the_register()
    {
        var h = Harness.Enforced();
        var created = WithTags(("team", "api"));
        var id = (await h.CreateAsync(created)).PhysicalResourceId;
        var next = WithTags(("team", "web")) with { AutoScaling = Props.Seed.AutoScaling! with { MaxCapacity = 12 } };

        await h.UpdateAsync(id, created, next);

        AssertExactly(h, next);
        var target = Assert.Single((await h.Apis.AutoScaling.DescribeScalableTargetsAsync(new(), CancellationToken.None)).ScalableTargets);
        Assert.Equal(12, target.MaxCapacity);
    }

    [Fact]
    public async Task A_replacement_removes_a_dropped_tag_from_the_log_group_it_shares_with_the_old_generation()
    {
        var h = Harness.Enforced();
        var created = WithTags(("team", "api"), ("cost-centre", "42"));
        var id = (await h.CreateAsync(created)).PhysicalResourceId;
        var replaced = h.InAnotherCluster(WithTags(("cost-centre", "43")));

        var updated = await h.UpdateAsync(id, created, replaced);

        Assert.NotEqual(id, updated.PhysicalResourceId);
        var expected = new Ownership(Harness.StackId, Harness.LogicalId).TagsWith(replaced.Tags, 1).OrderBy(tag => tag.Key, StringComparer.Ordinal).ToList();
        var logGroup = Assert.Single(h.Ours("log-group"));
        Assert.Equal(expected, logGroup.Tags.OrderBy(tag => tag.Key, StringComparer.Ordinal).ToList());
    }
}
