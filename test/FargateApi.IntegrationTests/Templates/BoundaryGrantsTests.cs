using System.Text.RegularExpressions;
using static FargateApi.TestSupport.Templates.CloudFormationYaml;

namespace FargateApi.IntegrationTests.Templates;

/// <summary>
/// template.yaml's TaskRoleBoundary caps every role the provider makes: a grant the provider writes that the boundary
/// does not allow is silently useless ("Permissions boundaries for IAM entities": the effective permissions are the
/// intersection). Every action of src/FargateApi.Model/Desired/GrantActions.cs (read as text: this project references none
/// of the provider's code) must be allowed by a boundary statement, and kms:Decrypt only through a service (kms:ViaService).
/// </summary>
public sealed partial class BoundaryGrantsTests
{
    private const string GrantActionsPath = "src/FargateApi.Model/Desired/GrantActions.cs";

    private static readonly string TemplateText = ReadRepositoryFile("template.yaml");

    [Fact]
    public void The_boundary_allows_every_action_the_provider_grants_to_task_and_execution_roles()
    {
        var violations = Violations(TemplateText, ReadRepositoryFile(GrantActionsPath));

        Assert.True(violations.Count == 0, string.Join('\n', violations));
    }

    [Fact]
    public void Grant_actions_are_read_from_the_source()
    {
        var actions = GrantActions(ReadRepositoryFile(GrantActionsPath));

        Assert.Contains("kms:Decrypt", actions);
        Assert.Contains("secretsmanager:GetSecretValue", actions);
        Assert.Contains("s3:GetObject*", actions);
        Assert.True(actions.Count > 30, $"only {actions.Count} actions read");
    }

    [Theory]
    [InlineData("            Action: kms:Decrypt\n", "            Action: kms:Encrypt\n", "kms:Decrypt is granted by the provider but not allowed")]
    [InlineData("                kms:ViaService:\n", "                kms:CallerAccount:\n", "without a kms:ViaService condition")]
    [InlineData("              - secretsmanager:DescribeSecret\n", "", "secretsmanager:DescribeSecret is granted by the provider but not allowed")]
    public void A_boundary_that_does_not_allow_a_grant_is_caught(string find, string replace, string expected)
    {
        Assert.Contains(find, TemplateText, StringComparison.Ordinal);

        var violations = Violations(TemplateText.Replace(find, replace, StringComparison.Ordinal), ReadRepositoryFile(GrantActionsPath));

        Assert.Contains(violations, violation => violation.Contains(expected, StringComparison.Ordinal));
    }

    private static List<string> Violations(string templateText, string grantActionsSource)
    {
        var boundary = Parse(templateText).Resource("TaskRoleBoundary");
        if (boundary is null)
        {
            return ["template.yaml has no TaskRoleBoundary"];
        }

        var statements = Items(Get(boundary, "Properties", "PolicyDocument", "Statement"))
            .Where(statement => Text(Get(statement, "Effect")) == "Allow")
            .Select(statement => (Node: statement, Actions: Items(Get(statement, "Action")).Select(node => Text(node) ?? string.Empty).ToList()))
            .ToList();
        var violations = new List<string>();
        foreach (var action in GrantActions(grantActionsSource))
        {
            var allowing = statements.Where(statement => statement.Actions.Any(pattern => Matches(pattern, action))).ToList();
            if (allowing.Count == 0)
            {
                violations.Add($"{action} is granted by the provider but not allowed by TaskRoleBoundary");
            }
            else if (action.StartsWith("kms:", StringComparison.Ordinal)
                && allowing.Any(statement => Get(statement.Node, "Condition", "StringLike", "kms:ViaService") is null && Get(statement.Node, "Condition", "StringEquals", "kms:ViaService") is null))
            {
                violations.Add($"TaskRoleBoundary allows {action} without a kms:ViaService condition: any KMS use of the key, not only reading secrets");
            }
        }

        return violations;
    }

    /// <summary>The string literals of GrantActions.cs that look like IAM actions (<c>service:Action</c>, wildcards kept).</summary>
    private static IReadOnlyList<string> GrantActions(string source) => [.. ActionLiteral().Matches(source).Select(match => match.Groups[1].Value).Distinct(StringComparer.Ordinal)];

    /// <summary>IAM action matching: case-insensitive, <c>*</c> any run of characters, <c>?</c> one (IAM JSON policy elements: Action).</summary>
    private static bool Matches(string pattern, string action) =>
        Regex.IsMatch(action, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [GeneratedRegex("\"([a-z0-9-]+:[A-Za-z*]+)\"")]
    private static partial Regex ActionLiteral();
}
