using System.Text.RegularExpressions;

namespace FargateApi.IntegrationTests.Templates;

/// <summary>
/// The IAM actions the provider needs, derived from src/FargateApi.Aws/Services/OperationCatalog.cs (read as text: this
/// project tests the published binary and references none of its code).
/// </summary>
internal static partial class RequiredPermissions
{
    public const string CatalogPath = "src/FargateApi.Aws/Services/OperationCatalog.cs";

    /// <summary>The IAM service prefix of each botocore model the catalog names (Service Authorization Reference, each service's page).</summary>
    public static readonly IReadOnlyDictionary<string, string> IamPrefixes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ecs"] = "ecs",
        ["elbv2"] = "elasticloadbalancing",
        ["application-autoscaling"] = "application-autoscaling",
        ["logs"] = "logs",
        ["ec2"] = "ec2",
        ["ssm"] = "ssm",
        ["iam"] = "iam",
        ["lambda"] = "lambda",
        ["sts"] = "sts",
        ["cloudformation"] = "cloudformation",
        ["secretsmanager"] = "secretsmanager",
    };

    /// <summary>Operations whose IAM action is not <c>prefix:Operation</c>; null means no permission at all.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Renamed = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        // Lambda API reference, Invoke: "To invoke a function … you need permission for lambda:InvokeFunction".
        ["lambda:Invoke"] = "lambda:InvokeFunction",
        // STS API reference, GetCallerIdentity: "No permissions are required to perform this operation."
        ["sts:GetCallerIdentity"] = null,
    };

    /// <summary>Actions an operation needs besides its own (the operation → why).</summary>
    public static readonly IReadOnlyDictionary<string, string> Implied = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // RegisterTaskDefinition passes the task and execution roles (ECS developer guide, "Task IAM role" / "task
        // execution IAM role": the caller needs iam:PassRole for them).
        ["iam:PassRole"] = "ecs:RegisterTaskDefinition",
        // "Service-linked roles for Application Auto Scaling": the first RegisterScalableTarget for a service creates
        // its service-linked role and needs iam:CreateServiceLinkedRole.
        ["iam:CreateServiceLinkedRole"] = "application-autoscaling:RegisterScalableTarget",
        // RegisterScalableTarget with Tags (the provider always passes its ownership tags) tags the target: like every
        // tag-on-create in ECS, ELB, EC2 and IAM, authorized as the service's tagging action ("Tagging support for
        // Application Auto Scaling").
        ["application-autoscaling:TagResource"] = "application-autoscaling:RegisterScalableTarget with Tags",
    };

    /// <summary>What the Lambda runtime itself needs to write the function's own log lines (its log group only).</summary>
    public static readonly IReadOnlySet<string> RuntimeLogging = new HashSet<string>(StringComparer.Ordinal) { "logs:CreateLogStream", "logs:PutLogEvents" };

    /// <summary>(model, operation) for every entry of the catalog.</summary>
    public static IReadOnlyList<(string Model, string Operation)> CatalogOperations(string catalogSource)
    {
        var operations = new List<(string, string)>();
        foreach (Match group in OfCall().Matches(catalogSource))
        {
            foreach (Match operation in QuotedName().Matches(group.Groups["operations"].Value))
            {
                operations.Add((group.Groups["model"].Value, operation.Groups[1].Value));
            }
        }

        return operations;
    }

    /// <summary>The IAM action of one catalog operation, or null when it needs none.</summary>
    public static string? ActionOf(string model, string operation)
    {
        Assert.True(IamPrefixes.TryGetValue(model, out var prefix), $"OperationCatalog names the model '{model}': add its IAM prefix to RequiredPermissions.IamPrefixes.");
        var action = $"{prefix}:{operation}";
        return Renamed.TryGetValue(action, out var renamed) ? renamed : action;
    }

    /// <summary>Every action the provider's role must allow: one per catalog operation, the implied ones, the runtime's logging.</summary>
    public static IReadOnlySet<string> Needed(string catalogSource)
    {
        var actions = CatalogOperations(catalogSource)
            .Select(operation => ActionOf(operation.Model, operation.Operation))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        actions.UnionWith(Implied.Keys);
        actions.UnionWith(RuntimeLogging);
        return actions;
    }

    [GeneratedRegex("""Of\("(?<model>[a-z0-9-]+)",\s*AwsServices\.\w+,(?<operations>[^)]*)\)""")]
    private static partial Regex OfCall();

    [GeneratedRegex("\"(\\w+)\"")]
    private static partial Regex QuotedName();
}
