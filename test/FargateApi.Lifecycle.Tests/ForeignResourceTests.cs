using FargateApi.Aws.Services.CloudWatchLogs;
using FargateApi.Aws.Services.Ecs;
using FargateApi.Aws.Services.ElasticLoadBalancing;
using FargateApi.Lifecycle.Tests.Support;
using FargateApi.Provisioning;
using FargateApi.Simulation.Inspection;

namespace FargateApi.Lifecycle.Tests;

/// <summary>
/// Another team shares the provider, the account and the names' namespace. Whatever carries this resource's names but not
/// its ownership tags is never adopted, changed or deleted: the operation fails naming the resource and its owner.
/// </summary>
public sealed class ForeignResourceTests
{
    [Fact]
    public async Task Create_over_the_names_of_another_stacks_resource_fails_naming_its_owner_and_changes_nothing_of_it()
    {
        var h = new Harness();
        var other = new ResourceIdentity(Harness.StackId.Replace("myproj-app/", "myproj-other/", StringComparison.Ordinal), Harness.LogicalId, "request-other");
        await h.Provisioner.CreateAsync(other, Props.Seed, CancellationToken.None);
        var before = Fingerprint(h.Made());

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => h.CreateAsync());

        Assert.Contains("myproj-other", failure.Message, StringComparison.Ordinal);
        Assert.Equal(before, Fingerprint(h.Made().Where(e => !e.Tags.TryGetValue(Desired.Ownership.StackIdTag, out var stack) || stack != Harness.StackId)));
    }

    [Fact]
    public async Task Create_over_an_untagged_log_group_fails_and_leaves_its_retention_and_tags()
    {
        var h = new Harness();
        var logs = h.Apis.Logs;
        h.Aws.Permissions = null; // the platform team's own log group, made with its own permissions
        await logs.CreateLogGroupAsync("/ecs/myproj/app-api", new Dictionary<string, string> { ["team"] = "platform" }, CancellationToken.None);
        await logs.PutRetentionPolicyAsync("/ecs/myproj/app-api", 365, CancellationToken.None);
        h.Aws.Permissions = TemplatePermissions.ProviderRole();
        var before = Fingerprint(h.Made());

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => h.CreateAsync());

        Assert.Contains("/ecs/myproj/app-api", failure.Message, StringComparison.Ordinal);
        var group = (await logs.DescribeLogGroupsAsync(new DescribeLogGroupsRequest { LogGroupNamePrefix = "/ecs/myproj/app-api" }, CancellationToken.None)).LogGroups.Single();
        Assert.Equal(365, group.RetentionInDays);
        Assert.Contains(before.Single(line => line.StartsWith("log-group", StringComparison.Ordinal)), Fingerprint(h.Made()));
    }

    [Fact]
    public async Task Create_in_a_task_family_another_owner_registered_fails_and_leaves_no_revision_of_ours_active()
    {
        var h = new Harness();
        h.Aws.Permissions = null;
        await h.Apis.Ecs.RegisterTaskDefinitionAsync(
            new RegisterTaskDefinitionRequest
            {
                Family = "myproj-app-api-task",
                Cpu = "256",
                Memory = "512",
                ContainerDefinitions = [new ContainerDefinition { Name = "web", Image = "nginx" }],
                Tags = [new EcsTag("team", "someone-else")],
            },
            CancellationToken.None);
        h.Aws.Permissions = TemplatePermissions.ProviderRole();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => h.CreateAsync());

        Assert.Contains("myproj-app-api-task", failure.Message, StringComparison.Ordinal);
        var live = h.Aws.Snapshot().OfType("task-definition").Where(e => e.IsLive).ToList();
        Assert.Equal("someone-else", Assert.Single(live).Tags["team"]);
        Assert.Empty(h.Ours("service"));
    }

    [Fact]
    public async Task Delete_refuses_another_owners_rule_that_forwards_to_the_target_group_and_leaves_it()
    {
        var h = new Harness();
        var id = (await h.CreateAsync()).PhysicalResourceId;
        var targetGroup = (await h.Apis.Elb.DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest { Names = ["myproj-app-api-tg"] }, CancellationToken.None)).TargetGroups.Single();
        h.Aws.Permissions = null; // another team's rule, made with its own permissions
        var foreign = await h.Apis.Elb.CreateRuleAsync(
            new CreateRuleRequest(h.Network.ListenerArn, 4000, [RuleCondition.PathPattern(["/other/*"])], targetGroup.TargetGroupArn, new Dictionary<string, string> { ["team"] = "other" }),
            CancellationToken.None);
        h.Aws.Permissions = TemplatePermissions.ProviderRole();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => h.DeleteAsync(id));

        Assert.Contains(foreign.RuleArn, failure.Message, StringComparison.Ordinal);
        var rules = (await h.Apis.Elb.DescribeRulesAsync(new DescribeRulesRequest { RuleArns = [foreign.RuleArn] }, CancellationToken.None)).Rules;
        Assert.Single(rules);
    }

    private static List<string> Fingerprint(IEnumerable<SnapshotEntry> entries) =>
        [.. entries.Select(e => $"{e.Type} {e.Id} {e.State} {string.Join(",", e.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"))}").Order(StringComparer.Ordinal)];
}
