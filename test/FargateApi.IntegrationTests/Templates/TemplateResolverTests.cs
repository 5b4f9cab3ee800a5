using System.Text.Json;
using FargateApi.TestSupport.Templates;

namespace FargateApi.IntegrationTests.Templates;

/// <summary>template.yaml's provider policy with its intrinsics resolved, as the simulation enforces it.</summary>
public sealed class TemplateResolverTests
{
    private static readonly CloudFormationYaml Template = CloudFormationYaml.Parse(RepositoryFiles.Read("template.yaml"));

    [Fact]
    public void Every_statement_is_resolved_with_the_default_parameters()
    {
        var statements = Statements(new TemplateDeployment());

        Assert.Equal(ProviderPolicy.Of(Template).Statements.Count, statements.Count);
        Assert.All(statements, statement => Assert.DoesNotContain("${", statement.GetRawText(), StringComparison.Ordinal));
        var passRole = Sid(statements, "PassTaskRoles");
        Assert.Equal(JsonValueKind.String, passRole.GetProperty("Resource").ValueKind);
        Assert.Equal("arn:aws:iam::123456789012:role/fargate-api/*", passRole.GetProperty("Resource").GetString());
        Assert.Equal(TemplateDeployment.TaskRoleBoundaryArn, Sid(statements, "IamBoundedWrites").GetProperty("Condition").GetProperty("StringEquals").GetProperty("iam:PermissionsBoundary").GetString());
        Assert.Equal("arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fargate-api-provider:*", Sid(statements, "OwnLogs").GetProperty("Resource").GetString());
        Assert.Equal(
            [TemplateDeployment.ProviderFunctionArn, $"{TemplateDeployment.ProviderFunctionArn}:*"],
            Sid(statements, "InvokeSelf").GetProperty("Resource").EnumerateArray().Select(item => item.GetString()));
    }

    [Fact]
    public void Parameters_choose_the_branches_and_fill_the_patterns()
    {
        var statements = Statements(new TemplateDeployment
        {
            Parameters = new Dictionary<string, string>
            {
                ["ProjectPrefixPattern"] = "acme",
                ["PermissionsBoundaryArn"] = "arn:aws:iam::123456789012:policy/platform-boundary",
                ["PassableRoleArns"] = "arn:aws:iam::123456789012:role/legacy-a,arn:aws:iam::123456789012:role/legacy-b",
            },
        });

        Assert.Equal(
            ["arn:aws:iam::123456789012:role/fargate-api/*", "arn:aws:iam::123456789012:role/legacy-a", "arn:aws:iam::123456789012:role/legacy-b"],
            Sid(statements, "PassTaskRoles").GetProperty("Resource").EnumerateArray().Select(item => item.GetString()));
        Assert.Equal("arn:aws:iam::123456789012:policy/platform-boundary", Sid(statements, "IamBoundedWrites").GetProperty("Condition").GetProperty("StringEquals").GetProperty("iam:PermissionsBoundary").GetString());
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:service/*/acme-*", Sid(statements, "EcsServices").GetProperty("Resource").GetString());
    }

    [Fact]
    public void An_intrinsic_the_resolver_does_not_know_is_an_error_naming_it()
    {
        var template = CloudFormationYaml.Parse(RepositoryFiles.Read("template.yaml").Replace(
            "Resource: !Sub arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:task/*", "Resource: !ImportValue shared-tasks", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidOperationException>(() => ProviderPolicy.Of(template).ResolvedDocument(new TemplateResolver(template, new TemplateDeployment())));

        Assert.Contains("Fn::ImportValue", error.Message, StringComparison.Ordinal);
    }

    private static List<JsonElement> Statements(TemplateDeployment deployment)
    {
        var text = ProviderPolicy.Of(Template).ResolvedDocument(new TemplateResolver(Template, deployment));
        using var document = JsonDocument.Parse(text);
        return [.. document.RootElement.GetProperty("Statement").EnumerateArray().Select(statement => statement.Clone())];
    }

    private static JsonElement Sid(List<JsonElement> statements, string sid) =>
        statements.Single(statement => statement.GetProperty("Sid").GetString() == sid);
}
