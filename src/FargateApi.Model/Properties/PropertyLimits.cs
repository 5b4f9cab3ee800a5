namespace FargateApi.Properties;

/// <summary>
/// Every AWS limit the property rules rely on, each with its source. "botocore model" means the official API model
/// (boto/botocore 0e6e2404, 2026-08-07) that AWS SDKs are generated from; the quoted text is its documentation.
/// Bounds that are the provider's own choice say so.
/// </summary>
internal static class PropertyLimits
{
    /// <summary>The provider's own bound: a replacement names its resources with a <c>-gN</c> suffix, N from 1 to this.</summary>
    public const int MaxReplacementGeneration = 9;

    /// <summary>
    /// <c>ProjectPrefix</c> + <c>ServiceName</c> together: the longest derived name, the target group
    /// <c>{ProjectPrefix}-{ServiceName}-tg-g9</c>, must fit <see cref="Naming.ResourceNames.MaxTargetGroupNameLength"/> (32,
    /// ELBv2 CreateTargetGroup "can have a maximum of 32 characters"); the fixed part "-" + "-tg-g9" takes 7.
    /// </summary>
    public const int MaxCombinedNameLength = 25;

    /// <summary>The provider's own bound on <c>Environment</c>: it only ends up in tags (value ≤ 256) and messages.</summary>
    public const int MaxEnvironmentLength = 64;

    /// <summary>botocore model ecs ContainerDefinition.image: "up to 255 characters total are allowed" (before any <c>@sha256:</c> digest).</summary>
    public const int MaxImageNameLength = 255;

    /// <summary>The digest suffix ECS accepts: "@sha256:" plus "exactly 64" hex characters (botocore model ecs ContainerDefinition.image).</summary>
    public const int ImageDigestSuffixLength = 8 + 64;

    /// <summary>ECR CreateRepository repositoryName: length 2–256 (ECR API reference, CreateRepository).</summary>
    public const int MinEcrRepositoryLength = 2;

    /// <inheritdoc cref="MinEcrRepositoryLength"/>
    public const int MaxEcrRepositoryLength = 256;

    /// <summary>ECR image tags: at most 128 characters (ECR API reference, PutImage imageTag: length 1–300 for the API, Docker caps tags at 128).</summary>
    public const int MaxImageTagLength = 128;

    /// <summary>TCP port numbers (ECS PortMapping containerPort; ELBv2 target group Port "1-65535").</summary>
    public const int MinPort = 1;

    /// <inheritdoc cref="MinPort"/>
    public const int MaxPort = 65535;

    /// <summary>
    /// The provider's own bound on one environment variable value: ECS caps a whole task definition at 64 KiB
    /// (ECS service quotas, "Task definition size"), so one value can never usefully be larger than this.
    /// </summary>
    public const int MaxEnvironmentValueLength = 8192;

    /// <summary>The provider's own bound on the number of environment variables plus secrets in the one container.</summary>
    public const int MaxEnvironmentEntries = 200;

    /// <summary>IAM and ARN length: ARNs are at most 2048 characters (IAM API reference, arnType "Length Constraints: Minimum length of 20. Maximum length of 2048").</summary>
    public const int MaxArnLength = 2048;

    /// <summary>ECS container health check ranges, botocore model ecs HealthCheck: interval "between 5 and 300 seconds".</summary>
    public const int MinContainerHealthInterval = 5;

    /// <inheritdoc cref="MinContainerHealthInterval"/>
    public const int MaxContainerHealthInterval = 300;

    /// <summary>botocore model ecs HealthCheck.timeout: "You may specify between 2 and 60 seconds" (the brief said 120; the model is newer and authoritative).</summary>
    public const int MinContainerHealthTimeout = 2;

    /// <inheritdoc cref="MinContainerHealthTimeout"/>
    public const int MaxContainerHealthTimeout = 60;

    /// <summary>botocore model ecs HealthCheck.retries: "between 1 and 10 retries".</summary>
    public const int MinContainerHealthRetries = 1;

    /// <inheritdoc cref="MinContainerHealthRetries"/>
    public const int MaxContainerHealthRetries = 10;

    /// <summary>botocore model ecs HealthCheck.startPeriod: "between 0 and 300 seconds".</summary>
    public const int MaxContainerHealthStartPeriod = 300;

    /// <summary>
    /// botocore model ecs DeploymentConfiguration.minimumHealthyPercent: a lower limit "as a percentage of the desiredCount";
    /// more than 100 could never be met. Default 100 for REPLICA services.
    /// </summary>
    public const int MaxMinimumHealthyPercent = 100;

    /// <summary>
    /// botocore model ecs DeploymentConfiguration.maximumPercent: default 200 for REPLICA services. Below 100 a rolling
    /// deploy would stop tasks before starting others; the provider caps it at 200 (the default) so deploys never double
    /// past the seed's "Allow 2x for rolling update".
    /// </summary>
    public const int MinMaximumPercent = 100;

    /// <inheritdoc cref="MinMaximumPercent"/>
    public const int MaxMaximumPercent = 200;

    /// <summary>ECS CreateService healthCheckGracePeriodSeconds: "up to 2,147,483,647" seconds (research/fargate-service-stacks.md, fact 9).</summary>
    public const int MaxHealthCheckGracePeriod = int.MaxValue;

    /// <summary>botocore model elbv2 HealthCheckIntervalSeconds: min 5, max 300.</summary>
    public const int MinTargetHealthInterval = 5;

    /// <inheritdoc cref="MinTargetHealthInterval"/>
    public const int MaxTargetHealthInterval = 300;

    /// <summary>botocore model elbv2 HealthCheckTimeoutSeconds: "The range is 2–120 seconds"; ELB also requires it below the interval.</summary>
    public const int MinTargetHealthTimeout = 2;

    /// <inheritdoc cref="MinTargetHealthTimeout"/>
    public const int MaxTargetHealthTimeout = 120;

    /// <summary>botocore model elbv2 HealthCheckThresholdCount: min 2, max 10.</summary>
    public const int MinThresholdCount = 2;

    /// <inheritdoc cref="MinThresholdCount"/>
    public const int MaxThresholdCount = 10;

    /// <summary>botocore model elbv2 Path (HealthCheckPath): length 1–1024.</summary>
    public const int MaxHealthCheckPathLength = 1024;

    /// <summary>botocore model elbv2 Matcher.HttpCode: "For Application Load Balancers, you can specify values between 200 and 499".</summary>
    public const int MinHealthyHttpCode = 200;

    /// <inheritdoc cref="MinHealthyHttpCode"/>
    public const int MaxHealthyHttpCode = 499;

    /// <summary>botocore model elbv2 TargetGroupAttribute deregistration_delay.timeout_seconds: "The range is 0-3600 seconds".</summary>
    public const int MaxDeregistrationDelay = 3600;

    /// <summary>botocore model elbv2 RulePriority: min 1, max 50000.</summary>
    public const int MinPriority = 1;

    /// <inheritdoc cref="MinPriority"/>
    public const int MaxPriority = 50000;

    /// <summary>botocore model elbv2 PathPatternConditionConfig / HostHeaderConditionConfig: "The maximum length of each string is 128 characters".</summary>
    public const int MaxConditionValueLength = 128;

    /// <summary>ALB quotas: "Condition values per rule: 5" (path patterns and host headers counted together), and at most
    /// 5 wildcards per rule (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html,
    /// .../rule-condition-types.html).</summary>
    public const int MaxConditionValuesPerRule = 5;

    /// <inheritdoc cref="MaxConditionValuesPerRule"/>
    public const int MaxWildcardsPerRule = 5;

    /// <summary>Application Auto Scaling target tracking on ECS utilisation metrics: a percentage, 1–100.</summary>
    public const int MinTargetPercent = 1;

    /// <inheritdoc cref="MinTargetPercent"/>
    public const int MaxTargetPercent = 100;

    /// <summary>botocore model ecs AwsVpcConfiguration.subnets: "There's a limit of 16 subnets that can be specified".</summary>
    public const int MaxSubnets = 16;

    /// <summary>ECS cluster names: "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens" (botocore model ecs CreateCluster).</summary>
    public const int MaxClusterNameLength = 255;

    /// <summary>SSM parameter names: at most 1011 characters including the path (SSM PutParameter Name); the provider appends
    /// a key like <c>/alb-security-group-id</c> (up to 89 characters), so the prefix keeps 900.</summary>
    public const int MaxParameterPrefixLength = 900;

    /// <summary>botocore model ecs Tag: "Maximum number of tags per resource - 50", key ≤ 128, value ≤ 256, no "aws:" prefix.</summary>
    public const int MaxTagsPerResource = 50;

    /// <summary>The provider tags everything it makes with its own ownership tags (stack id, logical id, managed-by, generation),
    /// and its IAM roles also with the project prefix: the most on one resource.</summary>
    public const int ProviderOwnershipTags = Desired.Ownership.RoleTagCount;

    /// <inheritdoc cref="MaxTagsPerResource"/>
    public const int MaxTagKeyLength = 128;

    /// <inheritdoc cref="MaxTagsPerResource"/>
    public const int MaxTagValueLength = 256;

    /// <summary>DynamoDB table names: 3–255 characters of <c>[A-Za-z0-9_.-]</c> (DynamoDB CreateTable TableName).</summary>
    public const int MaxDynamoDbTableNameLength = 255;

    /// <summary>S3 bucket names: 3–63 characters (S3 bucket naming rules, https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html).</summary>
    public const int MaxBucketNameLength = 63;

    /// <summary>The provider's own bound per Grants list: keeps the generated inline policy far below IAM's 10,240-character role policy limit.</summary>
    public const int MaxGrantsPerList = 20;

    /// <summary>CloudFormation custom resource ServiceTimeout: "1 to 3600" seconds, default 3600 (research/custom-resource-providers.md, pitfall 2).</summary>
    public const int MaxServiceTimeout = 3600;

    /// <summary>How many characters of any given value a message quotes: a 1 MB string must not come back in the Reason.</summary>
    public const int MaxQuotedLength = 60;
}
