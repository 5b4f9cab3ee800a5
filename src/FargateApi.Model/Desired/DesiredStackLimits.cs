using FargateApi.Naming;
using FargateApi.Properties;

namespace FargateApi.Desired;

/// <summary>
/// AWS limits a derived stack can break even when every property passed validation: generation suffixes lengthen names
/// (<c>-g1</c>), and policies and tags grow with the lists they are made from. Checked before any call is made, so a
/// replacement fails up front instead of half-way.
/// </summary>
internal static class DesiredStackLimits
{
    /// <summary>IAM CreateRole RoleName: "max": 64 (botocore iam roleNameType).</summary>
    public const int MaxRoleNameLength = 64;

    /// <summary>IAM PutRolePolicy PolicyName: "max": 128 (botocore iam policyNameType).</summary>
    public const int MaxPolicyNameLength = 128;

    /// <summary>ECS CreateService serviceName and RegisterTaskDefinition family: "Up to 255 letters … numbers, underscores, and hyphens".</summary>
    public const int MaxEcsNameLength = 255;

    /// <summary>EC2 CreateSecurityGroup GroupName: "Up to 255 characters in length".</summary>
    public const int MaxSecurityGroupNameLength = 255;

    /// <summary>CloudWatch Logs CreateLogGroup logGroupName: "max": 512.</summary>
    public const int MaxLogGroupNameLength = 512;

    /// <summary>Application Auto Scaling PutScalingPolicy PolicyName: "max": 256.</summary>
    public const int MaxScalingPolicyNameLength = 256;

    public static ValueList<string> Problems(DesiredStack stack)
    {
        var problems = new List<string>();

        void Length(string what, string value, int max)
        {
            if (value.Length > max)
            {
                problems.Add($"{what} '{value}' is {value.Length} characters; AWS allows {max}");
            }
        }

        Length("target group name", stack.TargetGroup.Name, ResourceNames.MaxTargetGroupNameLength);
        Length("service name", stack.Service.Name, MaxEcsNameLength);
        Length("task definition family", stack.TaskDefinition.Family, MaxEcsNameLength);
        Length("security group name", stack.SecurityGroup.Name, MaxSecurityGroupNameLength);
        Length("log group name", stack.LogGroup.Name, MaxLogGroupNameLength);
        foreach (var role in new[] { stack.ExecutionRole, stack.TaskRole }.OfType<DesiredRole>())
        {
            Length("role name", role.Name, MaxRoleNameLength);
            Length("role policy name", role.PolicyName, MaxPolicyNameLength);
            if (role.PolicyDocument is { } document && document.Length > PolicyDocuments.MaxInlinePolicyCharacters)
            {
                problems.Add($"the policy of role '{role.Name}' is {document.Length} characters; IAM allows {PolicyDocuments.MaxInlinePolicyCharacters} per role");
            }
        }

        foreach (var policy in stack.Scaling?.Policies ?? ValueList<DesiredScalingPolicy>.Empty)
        {
            Length("scaling policy name", policy.Name, MaxScalingPolicyNameLength);
        }

        if (stack.ListenerRule.Priority is < PropertyLimits.MinPriority or > PropertyLimits.MaxPriority)
        {
            problems.Add($"listener rule priority {stack.ListenerRule.Priority} is outside {PropertyLimits.MinPriority}–{PropertyLimits.MaxPriority}");
        }

        if (stack.Service.Tags.Count > Ownership.MaxTagsPerResource)
        {
            problems.Add($"{stack.Service.Tags.Count} tags with the provider's own {Ownership.OwnershipTagCount}; AWS allows {Ownership.MaxTagsPerResource} per resource");
        }

        return problems.ToValueList();
    }
}
