using FargateApi.Lifecycle.Tests.Support;
using FargateApi.Simulation.Authorization;

namespace FargateApi.Lifecycle.Tests;

/// <summary>
/// The roles the provider makes trust ecs-tasks.amazonaws.com only for tasks of their own account (aws:SourceAccount, the
/// ECS guide's confused-deputy condition); a role made before that is brought in line when an update changes it, under
/// template.yaml's provider role (iam:UpdateAssumeRolePolicy on the provider's own roles).
/// </summary>
public sealed class RoleTrustPolicyTests
{
    private const string OldTrust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private const string SourceAccountCondition = "\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"123456789012\"}}";

    private static async Task<string> TrustOfAsync(Harness h, string roleName) =>
        (await h.Apis.Iam.GetRoleAsync(roleName, CancellationToken.None)).AssumeRolePolicyDocument!;

    [Fact]
    public async Task Created_roles_trust_ecs_tasks_only_for_this_account()
    {
        var h = Harness.Enforced();

        await h.CreateAsync();

        Assert.All(h.Aws.Stores.Iam.All, role => Assert.Contains(SourceAccountCondition, role.AssumeRolePolicyDocument, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_role_made_without_the_condition_gets_it_when_an_update_changes_the_role()
    {
        var h = Harness.Enforced();
        var id = (await h.CreateAsync()).PhysicalResourceId;
        var names = h.Aws.Stores.Iam.All.Select(role => role.Name).ToList();
        foreach (var name in names)
        {
            await h.Apis.Iam.UpdateAssumeRolePolicyAsync(name, OldTrust, CancellationToken.None);
        }

        // A grant changes the task role's policy; a tag changes both roles.
        var next = Props.Seed with { Grants = Props.Seed.Grants with { DynamoDbTables = ["myproj-user-quotas", "myproj-orders"] }, Tags = new Dictionary<string, string> { ["team"] = "web" } };
        await h.UpdateAsync(id, Props.Seed, next);

        foreach (var name in names)
        {
            Assert.Contains(SourceAccountCondition, await TrustOfAsync(h, name), StringComparison.Ordinal);
        }

        Assert.Equal(names.Count * 2, h.Aws.Calls.CountOf("UpdateAssumeRolePolicy"));
        Assert.DoesNotContain(h.Aws.AccessChecks, check => check.Effect != AccessEffect.Allowed);
    }

    [Fact]
    public async Task A_role_already_in_line_is_not_rewritten()
    {
        var h = Harness.Enforced();
        var id = (await h.CreateAsync()).PhysicalResourceId;

        await h.UpdateAsync(id, Props.Seed, Props.Seed with { Tags = new Dictionary<string, string> { ["team"] = "web" } });

        Assert.Equal(0, h.Aws.Calls.CountOf("UpdateAssumeRolePolicy"));
    }
}
