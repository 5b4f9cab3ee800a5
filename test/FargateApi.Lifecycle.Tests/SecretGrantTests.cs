using FargateApi.Lifecycle.Tests.Support;
using FargateApi.Naming;
using FargateApi.Properties;

namespace FargateApi.Lifecycle.Tests;

/// <summary>
/// Secrets as users write them: a partial ARN is granted as <c>NAME-??????</c>, and the customer managed keys of the
/// secrets are decryptable through Secrets Manager; both reach IAM through PutRolePolicy, on create and in place.
/// </summary>
public sealed class SecretGrantTests
{
    private const string Key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private static readonly ServiceProperties PartialArns = Props.Seed with
    {
        Secrets = new Dictionary<string, string> { ["DB_PASSWORD"] = "arn:aws:secretsmanager:us-east-1:123456789012:secret:myproj/db" },
        Grants = Props.Seed.Grants with { SecretArns = ["arn:aws:secretsmanager:us-east-1:123456789012:secret:myproj/config"] },
    };

    [Fact]
    public async Task Roles_made_for_partial_secret_arns_grant_the_secret_with_its_random_suffix_left_open()
    {
        var h = new Harness();

        await h.CreateAsync(PartialArns);

        Assert.Contains("\"arn:aws:secretsmanager:us-east-1:123456789012:secret:myproj/db-??????\"", ExecutionPolicy(h), StringComparison.Ordinal);
        Assert.Contains("\"arn:aws:secretsmanager:us-east-1:123456789012:secret:myproj/config-??????\"", TaskPolicy(h), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_secret_keys_updates_both_role_policies_in_place()
    {
        var h = new Harness();
        var id = (await h.CreateAsync(PartialArns)).PhysicalResourceId;

        var updated = await h.UpdateAsync(id, PartialArns, PartialArns with { SecretKmsKeyArns = [Key] });

        Assert.Equal(id, updated.PhysicalResourceId);
        Assert.Contains(
            """{"Sid":"SecretKeysDecrypt","Effect":"Allow","Action":["kms:Decrypt"],"Resource":[""" + $"\"{Key}\"" + """],"Condition":{"StringEquals":{"kms:ViaService":["secretsmanager.us-east-1.amazonaws.com"]}}}""",
            ExecutionPolicy(h),
            StringComparison.Ordinal);
        Assert.Contains("\"SecretKeysDecrypt\"", TaskPolicy(h), StringComparison.Ordinal);
        Assert.Equal(1, h.Aws.Calls.SucceededCountOf("CreateService"));
    }

    private static string ExecutionPolicy(Harness h)
    {
        var name = ResourceNames.For(Props.Seed).ExecutionRole;
        return h.Aws.Stores.Iam.GetInlinePolicy(name, name);
    }

    private static string TaskPolicy(Harness h)
    {
        var name = ResourceNames.For(Props.Seed).TaskRole;
        return h.Aws.Stores.Iam.GetInlinePolicy(name, name);
    }
}
