using System.Text.RegularExpressions;
using FargateApi.TestSupport.Templates;
using static FargateApi.TestSupport.Templates.CloudFormationYaml;

namespace FargateApi.IntegrationTests.Templates;

/// <summary>
/// The rules the provider's role obeys, each a function from the template to its violations (empty = obeyed), so a
/// test can show both that template.yaml obeys a rule and that a template breaking it is caught.
/// </summary>
internal static partial class PolicyRules
{
    /// <summary>src/FargateApi.Model/Desired/Ownership.cs ManagedByTag / ManagedByValue.</summary>
    public const string ManagedByTag = "fargate-api:managed-by";

    public const string ManagedByValue = "fargate-api";

    public const string BoundaryVariable = "FARGATE_API_PERMISSIONS_BOUNDARY_ARN";

    /// <summary>
    /// Actions the Service Authorization Reference lists with no resource type (so only <c>"*"</c> names their
    /// resource), or whose resource ids the provider cannot know beforehand (scalable targets, ListTasks' container
    /// instances). The only actions allowed on <c>"*"</c>. docs/provider-role.md cites each SAR page. (RegisterTaskDefinition
    /// is not among them: the SAR now gives it the task-definition resource type.)
    /// </summary>
    public static readonly IReadOnlySet<string> NoResourceTypeActions = new HashSet<string>(StringComparer.Ordinal)
    {
        "ecs:DescribeTaskDefinition", "ecs:DeregisterTaskDefinition", "ecs:ListTaskDefinitions", "ecs:ListTasks",
        "elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeRules", "elasticloadbalancing:DescribeTargetHealth", "elasticloadbalancing:DescribeListeners",
        "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeTags",
        "application-autoscaling:RegisterScalableTarget", "application-autoscaling:DeregisterScalableTarget", "application-autoscaling:PutScalingPolicy",
        "application-autoscaling:DescribeScalableTargets",
        "ec2:DescribeSecurityGroups", "ec2:DescribeNetworkInterfaces",
        "logs:DescribeLogGroups",
    };

    /// <summary>Create calls that must carry the ownership tag (aws:RequestTag).</summary>
    public static readonly IReadOnlyList<string> TaggedCreates = ["ecs:RegisterTaskDefinition", "elasticloadbalancing:CreateRule", "ec2:CreateSecurityGroup"];

    /// <summary>
    /// Changes only to resources carrying the ownership tag (action → the ARN part of the resources it concerns):
    /// security groups and listener rules have random ids, and a role under /fargate-api/ may be someone else's.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> OwnedOnlyMutations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ec2:AuthorizeSecurityGroupIngress"] = ":security-group/",
        ["ec2:RevokeSecurityGroupIngress"] = ":security-group/",
        ["ec2:DeleteSecurityGroup"] = ":security-group/",
        ["ec2:CreateTags"] = ":security-group/",
        ["elasticloadbalancing:ModifyRule"] = ":listener-rule/",
        ["elasticloadbalancing:SetRulePriorities"] = ":listener-rule/",
        ["elasticloadbalancing:DeleteRule"] = ":listener-rule/",
        ["elasticloadbalancing:AddTags"] = ":listener-rule/",
        ["elasticloadbalancing:RemoveTags"] = ":listener-rule/",
        ["iam:DeleteRole"] = ":role/",
        ["iam:UpdateAssumeRolePolicy"] = ":role/",
        ["iam:DeleteRolePolicy"] = ":role/",
        ["iam:DetachRolePolicy"] = ":role/",
        ["iam:TagRole"] = ":role/",
    };

    /// <summary>Actions that give a role permissions: allowed only with the boundary in the request (iam:PermissionsBoundary).</summary>
    public static readonly IReadOnlyList<string> BoundedRoleWrites = ["iam:CreateRole", "iam:PutRolePolicy", "iam:AttachRolePolicy", "iam:PutRolePermissionsBoundary"];

    /// <summary>The ones the provider calls, which the role must allow.</summary>
    public static readonly IReadOnlyList<string> CalledBoundedRoleWrites = ["iam:CreateRole", "iam:PutRolePolicy"];

    /// <summary>What a permissions boundary of task and execution roles may allow: the kinds the property model defines.</summary>
    public static readonly IReadOnlySet<string> BoundaryPrefixes = new HashSet<string>(StringComparer.Ordinal)
    {
        "dynamodb", "s3", "secretsmanager", "ssm", "ecr", "logs", "ssmmessages", "kms",
    };

    public static List<string> WildcardActions(CloudFormationYaml template, ProviderPolicy policy)
    {
        var violations = Entries(template.Root)
            .Where(entry => entry.Key is "Action" or "NotAction")
            .SelectMany(entry => Leaves(entry.Value))
            .Where(leaf => leaf.Value == "*" || leaf.Value.EndsWith(":*", StringComparison.Ordinal))
            .Select(leaf => $"wildcard action '{leaf.Value}'")
            .ToList();
        violations.AddRange(policy.Statements.Where(statement => statement.HasNotElements).Select(statement => $"{statement.Where} uses NotAction/NotResource/NotPrincipal"));
        violations.AddRange(policy.Statements.Where(statement => statement.Effect != "Allow").Select(statement => $"{statement.Where} is not an Allow statement"));
        return violations;
    }

    /// <summary>
    /// The role allows exactly what the code needs: every action its call sites need (<see cref="RequiredPermissions.Needed"/>),
    /// and nothing that no call needs; the runtime's logging actions only on the function's own log group.
    /// </summary>
    public static List<string> ActionsDifferFromCode(ProviderPolicy policy, CodeActions code)
    {
        var needed = RequiredPermissions.Needed(code);
        var allowed = policy.Statements.SelectMany(statement => statement.Actions).ToHashSet(StringComparer.Ordinal);
        var violations = new List<string>(policy.Problems);
        violations.AddRange(code.Problems);
        violations.AddRange(needed.Keys.Except(allowed).Order(StringComparer.Ordinal).Select(action => $"needed but not allowed: {action} ({needed[action]})"));
        violations.AddRange(allowed.Except(needed.Keys).Order(StringComparer.Ordinal).Select(action => $"allowed but nothing in the code calls it or implies it: {action}"));
        violations.AddRange(policy.Statements
            .Where(statement => statement.Actions.Any(RequiredPermissions.RuntimeLogging.Contains))
            .Where(statement => !OnlyOwnLogGroup(policy, statement))
            .Select(statement => $"{statement.Where}: the runtime's logging actions belong on the function's own log group only"));
        return violations;
    }

    public static List<string> UnscopedResources(ProviderPolicy policy) =>
        [.. policy.Statements
            .Where(statement => statement.ResourceLeaves.Any(leaf => leaf.Value == "*"))
            .SelectMany(statement => statement.Actions.Where(action => !NoResourceTypeActions.Contains(action)).Select(action => $"{statement.Where}: {action} on \"*\""))];

    public static List<string> PassRoleViolations(ProviderPolicy policy)
    {
        var statements = policy.Allowing("iam:PassRole").ToList();
        var violations = statements.Count == 0 ? ["no statement allows iam:PassRole"] : new List<string>();
        foreach (var statement in statements)
        {
            if (Text(statement.ConditionValue("StringEquals", "iam:PassedToService")) != "ecs-tasks.amazonaws.com")
            {
                violations.Add($"{statement.Where}: iam:PassRole without StringEquals iam:PassedToService ecs-tasks.amazonaws.com");
            }

            violations.AddRange(statement.ResourceLeaves
                .Where(leaf => !IsProviderRolePattern(leaf) && leaf != ("!Ref", "PassableRoleArns"))
                .Select(leaf => $"{statement.Where}: iam:PassRole on '{leaf.Value}', neither role/fargate-api/* nor PassableRoleArns"));
        }

        return violations;
    }

    public static List<string> BoundaryViolations(ProviderPolicy policy)
    {
        var violations = new List<string>();
        var variable = Get(policy.Function, "Properties", "Environment", "Variables", BoundaryVariable);
        if (variable is null)
        {
            return [$"{policy.FunctionId} lacks the environment variable {BoundaryVariable}"];
        }

        var leaves = Leaves(variable).ToList();
        if (!leaves.Contains(("!Ref", "PermissionsBoundaryArn")))
        {
            violations.Add($"{BoundaryVariable} does not take the PermissionsBoundaryArn parameter");
        }

        foreach (var leaf in leaves.Where(leaf => leaf.Tag == "!Ref" && policy.Template.Resource(leaf.Value) is not null))
        {
            var boundary = policy.Template.Resource(leaf.Value)!;
            var actions = Items(Get(boundary, "Properties", "PolicyDocument", "Statement")).SelectMany(statement => Items(Get(statement, "Action"))).Select(node => Text(node) ?? string.Empty);
            violations.AddRange(actions.Where(action => !BoundaryPrefixes.Contains(action.Split(':')[0])).Select(action => $"boundary {leaf.Value} allows {action}, beyond what task and execution roles may get"));
        }

        var expected = Canonical(variable);
        foreach (var action in BoundedRoleWrites)
        {
            var statements = policy.Allowing(action).ToList();
            violations.AddRange(statements.Count == 0 && CalledBoundedRoleWrites.Contains(action) ? [$"no statement allows {action}"] : []);
            violations.AddRange(statements
                .Where(statement => statement.ConditionValue("StringEquals", "iam:PermissionsBoundary") is not { } value || Canonical(value) != expected)
                .Select(statement => $"{statement.Where}: {action} without StringEquals iam:PermissionsBoundary = the {BoundaryVariable} value"));
        }

        violations.AddRange(policy.Statements
            .Where(statement => statement.Actions.Any(action => action.StartsWith("iam:", StringComparison.Ordinal) && action is not ("iam:PassRole" or "iam:CreateServiceLinkedRole")))
            .SelectMany(statement => statement.ResourceLeaves.Where(leaf => !IsProviderRolePattern(leaf)).Select(leaf => $"{statement.Where}: IAM role action on '{leaf.Value}', not role/fargate-api/*")));
        return violations;
    }

    public static List<string> SelfInvokeViolations(ProviderPolicy policy)
    {
        var statements = policy.Allowing("lambda:InvokeFunction").ToList();
        var violations = statements.Count == 0 ? ["no statement allows lambda:InvokeFunction"] : new List<string>();
        var arn = $"{policy.FunctionId}.Arn";
        violations.AddRange(statements.SelectMany(statement => statement.ResourceLeaves
            .Where(leaf => leaf != ("!GetAtt", arn) && !(leaf.Tag == "!Sub" && (leaf.Value == $"${{{arn}}}" || leaf.Value == $"${{{arn}}}:*")))
            .Select(leaf => $"{statement.Where}: lambda:InvokeFunction on '{leaf.Value}', not {policy.FunctionId} itself")));
        return violations;
    }

    public static List<string> ServiceTokenExportViolations(ProviderPolicy policy)
    {
        var output = Get(policy.Template.Root, "Outputs", "ServiceToken");
        var violations = new List<string>();
        if (Get(output, "Value") is not { } value || Canonical(value) != $"!GetAtt'{policy.FunctionId}.Arn'")
        {
            violations.Add($"Outputs.ServiceToken.Value is not !GetAtt {policy.FunctionId}.Arn");
        }

        if (Get(output, "Export", "Name") is not { } name || Canonical(name) != "!Sub'${AWS::StackName}-ServiceToken'")
        {
            violations.Add("Outputs.ServiceToken is not exported as ${AWS::StackName}-ServiceToken");
        }

        return violations;
    }

    public static List<string> OrganizationPermissionViolations(ProviderPolicy policy)
    {
        var template = policy.Template;
        var violations = new List<string>();
        if (Text(Get(template.Root, "Parameters", "OrganizationId", "Default")) != string.Empty)
        {
            violations.Add("the OrganizationId parameter must default to empty (off)");
        }

        var permissions = template.ResourcesOfType("AWS::Lambda::Permission").ToList();
        violations.AddRange(permissions.Count == 0 ? ["no AWS::Lambda::Permission for the organization"] : []);
        foreach (var (id, permission) in permissions)
        {
            var condition = Text(Get(permission, "Condition"));
            var definition = condition is null ? null : Get(template.Root, "Conditions", condition);
            if (definition is null || Canonical(definition) != "!Not[!Equals[!Ref'OrganizationId','']]")
            {
                violations.Add($"{id} is not conditional on a non-empty OrganizationId");
            }

            if (Get(permission, "Properties", "PrincipalOrgID") is not { } org || Canonical(org) != "!Ref'OrganizationId'")
            {
                violations.Add($"{id} lacks PrincipalOrgID !Ref OrganizationId");
            }
        }

        return violations;
    }

    public static List<string> OwnershipConditionViolations(ProviderPolicy policy)
    {
        var violations = new List<string>();
        foreach (var action in TaggedCreates)
        {
            violations.AddRange(policy.Allowing(action)
                .Where(statement => action != "ec2:CreateSecurityGroup" || statement.ResourceLeaves.Any(leaf => leaf.Value.Contains(":security-group/", StringComparison.Ordinal)))
                .Where(statement => Text(statement.ConditionValue("StringEquals", $"aws:RequestTag/{ManagedByTag}")) != ManagedByValue)
                .Select(statement => $"{statement.Where}: {action} without StringEquals aws:RequestTag/{ManagedByTag} = {ManagedByValue}"));
        }

        foreach (var statement in policy.Statements)
        {
            var concerned = statement.Actions.Where(OwnedOnlyMutations.ContainsKey).Select(action => OwnedOnlyMutations[action]).ToHashSet(StringComparer.Ordinal);
            var onRandomIds = statement.ResourceLeaves.Any(leaf => concerned.Any(part => leaf.Value.Contains(part, StringComparison.Ordinal)));
            var owned = Text(statement.ConditionValue("StringEquals", $"aws:ResourceTag/{ManagedByTag}")) == ManagedByValue;
            var tagOnCreate = (statement.Actions.All(action => action is "ec2:CreateTags" or "elasticloadbalancing:AddTags")
                    && (statement.ConditionValue("StringEquals", "ec2:CreateAction") is not null || statement.ConditionValue("StringEquals", "elasticloadbalancing:CreateAction") is not null))
                || IsRoleTagOnCreate(statement);
            if (onRandomIds && !owned && !tagOnCreate)
            {
                violations.Add($"{statement.Where}: changes security groups, listener rules or roles without StringEquals aws:ResourceTag/{ManagedByTag} = {ManagedByValue}");
            }
        }

        return violations;
    }

    /// <summary>
    /// iam:TagRole only on a role without the ownership tag and only to set it: the tag-on-create check of CreateRole, which
    /// IAM gives no CreateAction key.
    /// </summary>
    private static bool IsRoleTagOnCreate(PolicyStatement statement) =>
        statement.Actions.All(action => action == "iam:TagRole")
        && Text(statement.ConditionValue("Null", $"aws:ResourceTag/{ManagedByTag}")) == "true"
        && Text(statement.ConditionValue("StringEquals", $"aws:RequestTag/{ManagedByTag}")) == ManagedByValue;

    private static bool OnlyOwnLogGroup(ProviderPolicy policy, PolicyStatement statement)
    {
        var logGroup = Get(policy.Function, "Properties", "LoggingConfig", "LogGroup");
        var own = logGroup is not null && Tag(logGroup) == "!Ref" ? $"{Text(logGroup)}.Arn" : null;
        return statement.Actions.All(RequiredPermissions.RuntimeLogging.Contains)
            && statement.ResourceLeaves.All(leaf => leaf == ("!GetAtt", own));
    }

    private static bool IsProviderRolePattern((string Tag, string Value) leaf) =>
        leaf.Tag == "!Sub" && ProviderRoleArn().IsMatch(leaf.Value);

    /// <summary>Roles under ResourceNames.RolePath (/fargate-api/) of this account, or only those of the allowed prefixes
    /// (role names start with the ProjectPrefix: ResourceNames.TaskRole, ExecutionRole).</summary>
    [GeneratedRegex(@"^arn:\$\{AWS::Partition\}:iam::\$\{AWS::AccountId\}:role/fargate-api/(\$\{ProjectPrefixPattern\}-)?\*$")]
    private static partial Regex ProviderRoleArn();
}
