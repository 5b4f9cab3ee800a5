using FargateApi.TestSupport.Templates;
using static FargateApi.TestSupport.Templates.CloudFormationYaml;

namespace FargateApi.IntegrationTests.Templates;

/// <summary>
/// The provider's role in template.yaml is least privilege: exactly the actions OperationCatalog needs, scoped, with the
/// boundary, PassRole and ownership conditions in place. Each rule is also shown to catch a template that breaks it.
/// </summary>
public sealed class TemplatePolicyTests
{
    private static readonly string TemplateText = ReadRepositoryFile("template.yaml");

    private static readonly string CatalogSource = ReadRepositoryFile(CodeActions.CatalogPath);

    /// <summary>Each rule by name, over a template's text.</summary>
    private static readonly IReadOnlyDictionary<string, Func<string, List<string>>> Rules = new Dictionary<string, Func<string, List<string>>>(StringComparer.Ordinal)
    {
        ["wildcard-actions"] = text => { var policy = Policy(text); return PolicyRules.WildcardActions(policy.Template, policy); },
        ["code"] = text => PolicyRules.ActionsDifferFromCode(Policy(text), CodeActions.Scan()),
        ["unscoped-resources"] = text => PolicyRules.UnscopedResources(Policy(text)),
        ["pass-role"] = text => PolicyRules.PassRoleViolations(Policy(text)),
        ["boundary"] = text => PolicyRules.BoundaryViolations(Policy(text)),
        ["self-invoke"] = text => PolicyRules.SelfInvokeViolations(Policy(text)),
        ["service-token"] = text => PolicyRules.ServiceTokenExportViolations(Policy(text)),
        ["organization"] = text => PolicyRules.OrganizationPermissionViolations(Policy(text)),
        ["ownership"] = text => PolicyRules.OwnershipConditionViolations(Policy(text)),
    };

    public static TheoryData<string> RuleNames() => [.. Rules.Keys];

    [Theory]
    [MemberData(nameof(RuleNames))]
    public void Template_obeys_the_rule(string rule)
    {
        var violations = Rules[rule](TemplateText);
        Assert.True(violations.Count == 0, $"template.yaml breaks '{rule}':\n{string.Join('\n', violations)}");
    }

    /// <summary>Breaking one rule in the template (one text edit) is caught by that rule.</summary>
    [Theory]
    [InlineData("wildcard-actions", "- ecs:CreateService\n", "- ecs:*\n")]
    [InlineData("wildcard-actions", "Action: ecs:DescribeTasks", "Action: \"*\"")]
    [InlineData("code", "- ecs:CreateService\n", "- ecs:CreateService\n                  - ecs:RunTask\n")]
    [InlineData("code", "                  - ecs:DeleteService\n", "")]
    [InlineData("code", "Role: !GetAtt ProviderRole.Arn", "Policies: [AWSLambdaBasicExecutionRole]")]
    [InlineData("code", "Resource: !GetAtt ProviderLogGroup.Arn", "Resource: \"*\"")]
    [InlineData("unscoped-resources", "Resource: !Sub arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:task/*", "Resource: \"*\"")]
    [InlineData("pass-role", "iam:PassedToService: ecs-tasks.amazonaws.com", "iam:PassedToService: ec2.amazonaws.com")]
    [InlineData("pass-role", "- !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/fargate-api/*\n                        -", "- !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/*\n                        -")]
    [InlineData("boundary", "iam:PermissionsBoundary: !If", "iam:ResourceTag/team: !If")]
    [InlineData("boundary", "FARGATE_API_PERMISSIONS_BOUNDARY_ARN:", "BOUNDARY_ARN:")]
    [InlineData("boundary", "Action: ssm:GetParameters\n            Resource: !Sub arn:${AWS::Partition}:ssm:*:*:parameter/*", "Action: iam:PassRole\n            Resource: \"*\"")]
    [InlineData("self-invoke", "- !Sub ${ProviderFunction.Arn}:*", "- !Sub arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:*")]
    [InlineData("service-token", "Name: !Sub ${AWS::StackName}-ServiceToken", "Name: !Sub ${AWS::StackName}-Token")]
    [InlineData("service-token", "Value: !GetAtt ProviderFunction.Arn", "Value: !Ref ProviderFunction")]
    [InlineData("organization", "    Condition: HasOrganization\n", "")]
    [InlineData("organization", "PrincipalOrgID: !Ref OrganizationId", "SourceAccount: !Ref AWS::AccountId")]
    [InlineData("ownership", "aws:ResourceTag/fargate-api:managed-by: fargate-api", "aws:ResourceTag/team: platform")]
    [InlineData("ownership", "aws:RequestTag/fargate-api:managed-by: fargate-api", "aws:RequestTag/team: platform")]
    [InlineData("ownership", "                  - iam:GetRole\n", "                  - iam:GetRole\n                  - iam:DeleteRole\n")]
    [InlineData("ownership", "                  - iam:GetRole\n", "                  - iam:GetRole\n                  - iam:TagRole\n")]
    [InlineData("ownership", "                    aws:ResourceTag/fargate-api:managed-by: \"true\"", "                    aws:ResourceTag/team: \"true\"")]
    [InlineData("boundary", "              - Sid: IamReadRoles\n", "              - Sid: AttachAnything\n                Effect: Allow\n                Action: iam:AttachRolePolicy\n                Resource: !Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:role/fargate-api/*\n              - Sid: IamReadRoles\n")]
    [InlineData("unscoped-resources", "Resource: !Sub arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:task-definition/${ProjectPrefixPattern}-*:*", "Resource: \"*\"")]
    public void Breaking_the_rule_is_caught(string rule, string find, string replace)
    {
        Assert.Contains(find, TemplateText, StringComparison.Ordinal);
        var broken = TemplateText.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEmpty(Rules[rule](broken));
    }

    [Fact]
    public void Catalog_is_read_whole_and_every_operation_maps_to_an_action()
    {
        var operations = RequiredPermissions.CatalogOperations(CatalogSource);

        // One per operation named in OperationCatalog.All: a parse that lost a group would shrink this.
        var named = CatalogSource.Split("AwsServices.", StringSplitOptions.None).Skip(1)
            .Sum(group => group.Split(')')[0].Split(',').Skip(1).Count(item => item.Trim().StartsWith('"')));
        Assert.Equal(named, operations.Count);
        Assert.True(operations.Count >= 60, $"only {operations.Count} catalog operations were read");
        Assert.All(operations, operation => CodeActions.Scan().ActionOf(operation.Model, operation.Operation));
    }

    [Fact]
    public void Provider_gets_an_explicit_role_whose_statements_are_all_read()
    {
        var policy = Policy(TemplateText);

        Assert.Empty(policy.Problems);
        Assert.True(policy.Statements.Count >= 10, $"only {policy.Statements.Count} statements were read");
    }

    [Fact]
    public void Async_invocations_are_not_retried()
    {
        var policy = Policy(TemplateText);

        Assert.Equal("0", Text(Get(policy.Function, "Properties", "EventInvokeConfig", "MaximumRetryAttempts")));
    }

    [Fact]
    public void Reserved_concurrency_is_set_only_when_a_value_is_given()
    {
        var policy = Policy(TemplateText);
        var reserved = Get(policy.Function, "Properties", "ReservedConcurrentExecutions")!;

        Assert.Equal("!If", Tag(reserved));
        Assert.Contains(("!Ref", "AWS::NoValue"), Leaves(reserved));
    }

    [Fact]
    public void Function_runs_the_bootstrap_on_provided_al2023_with_the_longest_timeout()
    {
        var properties = Get(Policy(TemplateText).Function, "Properties");

        Assert.Equal("provided.al2023", Text(Get(properties, "Runtime")));
        Assert.Equal("bootstrap", Text(Get(properties, "Handler")));
        Assert.Equal("900", Text(Get(properties, "Timeout")));
    }

    private static ProviderPolicy Policy(string text) => ProviderPolicy.Of(CloudFormationYaml.Parse(text));
}
