using FargateApi.Desired;
using FargateApi.Properties;

namespace FargateApi.Tests.Desired;

public sealed class GrantableResourcesTests
{
    private static ServiceProperties Granting(Grants grants, Dictionary<string, string>? secrets = null) =>
        Seed.Properties with { Grants = grants, Secrets = secrets ?? [] };

    [Fact]
    public void By_default_only_names_starting_with_the_prefix_and_a_separator_may_be_granted()
    {
        var properties = Granting(
            new Grants(
                ["myproj-orders", "arn:aws:dynamodb:us-east-1:123456789012:table/payments-ledger", "myprojx-orders"],
                ["myproj-files", "arn:aws:s3:::payments-exports"],
                ["arn:aws:secretsmanager:us-east-1:123456789012:secret:myproj/db-AbCdEf", "arn:aws:secretsmanager:us-east-1:123456789012:secret:payments/api-key"]),
            new Dictionary<string, string>
            {
                ["DB_PASSWORD"] = "arn:aws:secretsmanager:us-east-1:123456789012:secret:myproj/db-AbCdEf:password::",
                ["TOKEN"] = "/payments/token",
                ["OWN"] = "arn:aws:ssm:us-east-1:123456789012:parameter/myproj/own",
            });

        var violations = GrantableResources.Default.Violations(properties);

        Assert.Equal(
            [
                "Grants.DynamoDbTables: 'arn:aws:dynamodb:us-east-1:123456789012:table/payments-ledger' is not a resource ProjectPrefix 'myproj' may grant; this provider allows names matching myproj-*, myproj/* (template parameter GrantableResourcePatterns).",
                "Grants.DynamoDbTables: 'myprojx-orders' is not a resource ProjectPrefix 'myproj' may grant; this provider allows names matching myproj-*, myproj/* (template parameter GrantableResourcePatterns).",
                "Grants.S3Buckets: 'arn:aws:s3:::payments-exports' is not a resource ProjectPrefix 'myproj' may grant; this provider allows names matching myproj-*, myproj/* (template parameter GrantableResourcePatterns).",
                "Grants.SecretArns: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:payments/api-key' is not a resource ProjectPrefix 'myproj' may grant; this provider allows names matching myproj-*, myproj/* (template parameter GrantableResourcePatterns).",
                "Secrets.TOKEN: '/payments/token' is not a resource ProjectPrefix 'myproj' may grant; this provider allows names matching myproj-*, myproj/* (template parameter GrantableResourcePatterns).",
            ],
            violations);
    }

    [Fact]
    public void The_platform_teams_patterns_replace_the_default_with_the_prefix_put_in()
    {
        var allowed = GrantableResources.Parse(" {ProjectPrefix}-* , shared-config/?? ");
        var properties = Granting(new Grants(["myproj-orders"], [], []), new Dictionary<string, string> { ["A"] = "shared-config/ab", ["B"] = "shared-config/abc", ["C"] = "myproj/x" });

        var violations = allowed.Violations(properties);

        Assert.Equal(["myproj-*", "shared-config/??"], allowed.Patterns.Select(p => p.Replace(GrantableResources.PrefixPlaceholder, "myproj", StringComparison.Ordinal)));
        Assert.Equal(2, violations.Count);
        Assert.StartsWith("Secrets.B: 'shared-config/abc'", violations[0], StringComparison.Ordinal);
        Assert.StartsWith("Secrets.C: 'myproj/x'", violations[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" , ")]
    public void Unset_or_empty_is_the_default(string? text) =>
        Assert.Equal(GrantableResources.Default, GrantableResources.Parse(text));
}
