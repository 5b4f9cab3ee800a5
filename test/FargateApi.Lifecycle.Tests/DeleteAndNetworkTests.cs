using FargateApi.Lifecycle.Tests.Support;
using FargateApi.Properties;
using FargateApi.Provisioning;
using FargateApi.TestSupport.Templates;

namespace FargateApi.Lifecycle.Tests;

public sealed class DeleteAndNetworkTests
{
    internal static readonly string[] Mutating = ["Delete", "Deregister", "Update", "Revoke", "Set", "Remove", "Untag", "Modify"];

    [Theory]
    [InlineData("arn:aws:ecs:us-east-1:123456789012:service/myproj-cluster/someone-elses-service")]
    [InlineData("arn:aws:ecs:us-east-1:123456789012:service/no-such-cluster/myproj-app-api-service")]
    [InlineData("arn:aws:ecs:us-east-1:123456789012:task/myproj-cluster/0123456789abcdef")]
    public async Task Delete_of_an_unknown_id_succeeds_and_changes_nothing(string physicalId)
    {
        var h = new Harness();
        var id = (await h.CreateAsync()).PhysicalResourceId;
        var before = h.Aws.Calls.Count;
        var ours = h.Ours().Count;

        await h.DeleteAsync(physicalId);

        Assert.DoesNotContain(h.Aws.Calls.Records.Skip(before), c => Mutating.Any(verb => c.Operation.StartsWith(verb, StringComparison.Ordinal)));
        Assert.Equal(ours, h.Ours().Count);
        Assert.NotEqual(id, physicalId);
    }

    [Fact]
    public async Task Delete_of_an_id_whose_stack_is_already_gone_succeeds()
    {
        var h = new Harness();
        var id = (await h.CreateAsync()).PhysicalResourceId;
        await h.DeleteAsync(id);

        await h.DeleteAsync(id);

        Assert.Empty(h.Ours());
    }

    [Fact]
    public async Task Delete_keeps_the_log_group_when_its_removal_policy_is_retain()
    {
        var h = new Harness();
        var retained = Props.Seed with { LogRemovalPolicy = RemovalPolicy.Retain };
        var id = (await h.CreateAsync(retained)).PhysicalResourceId;

        await h.DeleteAsync(id, retained);

        Assert.Equal("log-group", Assert.Single(h.Ours()).Type);
    }

    [Fact]
    public async Task Missing_network_parameters_fail_naming_each_parameter_before_anything_is_made()
    {
        var h = new Harness();
        var elsewhere = Props.Seed with { Network = new NetworkProperties("/other/network", null, null, h.Network.ClusterName, null, null) };

        var failure = await Assert.ThrowsAsync<ProvisioningException>(() => h.CreateAsync(elsewhere));

        foreach (var name in new[] { "/other/network/vpc-id", "/other/network/private-subnet-ids", "/other/network/alb-listener-arn", "/other/network/alb-security-group-id" })
        {
            Assert.Contains(name, failure.Message, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("ecs-cluster-name", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, h.Aws.Calls.CountOf("GetParameters"));
        Assert.Empty(h.Made());
    }

    [Fact]
    public async Task Explicit_network_ids_need_no_parameter_look_up()
    {
        var h = new Harness();
        var n = h.Network;
        var explicitNetwork = Props.Seed with
        {
            Network = new NetworkProperties("/unused/network", n.VpcId, n.PrivateSubnetIds, n.ClusterName, n.ListenerArn, n.AlbSecurityGroupId),
        };

        var created = await h.CreateAsync(explicitNetwork);

        Assert.True(created.IsFinished);
        Assert.Equal(0, h.Aws.Calls.CountOf("GetParameters"));
    }

    [Fact]
    public async Task Removing_auto_scaling_deregisters_the_scalable_target_and_roles_given_by_arn_are_not_made()
    {
        var h = new Harness();
        var id = (await h.CreateAsync()).PhysicalResourceId;

        var updated = await h.UpdateAsync(id, Props.Seed, Props.Seed with { AutoScaling = null });

        Assert.Equal(id, updated.PhysicalResourceId);
        Assert.Empty(h.Aws.Snapshot().OfType("scalable-target"));
        Assert.Empty(h.Aws.Snapshot().OfType("scaling-policy"));
        Assert.Equal(string.Empty, updated.Data["ScalableTargetId"]);
    }

    [Fact]
    public async Task Switching_to_a_given_task_role_deletes_the_role_the_provider_made()
    {
        const string given = "arn:aws:iam::123456789012:role/team-owned-task-role";
        // The platform team lets the provider pass the team's own role (template parameter PassableRoleArns).
        var passable = new TemplateDeployment { Parameters = new Dictionary<string, string> { ["PassableRoleArns"] = given } };
        var h = new Harness(clock => Harness.Realistic(clock) with { Permissions = TemplatePermissions.ProviderRole(passable) });
        var id = (await h.CreateAsync()).PhysicalResourceId;

        var updated = await h.UpdateAsync(id, Props.Seed, Props.Seed with { TaskRoleArn = given });

        Assert.Equal(given, updated.Data["TaskRoleArn"]);
        Assert.Single(h.Ours("role"));
        Assert.Contains(h.Aws.Calls.Records, c => c.Operation == "DeleteRole" && c.Succeeded);
    }
}
