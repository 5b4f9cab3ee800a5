using System.Text.Json.Nodes;
using FargateApi.Properties;
using static FargateApi.Tests.Properties.PropertyFixtures;

namespace FargateApi.Tests.Properties;

/// <summary>
/// Secrets and EnvironmentVariables values may be secrets (a password pasted where its ARN belongs, or "DB_PASSWORD"
/// as a plain variable): problems say what is wrong without quoting them, because the Reason goes to stack events and logs.
/// </summary>
public sealed class SensitiveValueTests
{
    private const string Password = "hunter2-correct-horse-battery";

    [Fact]
    public void Only_secrets_and_environment_variables_are_sensitive()
    {
        string[] sensitive = [.. PropertyCatalog.All.Where(p => p.Sensitive).Select(p => p.Name)];

        Assert.Equal(["EnvironmentVariables", "Secrets"], sensitive);
    }

    [Fact]
    public void A_secret_value_given_instead_of_its_arn_is_described_not_quoted()
    {
        var result = Read(Seed().With("Secrets", new JsonObject { ["DB_PASSWORD"] = Password }));

        var problem = Problem(result, "Secrets.DB_PASSWORD", "is not a Secrets Manager secret ARN or SSM parameter ARN (value not shown: it may be a secret)");
        Assert.Contains("expected arn:<partition>:secretsmanager:<region>:<account>:secret:<name> or arn:<partition>:ssm:<region>:<account>:parameter/<name>", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_value_given_instead_of_the_whole_secrets_map_is_not_quoted()
    {
        var result = Read(Seed().With("Secrets", Password));

        Problem(result, "Secrets", "expected an object of name/value strings, got a string (value not shown: it may be a secret)");
        Assert.DoesNotContain("hunter2", result.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_too_long_secret_arn_is_not_quoted()
    {
        var value = "arn:aws:secretsmanager:us-east-1:123456789012:secret:" + Password + new string('x', 2048);

        var result = Read(Seed().With("Secrets", new JsonObject { ["DB_PASSWORD"] = value }));

        Problem(result, "Secrets.DB_PASSWORD", "value not shown: it may be a secret); at most 2048");
        Assert.DoesNotContain("hunter2", result.Describe(), StringComparison.Ordinal);
        Assert.DoesNotContain("arn:aws:secretsmanager:us-east-1", result.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_too_long_environment_variable_value_is_not_quoted()
    {
        var value = Password + new string('x', PropertyLimits.MaxEnvironmentValueLength);

        var result = Read(Seed().With("EnvironmentVariables", new JsonObject { ["DB_PASSWORD"] = value }));

        Problem(result, "EnvironmentVariables.DB_PASSWORD", $"is too long ({value.Length} characters; value not shown: it may be a secret); at most 8192");
        Assert.DoesNotContain("hunter2", result.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_variables_given_as_a_string_are_not_quoted()
    {
        var result = Read(Seed().With("EnvironmentVariables", "DB_PASSWORD=" + Password));

        Problem(result, "EnvironmentVariables", "got a string (value not shown: it may be a secret)");
        Assert.DoesNotContain("hunter2", result.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Names_of_secrets_are_still_quoted_they_say_which_variable_is_wrong()
    {
        var result = Read(Seed().With("Secrets", new JsonObject { ["1DB"] = Password }));

        Problem(result, "Secrets.1DB", "'1DB' is not a valid name");
        Assert.DoesNotContain("hunter2", result.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Values_of_other_properties_are_still_quoted()
    {
        var result = Read(Seed().With("Tags", new JsonObject { ["team"] = "a;b" }));

        Problem(result, "Tags.team", "'a;b' is not valid");
    }
}
