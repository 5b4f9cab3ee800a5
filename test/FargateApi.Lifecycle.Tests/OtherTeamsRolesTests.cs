using FargateApi.Aws.Services.Iam;
using FargateApi.Desired;
using FargateApi.Lifecycle.Tests.Support;
using FargateApi.Properties;
using FargateApi.Provisioning;
using FargateApi.TestSupport.Templates;

namespace FargateApi.Lifecycle.Tests;

/// <summary>
/// Issue 12, "Roles and data of other teams stay theirs": a stack that names, as its TaskRoleArn or ExecutionRoleArn, a
/// role the provider made for another resource is refused before anything is made or changed. The attacks run under
/// template.yaml's provider role, which lets the provider pass every role under /fargate-api/: only the check stops them.
/// </summary>
public sealed class OtherTeamsRolesTests
{
    private const string AttackerStack = "arn:aws:cloudformation:us-east-1:123456789012:stack/intruder/9b1f0c20-0000-4000-8000-000000000001";
    private const string AttackerLogicalId = "Intruder";

    private static ResourceIdentity Attacker(string request = "attack") => new(AttackerStack, AttackerLogicalId, request);

    private static ServiceProperties AttackerProps => Props.Numbered(1);

    private static string VictimRoleArn(string property) =>
        $"arn:aws:iam::123456789012:role/fargate-api/myproj-app-api-{(property == "TaskRoleArn" ? "task" : "exec")}-role";

    private static ServiceProperties Naming(ServiceProperties props, string property, string arn) =>
        property == "TaskRoleArn" ? props with { TaskRoleArn = arn } : props with { ExecutionRoleArn = arn };

    /// <summary>Every live resource beyond the seed with its state and tags: equal before and after means nothing changed.</summary>
    private static List<string> Everything(Harness h) =>
        [.. h.Made().Select(entry => $"{entry.Type} {entry.Id} {entry.State} {string.Join(',', entry.Tags.OrderBy(tag => tag.Key, StringComparer.Ordinal).Select(tag => $"{tag.Key}={tag.Value}"))}")];

    [Theory]
    [InlineData("TaskRoleArn")]
    [InlineData("ExecutionRoleArn")]
    public async Task A_create_naming_another_teams_role_fails_naming_the_role_and_its_owner_and_makes_nothing(string property)
    {
        var h = Harness.Enforced();
        await h.CreateAsync();
        var victimRole = VictimRoleArn(property);
        Assert.Contains(h.Ours("role"), role => role.Id == victimRole);
        var before = Everything(h);
        var calls = h.Aws.Calls.Count;

        var error = await Assert.ThrowsAnyAsync<ProvisioningException>(() =>
            h.Provisioner.CreateAsync(Attacker(), Naming(AttackerProps, property, victimRole), CancellationToken.None));

        Assert.Contains($"{property} names the role '{victimRole}'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"resource {Harness.LogicalId} of stack {Harness.StackId}", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Everything(h));
        Assert.Empty(h.Aws.Snapshot().TaggedWith(Ownership.StackIdTag, AttackerStack));
        Assert.All(h.Aws.Calls.Records.Skip(calls), call => Assert.Matches("^(Get|Describe|List)", call.Operation));
    }

    [Fact]
    public async Task An_update_switching_to_another_teams_execution_role_fails_and_changes_nothing()
    {
        var h = Harness.Enforced();
        await h.CreateAsync();
        var id = (await h.Provisioner.CreateAsync(Attacker(), AttackerProps, CancellationToken.None)).PhysicalResourceId;
        var before = Everything(h);
        var calls = h.Aws.Calls.Count;
        var stolen = Naming(AttackerProps, "ExecutionRoleArn", VictimRoleArn("ExecutionRoleArn"));

        var error = await Assert.ThrowsAnyAsync<ProvisioningException>(() =>
            h.Provisioner.UpdateAsync(Attacker("attack-update"), id, AttackerProps, stolen, CancellationToken.None));

        Assert.Contains("ExecutionRoleArn names the role", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Everything(h));
        Assert.All(h.Aws.Calls.Records.Skip(calls), call => Assert.Matches("^(Get|Describe|List)", call.Operation));
    }

    [Fact]
    public async Task A_role_of_the_team_outside_the_providers_path_passes_the_check()
    {
        // The platform team lets the provider pass the team's own role (template parameter PassableRoleArns).
        const string ownArn = "arn:aws:iam::123456789012:role/intruder-own-task-role";
        var passable = new TemplateDeployment { Parameters = new Dictionary<string, string> { ["PassableRoleArns"] = ownArn } };
        var h = new Harness(clock => Harness.Realistic(clock) with { Permissions = TemplatePermissions.ProviderRole(passable) });
        await h.CreateAsync();
        var enforced = h.Aws.Permissions;
        h.Aws.Permissions = null; // the team makes its role with its own permissions
        var own = await h.Apis.Iam.CreateRoleAsync(
            new CreateRoleRequest("intruder-own-task-role", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}""", new Dictionary<string, string>()),
            CancellationToken.None);
        h.Aws.Permissions = enforced;
        Assert.Equal(ownArn, own.Arn);

        var created = await h.Provisioner.CreateAsync(Attacker(), AttackerProps with { TaskRoleArn = own.Arn }, CancellationToken.None);

        Assert.Equal(own.Arn, created.Data["TaskRoleArn"]);
        Assert.Equal(1, h.Aws.Calls.Records.Count(call => call.Operation == "GetRole" && call.Key.Contains("intruder-own-task-role", StringComparison.Ordinal)));
    }
}
