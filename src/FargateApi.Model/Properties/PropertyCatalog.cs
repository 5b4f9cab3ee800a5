using L = FargateApi.Properties.PropertyLimits;
using P = FargateApi.Properties.PropertyPatterns;

namespace FargateApi.Properties;

/// <summary>
/// The one definition of every <c>Custom::FargateApi</c> property: name, type, default, what is allowed, update behaviour
/// and description. <see cref="PropertiesReader"/> validates against it; <see cref="ToJsonSchema"/> and
/// <see cref="ToMarkdown"/> generate schema/fargate-api.schema.json and docs/properties.md from it.
/// Defaults are the seed's (shared/seed/ecs-fargate-patterns.md). Nested objects live in PropertyCatalog.Members.cs.
/// </summary>
internal static partial class PropertyCatalog
{
    private const string NamesAreFixed = "the service, target group, security group, task family and role names are fixed after creation";

    public static PropertyDefinition ProjectPrefix { get; } = Text("ProjectPrefix", "Prefix of every resource name: {ProjectPrefix}-{ServiceName}-task, -service, -tg, -ecs-sg. Not sg or sg-…: EC2 refuses security group names starting with sg-.", P.Name, P.NameText, L.MaxCombinedNameLength - 1) with
    {
        Required = true,
        MinLength = 1,
        Update = UpdateBehavior.Replacement,
        ReplacementReason = NamesAreFixed,
    };

    public static PropertyDefinition Environment { get; } = Text("Environment", "Deployment environment; prod turns ECS Exec off by default.", P.Environment, P.EnvironmentText, L.MaxEnvironmentLength) with
    {
        MinLength = 1,
        DefaultString = "dev",
    };

    public static PropertyDefinition ServiceName { get; } = Text("ServiceName", "Name of the service and its container, e.g. app-api.", P.Name, P.NameText, L.MaxCombinedNameLength - 1) with
    {
        Required = true,
        MinLength = 1,
        Update = UpdateBehavior.Replacement,
        ReplacementReason = NamesAreFixed,
    };

    public static PropertyDefinition Cpu { get; } = Integer("Cpu", "Task CPU units (1024 = 1 vCPU).", 256, 16384, 512) with { AllowedIntegers = FargateSizes.CpuValues };

    public static PropertyDefinition Memory { get; } = Integer("Memory", "Task memory in MiB; must match the Cpu tier.", FargateSizes.MinMemory, FargateSizes.MaxMemory, null) with
    {
        DefaultText = "2 × Cpu (1024)",
        AllowedText = "by Cpu: " + FargateSizes.DescribeTable(),
    };

    public static PropertyDefinition Image { get; } = Text("Image", "Full image URI; when absent the image is the ECR ImageRepository:ImageTag of the deploying account.", P.Image, P.ImageText, L.MaxImageNameLength + L.ImageDigestSuffixLength) with
    {
        DefaultText = "ECR ImageRepository:ImageTag",
    };

    public static PropertyDefinition ImageRepository { get; } = Text("ImageRepository", "ECR repository in the deploying account and region (ignored when Image is given).", P.EcrRepository, P.EcrRepositoryText, L.MaxEcrRepositoryLength) with
    {
        MinLength = L.MinEcrRepositoryLength,
        DefaultText = "{ProjectPrefix}/{ServiceName}",
    };

    public static PropertyDefinition ImageTag { get; } = Text("ImageTag", "Tag of the ECR image.", P.ImageTag, P.ImageTagText, L.MaxImageTagLength) with
    {
        MinLength = 1,
        DefaultString = "latest",
    };

    /// <remarks>
    /// Changes in place: UpdateService takes a new load balancer mapping on a rolling-update service ("Amazon ECS starts new
    /// tasks with the updated Elastic Load Balancing configuration, and then stops the old tasks when the new tasks are
    /// running", ECS API reference, UpdateService loadBalancers) and ECS registers ip targets on the container port, so the
    /// target group keeps the port it was created with.
    /// </remarks>
    public static PropertyDefinition ContainerPort { get; } = Integer(
        "ContainerPort",
        "Port the container listens on. A change rolls out in place: new task definition, load balancer mapping and security group rule; the old port's rule goes once the rollout completes.",
        L.MinPort,
        L.MaxPort,
        8000);

    public static PropertyDefinition EnvironmentVariables { get; } = Map("EnvironmentVariables", "Plain environment variables of the container.", P.EnvironmentVariableName, P.EnvironmentVariableNameText, null, null, L.MaxEnvironmentValueLength) with
    {
        Sensitive = true,
    };

    public static PropertyDefinition Secrets { get; } = Map("Secrets", "Environment variables read at task start from Secrets Manager or SSM Parameter Store: name → ARN. A secret ARN without its 6-character suffix is granted as <name>-??????.", P.EnvironmentVariableName, P.EnvironmentVariableNameText, P.SecretSource, P.SecretSourceText, L.MaxArnLength) with
    {
        Sensitive = true,
        ShapeName = "a Secrets Manager secret ARN or SSM parameter ARN",
        ValueAllowedText = P.SecretSourceForms,
    };

    public static PropertyDefinition SecretKmsKeyArns { get; } = List("SecretKmsKeyArns", "Customer managed KMS keys that encrypt the Secrets and Grants.SecretArns. Each role the provider makes that reads secrets may kms:Decrypt with exactly these keys, and only through Secrets Manager (or SSM for SecureString parameters: kms:ViaService). Not needed for the default aws/secretsmanager key. The key policy must allow the account's IAM policies.", P.KmsKeyArn, P.KmsKeyArnText, L.MaxArnLength, L.MaxGrantsPerList) with
    {
        DefaultList = [],
    };

    public static PropertyDefinition LogRetentionDays { get; } = Integer("LogRetentionDays", "Retention of the log group /ecs/{ProjectPrefix}/{ServiceName}.", 1, 3653, 7) with
    {
        // CloudWatch Logs PutRetentionPolicy retentionInDays (research/fargate-service-stacks.md fact 7).
        AllowedIntegers = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653],
    };

    public static PropertyDefinition LogRemovalPolicy { get; } = new()
    {
        Name = "LogRemovalPolicy",
        Type = PropertyType.String,
        Description = "Whether the log group is deleted with the resource.",
        AllowedStrings = ["Destroy", "Retain"],
        DefaultString = "Destroy",
    };

    public static PropertyDefinition DesiredCount { get; } = Integer("DesiredCount", "Number of tasks the service keeps running (the initial count when AutoScaling is set).", 0, int.MaxValue / 4, 1);

    public static PropertyDefinition EnableExecuteCommand { get; } = Boolean("EnableExecuteCommand", "ECS Exec into running tasks for debugging.", null) with
    {
        DefaultText = "true, false when Environment is prod",
    };

    public static PropertyDefinition DeregistrationDelaySeconds { get; } = Integer("DeregistrationDelaySeconds", "Seconds the target group drains a deregistering task.", 0, L.MaxDeregistrationDelay, 30);

    public static PropertyDefinition PathPatterns { get; } = List("PathPatterns", "Listener rule path patterns; with HostHeaders at most 5 values and 5 wildcards.", P.PathPattern, P.PathPatternText, L.MaxConditionValueLength, L.MaxConditionValuesPerRule) with
    {
        DefaultList = ["/api/*"],
    };

    public static PropertyDefinition HostHeaders { get; } = List("HostHeaders", "Listener rule host headers; counted with PathPatterns.", P.HostHeader, P.HostHeaderText, L.MaxConditionValueLength, L.MaxConditionValuesPerRule) with
    {
        DefaultList = [],
    };

    public static PropertyDefinition Priority { get; } = Integer("Priority", "Listener rule priority, unique on the listener; lower is evaluated first.", L.MinPriority, L.MaxPriority, null) with
    {
        Required = true,
    };

    public static PropertyDefinition TaskRoleArn { get; } = Text("TaskRoleArn", "Existing task role; when absent the provider creates one with the Grants.", P.RoleArn, P.RoleArnText, L.MaxArnLength) with
    {
        DefaultText = "created by the provider",
    };

    public static PropertyDefinition ExecutionRoleArn { get; } = Text("ExecutionRoleArn", "Existing task execution role; when absent the provider creates one that can pull the image, write logs and read the Secrets.", P.RoleArn, P.RoleArnText, L.MaxArnLength) with
    {
        DefaultText = "created by the provider",
    };

    public static PropertyDefinition Tags { get; } = Map("Tags", "Tags on every resource the provider creates (it adds 4 of its own: stack id, logical id, managed-by, generation; and on its IAM roles a 5th, the project prefix).", P.TagKey, P.TagKeyText, P.TagValue, P.TagValueText, L.MaxTagValueLength) with
    {
        MaxKeyLength = L.MaxTagKeyLength,
        MaxItems = L.MaxTagsPerResource - L.ProviderOwnershipTags,
    };

    public static PropertyDefinition WaitForSteadyState { get; } = Boolean("WaitForSteadyState", "Report success only once the service is stable (ServicesStable semantics).", true);

    public static PropertyDefinition ServiceToken { get; } = new()
    {
        Name = "ServiceToken",
        Type = PropertyType.String,
        Description = "CloudFormation's own: the provider Lambda's ARN. Accepted and ignored.",
        MaxLength = L.MaxArnLength,
        DefaultText = "(set by the template)",
    };

    public static PropertyDefinition ServiceTimeout { get; } = Integer("ServiceTimeout", "CloudFormation's own: seconds it waits for the provider's answer.", 1, L.MaxServiceTimeout, L.MaxServiceTimeout);

    /// <summary>Top-level properties, in the order the docs list them. Lazy: the nested objects are initialised in another file.</summary>
    public static IReadOnlyList<PropertyDefinition> All => field ??=
    [
        ProjectPrefix, Environment, ServiceName, Cpu, Memory, Image, ImageRepository, ImageTag, ContainerPort,
        EnvironmentVariables, Secrets, SecretKmsKeyArns, HealthCheck, LogRetentionDays, LogRemovalPolicy, Network, DesiredCount,
        Deployment, EnableExecuteCommand, TargetHealthCheck, DeregistrationDelaySeconds, PathPatterns, HostHeaders,
        Priority, AutoScaling, Grants, TaskRoleArn, ExecutionRoleArn, Tags, WaitForSteadyState, ServiceToken, ServiceTimeout,
    ];

    /// <summary>The whole resource as one object definition (the root of the reader and the schema).</summary>
    public static PropertyDefinition Root => field ??= new()
    {
        Name = "Custom::FargateApi",
        Type = PropertyType.Object,
        Description = "Properties of one Custom::FargateApi resource: a load-balanced ECS Fargate service stack.",
        Members = All,
    };

    public static string ToJsonSchema() => PropertySchemaWriter.Write(Root);

    public static string ToMarkdown() => PropertyDocsWriter.Write(Root);

    private static PropertyDefinition Text(string name, string description, string pattern, string allowedText, int maxLength) => new()
    {
        Name = name,
        Type = PropertyType.String,
        Description = description,
        Pattern = pattern,
        AllowedText = allowedText,
        MaxLength = maxLength,
    };

    private static PropertyDefinition Integer(string name, string description, long minimum, long maximum, long? defaultValue) => new()
    {
        Name = name,
        Type = PropertyType.Integer,
        Description = description,
        Minimum = minimum,
        Maximum = maximum,
        DefaultInteger = defaultValue,
    };

    private static PropertyDefinition Boolean(string name, string description, bool? defaultValue) => new()
    {
        Name = name,
        Type = PropertyType.Boolean,
        Description = description,
        DefaultBoolean = defaultValue,
    };

    private static PropertyDefinition List(string name, string description, string itemPattern, string itemText, int maxLength, int maxItems) => new()
    {
        Name = name,
        Type = PropertyType.StringList,
        Description = description,
        Pattern = itemPattern,
        AllowedText = itemText,
        MinLength = 1,
        MaxLength = maxLength,
        MaxItems = maxItems,
    };

    private static PropertyDefinition Map(string name, string description, string keyPattern, string keyText, string? valuePattern, string? valueText, int maxValueLength) => new()
    {
        Name = name,
        Type = PropertyType.StringMap,
        Description = description,
        KeyPattern = keyPattern,
        MaxKeyLength = keyPattern == P.EnvironmentVariableName ? 255 : null,
        Pattern = valuePattern,
        AllowedText = valueText is null ? "keys: " + keyText : "keys: " + keyText + "; values: " + valueText,
        KeyAllowedText = keyText,
        ValueAllowedText = valueText,
        MaxLength = maxValueLength,
        MaxItems = keyPattern == P.EnvironmentVariableName ? L.MaxEnvironmentEntries : null,
        DefaultText = "{}",
    };
}
