using FargateApi.Aws.Http;
using FargateApi.Aws.Services.Ecs;
using FargateApi.Aws.Services.Iam;
using FargateApi.Lifecycle.Tests.Support;
using FargateApi.Provisioning;
using FargateApi.Simulation;
using FargateApi.Simulation.Authorization;
using FargateApi.TestSupport.Templates;

namespace FargateApi.Lifecycle.Tests;

/// <summary>
/// Today's provider under template.yaml's provider role, enforced by the simulation (every call and the actions it
/// implies): the whole life of a resource with auto scaling passes, and without the CloudWatch grant Create fails the way
/// Application Auto Scaling fails it in a real account.
/// </summary>
public sealed class ProviderRolePermissionsTests
{
    [Fact]
    public async Task Create_with_auto_scaling_update_replace_and_delete_pass_under_the_template_role()
    {
        var h = Enforced(TemplatePermissions.ProviderRole());

        var created = await h.CreateAsync();
        var v2 = Props.Seed.WithImageTag("v2");
        var updated = await h.UpdateAsync(created.PhysicalResourceId, Props.Seed, v2);
        var replacement = v2.Replaced();
        var replaced = await h.UpdateAsync(updated.PhysicalResourceId, v2, replacement);
        await h.DeleteAsync(created.PhysicalResourceId, v2);
        await h.DeleteAsync(replaced.PhysicalResourceId, replacement);

        Assert.NotEqual(created.PhysicalResourceId, replaced.PhysicalResourceId);
        Assert.Empty(h.Ours());
        Assert.DoesNotContain(h.Aws.AccessChecks, check => check.Effect != AccessEffect.Allowed);
        var asked = h.Aws.AccessChecks.Select(check => check.Action).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "cloudwatch:PutMetricAlarm", "iam:CreateServiceLinkedRole", "iam:PassRole", "iam:TagRole", "ecs:TagResource",
                "elasticloadbalancing:AddTags", "ec2:CreateTags", "logs:TagResource", "application-autoscaling:TagResource",
            },
            asked);
    }

    [Fact]
    public async Task Without_the_CloudWatch_grant_Create_with_auto_scaling_fails_Application_Auto_Scaling_validation()
    {
        var h = Enforced(TemplatePermissions.ProviderRole(edit: WithoutStatement("ScalingAlarms")));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => h.CreateAsync());

        Assert.Contains("User is missing the following permissions: cloudwatch:DescribeAlarms, cloudwatch:PutMetricAlarm, cloudwatch:DeleteAlarms", error.Message, StringComparison.Ordinal);
        Assert.Equal("ValidationException", h.Aws.Calls.Of("RegisterScalableTarget").Last().Outcome);
        Assert.DoesNotContain(h.Aws.Calls.Records, call => call.Operation == "PutScalingPolicy");
    }

    [Fact]
    public async Task Without_auto_scaling_Create_needs_no_CloudWatch_grant()
    {
        var h = Enforced(TemplatePermissions.ProviderRole(edit: WithoutStatement("ScalingAlarms")));

        var created = await h.CreateAsync(Props.Seed with { AutoScaling = null });

        Assert.True(created.IsFinished);
        Assert.DoesNotContain(h.Aws.AccessChecks, check => check.Action.StartsWith("cloudwatch:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_role_cannot_stamp_tag_shrink_or_delete_a_role_another_owner_tagged()
    {
        var h = new Harness();
        h.Aws.Permissions = null; // another owner makes its role first, with permissions of its own
        var iam = h.Apis.Iam;
        var foreign = new Dictionary<string, string> { ["fargate-api:managed-by"] = "platform-team" };
        await iam.CreateRoleAsync(new CreateRoleRequest("myproj-other-task-role", "{}", foreign, "/fargate-api/"), CancellationToken.None);
        await iam.PutRolePolicyAsync("myproj-other-task-role", "grants", """{"Version": "2012-10-17", "Statement": []}""", CancellationToken.None);
        h.Aws.Permissions = TemplatePermissions.ProviderRole();

        var ours = new Dictionary<string, string> { ["fargate-api:managed-by"] = "fargate-api" };
        await Denied(() => iam.TagRoleAsync("myproj-other-task-role", ours, CancellationToken.None));
        await Denied(() => iam.DeleteRolePolicyAsync("myproj-other-task-role", "grants", CancellationToken.None));
        await Denied(() => iam.DeleteRoleAsync("myproj-other-task-role", CancellationToken.None));

        h.Aws.Permissions = null;
        h.Clock.Advance(TimeSpan.FromMinutes(1)); // IAM reads lag a new role
        var role = await iam.GetRoleAsync("myproj-other-task-role", CancellationToken.None);
        Assert.Equal("platform-team", role.Tags["fargate-api:managed-by"]);
    }

    [Fact]
    public async Task Task_definitions_are_registered_only_in_the_families_of_the_allowed_prefixes()
    {
        var policy = TemplatePermissions.ProviderRole(new TemplateDeployment { Parameters = new Dictionary<string, string> { ["ProjectPrefixPattern"] = "myproj" } });
        var h = Enforced(policy);
        var tags = EcsTag.From(new Dictionary<string, string> { ["fargate-api:managed-by"] = "fargate-api" });
        var request = (string family) => new RegisterTaskDefinitionRequest
        {
            Family = family,
            Cpu = "256",
            Memory = "512",
            ContainerDefinitions = [new ContainerDefinition { Name = "app", Image = "nginx" }],
            Tags = tags,
        };

        await h.Apis.Ecs.RegisterTaskDefinitionAsync(request("myproj-app-api-task"), CancellationToken.None);
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => h.Apis.Ecs.RegisterTaskDefinitionAsync(request("payments-api-task"), CancellationToken.None));

        Assert.Equal("AccessDeniedException", error.ErrorCode);
        Assert.Contains("ecs:RegisterTaskDefinition on resource: arn:aws:ecs:us-east-1:123456789012:task-definition/payments-api-task:1", error.ErrorMessage, StringComparison.Ordinal);
    }

    private static async Task Denied(Func<Task> call) =>
        Assert.Equal("AccessDenied", (await Assert.ThrowsAsync<AwsServiceException>(call)).ErrorCode);

    private static Harness Enforced(IamPolicy policy) => new(
        clock => new SimulationOptions { TimeProvider = clock, Permissions = policy },
        new ProvisionerOptions("us-east-1") { PermissionsBoundaryArn = TemplatePermissions.BoundaryArn });

    /// <summary>template.yaml without one statement, found by its Sid (the statement ends where the next item or policy begins).</summary>
    private static Func<string, string> WithoutStatement(string sid) => text =>
    {
        var lines = text.Split('\n').ToList();
        var start = lines.FindIndex(line => line.Trim() == $"- Sid: {sid}");
        Assert.True(start >= 0, $"template.yaml has no statement with Sid {sid}");
        var indent = lines[start].IndexOf('-', StringComparison.Ordinal);
        var end = lines.FindIndex(start + 1, line => line.Trim().Length > 0 && line.Length - line.TrimStart().Length <= indent);

        // Comments just above the statement belong to it.
        while (start > 0 && lines[start - 1].TrimStart().StartsWith('#'))
        {
            start--;
        }

        lines.RemoveRange(start, end - start);
        return string.Join('\n', lines);
    };
}
