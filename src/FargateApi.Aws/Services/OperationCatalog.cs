using FargateApi.Aws.Http;

namespace FargateApi.Aws.Services;

/// <summary>One operation a typed client calls: the botocore model folder name, the descriptor, the model's operation name.</summary>
internal sealed record CatalogOperation(string ServiceModelName, AwsService Service, string Operation);

/// <summary>
/// Every operation the typed clients call, in one place, so the conformance harness can prove it covers them all and a
/// reviewer can see our whole AWS surface (and so the IAM policy of the provider's own role) at a glance.
/// </summary>
internal static class OperationCatalog
{
    public static readonly IReadOnlyList<CatalogOperation> All =
    [
        .. Of("ecs", AwsServices.Ecs,
            "RegisterTaskDefinition", "DescribeTaskDefinition", "DeregisterTaskDefinition", "ListTaskDefinitions",
            "CreateService", "UpdateService", "DeleteService", "DescribeServices", "ListTasks", "DescribeTasks",
            "TagResource", "UntagResource", "ListTagsForResource"),
        .. Of("elbv2", AwsServices.ElasticLoadBalancingV2,
            "CreateTargetGroup", "ModifyTargetGroup", "ModifyTargetGroupAttributes", "DescribeTargetGroups",
            "DescribeTargetGroupAttributes", "DeleteTargetGroup", "DescribeTargetHealth", "CreateRule", "ModifyRule", "SetRulePriorities", "DeleteRule",
            "DescribeRules", "DescribeListeners", "DescribeLoadBalancers", "AddTags", "RemoveTags", "DescribeTags"),
        .. Of("application-autoscaling", AwsServices.ApplicationAutoScaling,
            "RegisterScalableTarget", "DescribeScalableTargets", "DeregisterScalableTarget",
            "PutScalingPolicy", "DescribeScalingPolicies", "DeleteScalingPolicy", "TagResource", "UntagResource", "ListTagsForResource"),
        .. Of("logs", AwsServices.CloudWatchLogs,
            "CreateLogGroup", "PutRetentionPolicy", "DeleteLogGroup", "DescribeLogGroups",
            "TagResource", "UntagResource", "ListTagsForResource"),
        .. Of("ec2", AwsServices.Ec2,
            "CreateSecurityGroup", "AuthorizeSecurityGroupIngress", "RevokeSecurityGroupIngress", "DescribeSecurityGroups",
            "DescribeSecurityGroupRules", "DeleteSecurityGroup", "DescribeNetworkInterfaces", "CreateTags", "DeleteTags", "DescribeVpcs",
            "DescribeSubnets"),
        .. Of("ssm", AwsServices.Ssm, "GetParameters"),
        .. Of("iam", AwsServices.Iam,
            "CreateRole", "GetRole", "DeleteRole", "UpdateAssumeRolePolicy", "PutRolePolicy", "DeleteRolePolicy",
            "ListRolePolicies", "AttachRolePolicy", "DetachRolePolicy", "ListAttachedRolePolicies", "TagRole", "UntagRole", "ListRoleTags"),
        .. Of("lambda", AwsServices.Lambda, "Invoke"),
        .. Of("sts", AwsServices.Sts, "GetCallerIdentity"),
        .. Of("cloudformation", AwsServices.CloudFormation, "DescribeStackResource"),
        .. Of("secretsmanager", AwsServices.SecretsManager, "GetSecretValue"),
    ];

    public static bool Contains(AwsService service, string operation)
        => All.Any(o => ReferenceEquals(o.Service, service) && o.Operation == operation);

    private static IEnumerable<CatalogOperation> Of(string modelName, AwsService service, params string[] operations)
        => operations.Select(operation => new CatalogOperation(modelName, service, operation));
}
