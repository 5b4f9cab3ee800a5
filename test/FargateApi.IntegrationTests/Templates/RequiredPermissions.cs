using System.Text.RegularExpressions;

namespace FargateApi.IntegrationTests.Templates;

/// <summary>
/// The IAM actions the provider's role must allow: the action of every operation its code calls (<see cref="CodeActions"/>),
/// the actions AWS checks besides it for that call (<see cref="Implied"/>), and the Lambda runtime's own logging.
/// <para>
/// To add an action: write the call in the code and the grant in template.yaml (two lines); this test derives the rest.
/// Touch this file only when AWS authorizes the new call as something other than <c>prefix:Operation</c>
/// (<see cref="Renamed"/>) or checks further actions for it (<see cref="Implied"/>), with the AWS source that says so.
/// </para>
/// </summary>
internal static partial class RequiredPermissions
{
    /// <summary>Operations whose IAM action is not <c>prefix:Operation</c>; null means no permission at all.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Renamed = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        // Lambda API reference, Invoke: "To invoke a function … you need permission for lambda:InvokeFunction".
        ["lambda:Invoke"] = "lambda:InvokeFunction",
        // STS API reference, GetCallerIdentity: "No permissions are required to perform this operation."
        ["sts:GetCallerIdentity"] = null,
    };

    private static readonly string[] AutoScalingValidation =
        ["ecs:DescribeServices", "ecs:UpdateService", "cloudwatch:DescribeAlarms", "cloudwatch:PutMetricAlarm", "cloudwatch:DeleteAlarms"];

    /// <summary>
    /// Actions a call needs besides its own (the call's action → the further actions). The provider creates every resource
    /// with its ownership tags, so each tag-on-create check applies to every create it makes. The simulation checks the same
    /// ones (src/FargateApi.Simulation/Authorization/Access), where each is cited.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Implied = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        // "Grant permission to tag resources on creation" (ECS developer guide): ecs:TagResource with ecs:CreateAction.
        // The task and execution roles are passed to ecs-tasks.amazonaws.com: iam:PassRole (SAR, ECS, API operations).
        ["ecs:RegisterTaskDefinition"] = ["ecs:TagResource", "iam:PassRole"],
        ["ecs:CreateService"] = ["ecs:TagResource"],
        // "ELB API permissions to tag resources during creation": elasticloadbalancing:AddTags with CreateAction.
        ["elasticloadbalancing:CreateTargetGroup"] = ["elasticloadbalancing:AddTags"],
        ["elasticloadbalancing:CreateRule"] = ["elasticloadbalancing:AddTags"],
        // "Grant permission to tag Amazon EC2 resources during creation": ec2:CreateTags with ec2:CreateAction.
        ["ec2:CreateSecurityGroup"] = ["ec2:CreateTags"],
        // CreateLogGroup API reference, tags: "you must have either the logs:TagResource or logs:TagLogGroup permission".
        ["logs:CreateLogGroup"] = ["logs:TagResource"],
        // A role created with tags needs iam:TagRole too (IAM User Guide example "Create new users only with specific tags";
        // iann0036/iamlive#97).
        ["iam:CreateRole"] = ["iam:TagRole"],
        // "Permissions validation for Application Auto Scaling API calls on target resources" with the ECS guide's list
        // ("IAM permissions required for Amazon ECS service auto scaling"); tags on register ("Tagging support for Application
        // Auto Scaling"); the first ECS target creates the service-linked role ("Service-linked roles for Application Auto
        // Scaling": iam:CreateServiceLinkedRole).
        ["application-autoscaling:RegisterScalableTarget"] = ["application-autoscaling:TagResource", "iam:CreateServiceLinkedRole", .. AutoScalingValidation],
        ["application-autoscaling:PutScalingPolicy"] = AutoScalingValidation,
        ["application-autoscaling:DeregisterScalableTarget"] = AutoScalingValidation,
        ["application-autoscaling:DeleteScalingPolicy"] = AutoScalingValidation,
    };

    /// <summary>What the Lambda runtime itself needs to write the function's own log lines (its log group only).</summary>
    public static readonly IReadOnlySet<string> RuntimeLogging = new HashSet<string>(StringComparer.Ordinal) { "logs:CreateLogStream", "logs:PutLogEvents" };

    /// <summary>The IAM action of one operation of the service with this IAM prefix, or null when it needs none.</summary>
    public static string? ActionOf(string prefix, string operation)
    {
        var action = $"{prefix}:{operation}";
        return Renamed.TryGetValue(action, out var renamed) ? renamed : action;
    }

    /// <summary>Every action the role must allow → why (the call sites, the call that implies it, or the runtime).</summary>
    public static IReadOnlyDictionary<string, string> Needed(CodeActions code)
    {
        var needed = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var call in code.Calls.Where(call => call.Action is not null))
        {
            needed.TryAdd(call.Action!, $"called at {string.Join(", ", call.CallSites)}");
            foreach (var implied in Implied.GetValueOrDefault(call.Action!, []))
            {
                needed.TryAdd(implied, $"implied by {call.Action}");
            }
        }

        foreach (var action in RuntimeLogging)
        {
            needed.TryAdd(action, "the Lambda runtime's own log lines");
        }

        return needed;
    }

    /// <summary>(model, operation) for every entry of the catalog, read as text (a check that nothing else is skipped).</summary>
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

    [GeneratedRegex("""Of\("(?<model>[a-z0-9-]+)",\s*AwsServices\.\w+,(?<operations>[^)]*)\)""")]
    private static partial Regex OfCall();

    [GeneratedRegex("\"(\\w+)\"")]
    private static partial Regex QuotedName();
}
