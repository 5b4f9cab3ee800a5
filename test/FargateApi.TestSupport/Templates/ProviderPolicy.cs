using YamlDotNet.RepresentationModel;
using static FargateApi.TestSupport.Templates.CloudFormationYaml;

namespace FargateApi.TestSupport.Templates;

/// <summary>One IAM statement of the provider's role, with where it was found (for failure messages) and its node.</summary>
public sealed record PolicyStatement(string Where, string Effect, IReadOnlyList<string> Actions, IReadOnlyList<YamlNode> Resources, YamlMappingNode? Condition, bool HasNotElements, YamlNode Node)
{
    public bool Allows(string action) => Effect == "Allow" && Actions.Contains(action, StringComparer.Ordinal);

    /// <summary>The condition value for <paramref name="key"/> under <paramref name="op"/> (e.g. StringEquals), if any.</summary>
    public YamlNode? ConditionValue(string op, string key) => Get(Condition, op, key);

    public IEnumerable<(string Tag, string Value)> ResourceLeaves => Resources.SelectMany(Leaves);
}

/// <summary>
/// The provider function of template.yaml, its role, and every statement that role gets: the role's inline policies and
/// every <c>AWS::IAM::Policy</c>/<c>AWS::IAM::ManagedPolicy</c> that names the role.
/// </summary>
public sealed class ProviderPolicy
{
    public const string FunctionType = "AWS::Serverless::Function";

    private ProviderPolicy(CloudFormationYaml template, string functionId, YamlMappingNode function, string? roleId, List<PolicyStatement> statements, List<string> problems)
    {
        Template = template;
        FunctionId = functionId;
        Function = function;
        RoleId = roleId;
        Statements = statements;
        Problems = problems;
    }

    public CloudFormationYaml Template { get; }

    public string FunctionId { get; }

    public YamlMappingNode Function { get; }

    public string? RoleId { get; }

    public IReadOnlyList<PolicyStatement> Statements { get; }

    /// <summary>What keeps the statements from being the whole story (a managed policy ARN on the role, no explicit role).</summary>
    public IReadOnlyList<string> Problems { get; }

    public IEnumerable<PolicyStatement> Allowing(string action) => Statements.Where(statement => statement.Allows(action));

    /// <summary>
    /// Every statement as one IAM JSON policy document, its intrinsics resolved for one deployment (parameters, pseudo
    /// parameters, conditions): what IAM evaluates for the provider's role.
    /// </summary>
    public string ResolvedDocument(TemplateResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        using var buffer = new MemoryStream();
        using (var json = new System.Text.Json.Utf8JsonWriter(buffer, new System.Text.Json.JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("Version", "2012-10-17");
            json.WriteStartArray("Statement");
            foreach (var statement in Statements)
            {
                resolver.WriteJson(json, statement.Node);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static ProviderPolicy Load() => Of(CloudFormationYaml.Parse(ReadRepositoryFile("template.yaml")));

    public static ProviderPolicy Of(CloudFormationYaml template)
    {
        var functions = template.ResourcesOfType(FunctionType).ToList();
        Assert.True(functions.Count == 1, $"template.yaml should declare exactly one {FunctionType}, found {functions.Count}.");
        var (functionId, function) = functions[0];
        var problems = new List<string>();
        var statements = new List<PolicyStatement>();

        var roleNode = Get(function, "Properties", "Role");
        var roleId = roleNode is YamlScalarNode { Value: { } value } && Tag(roleNode) == "!GetAtt" && value.EndsWith(".Arn", StringComparison.Ordinal)
            ? value[..^".Arn".Length]
            : null;
        if (roleId is null || template.Resource(roleId) is not { } role || Text(Get(role, "Type")) != "AWS::IAM::Role")
        {
            problems.Add($"{functionId} must name its role as !GetAtt <AWS::IAM::Role>.Arn: SAM's generated role and its managed policies would escape these checks.");
            return new ProviderPolicy(template, functionId, function, null, statements, problems);
        }

        if (Get(function, "Properties", "Policies") is not null)
        {
            problems.Add($"{functionId} has SAM Policies: put every permission on {roleId}.");
        }

        if (Get(role, "Properties", "ManagedPolicyArns") is not null || Get(role, "Properties", "PermissionsBoundary") is not null)
        {
            problems.Add($"{roleId} has ManagedPolicyArns or a PermissionsBoundary: their statements cannot be checked here.");
        }

        foreach (var policy in Items(Get(role, "Properties", "Policies")))
        {
            AddStatements(statements, $"{roleId}/{Text(Get(policy, "PolicyName"))}", Get(policy, "PolicyDocument"));
        }

        foreach (var type in new[] { "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy" })
        {
            foreach (var (policyId, policy) in template.ResourcesOfType(type))
            {
                var roles = Items(Get(policy, "Properties", "Roles"));
                if (roles.Any(node => Tag(node) == "!Ref" && Text(node) == roleId))
                {
                    AddStatements(statements, policyId, Get(policy, "Properties", "PolicyDocument"));
                }
            }
        }

        return new ProviderPolicy(template, functionId, function, roleId, statements, problems);
    }

    private static void AddStatements(List<PolicyStatement> statements, string where, YamlNode? document)
    {
        foreach (var statement in Items(Get(document, "Statement")))
        {
            var sid = Text(Get(statement, "Sid")) ?? $"#{statements.Count}";
            statements.Add(new PolicyStatement(
                $"{where}/{sid}",
                Text(Get(statement, "Effect")) ?? string.Empty,
                [.. Items(Get(statement, "Action")).Select(node => Text(node) ?? Canonical(node))],
                Items(Get(statement, "Resource")),
                Get(statement, "Condition") as YamlMappingNode,
                Get(statement, "NotAction") is not null || Get(statement, "NotResource") is not null || Get(statement, "NotPrincipal") is not null,
                statement));
        }
    }
}
