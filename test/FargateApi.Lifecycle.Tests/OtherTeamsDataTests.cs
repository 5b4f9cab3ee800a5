using FargateApi.Desired;
using FargateApi.Lifecycle.Tests.Support;
using FargateApi.Provisioning;

namespace FargateApi.Lifecycle.Tests;

/// <summary>
/// Issue 12, "Roles and data of other teams stay theirs": Grants and Secrets may name only what the platform team allows
/// the stack's ProjectPrefix (GrantableResourcePatterns; by default names starting with the prefix). A stack granting its
/// tasks another team's table, bucket or secret is refused before any AWS call; an update doing so changes nothing.
/// </summary>
public sealed class OtherTeamsDataTests
{
    [Theory]
    [InlineData("Grants.DynamoDbTables", "payments-ledger")]
    [InlineData("Grants.S3Buckets", "payments-exports")]
    [InlineData("Grants.SecretArns", "arn:aws:secretsmanager:us-east-1:123456789012:secret:payments/api-key-AbCdEf")]
    [InlineData("Secrets.API_KEY", "arn:aws:secretsmanager:us-east-1:123456789012:secret:payments/api-key-AbCdEf")]
    [InlineData("Secrets.API_KEY", "/payments/api-key")]
    public async Task A_create_granting_another_teams_data_fails_naming_the_property_value_and_patterns_before_any_call(string property, string value)
    {
        var h = Harness.Enforced();
        var grants = Props.Seed.Grants;
        var props = property switch
        {
            "Grants.DynamoDbTables" => Props.Seed with { Grants = grants with { DynamoDbTables = [.. grants.DynamoDbTables, value] } },
            "Grants.S3Buckets" => Props.Seed with { Grants = grants with { S3Buckets = [.. grants.S3Buckets, value] } },
            "Grants.SecretArns" => Props.Seed with { Grants = grants with { SecretArns = [value] } },
            _ => Props.Seed with { Secrets = new Dictionary<string, string> { ["API_KEY"] = value } },
        };

        var error = await Assert.ThrowsAsync<ProvisioningException>(() => h.CreateAsync(props));

        Assert.Contains($"{property}: '{value}' is not a resource ProjectPrefix 'myproj' may grant", error.Message, StringComparison.Ordinal);
        Assert.Contains("myproj-*, myproj/*", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, h.Aws.Calls.Count);
    }

    [Fact]
    public async Task An_update_adding_another_teams_table_changes_nothing()
    {
        var h = Harness.Enforced();
        var id = (await h.CreateAsync()).PhysicalResourceId;
        var calls = h.Aws.Calls.Count;
        var next = Props.Seed with { Grants = Props.Seed.Grants with { DynamoDbTables = ["payments-ledger"] } };

        await Assert.ThrowsAsync<ProvisioningException>(() => h.UpdateAsync(id, Props.Seed, next));

        Assert.Equal(calls, h.Aws.Calls.Count);
    }

    [Fact]
    public async Task The_platform_team_may_allow_shared_resources_besides_the_prefix()
    {
        var h = new Harness(provisionerOptions: new ProvisionerOptions("us-east-1") { Grantable = GrantableResources.Parse("{ProjectPrefix}-*,shared-*"), PermissionsBoundaryArn = TemplatePermissions.BoundaryArn });
        var props = Props.Seed with { Grants = Props.Seed.Grants with { DynamoDbTables = ["myproj-orders", "shared-currencies"] } };

        var created = await h.CreateAsync(props);

        Assert.True(created.IsFinished);
        var policy = h.Aws.Stores.Iam.All.Single(role => role.Name == "myproj-app-api-task-role").InlinePolicies.Values.Single();
        Assert.Contains("table/shared-currencies", policy, StringComparison.Ordinal);
    }
}
