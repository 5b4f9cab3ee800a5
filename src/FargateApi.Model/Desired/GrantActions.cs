namespace FargateApi.Desired;

/// <summary>
/// The IAM actions of each grant, exactly as CDK's grant methods give them, so a stack moved from the seed's CDK code
/// to this provider keeps the same permissions. Only actions live here: template.yaml's TaskRoleBoundary must allow each
/// (test/FargateApi.IntegrationTests/Templates/BoundaryGrantsTests.cs reads this file).
/// </summary>
internal static class GrantActions
{
    /// <summary>
    /// <c>table.grantReadWriteData</c>: aws/aws-cdk <c>packages/aws-cdk-lib/aws-dynamodb/lib/table-grants.ts</c>
    /// <c>readWriteData</c> = <c>RESOURCE_READ_DATA_ACTIONS</c> + <c>WRITE_DATA_ACTIONS</c> + <c>DESCRIBE_TABLE</c>, then
    /// <c>PRINCIPAL_ONLY_READ_DATA_ACTIONS</c>, with the lists from <c>aws-dynamodb/lib/perms.ts</c>.
    /// Resources: the table ARN and <c>…/index/*</c> (table-grants.ts adds <c>${arn}/index/*</c> for tables with indexes).
    /// </summary>
    public static readonly ValueList<string> DynamoDbReadWriteData = ValueList.Of(
        "dynamodb:BatchGetItem",
        "dynamodb:Query",
        "dynamodb:GetItem",
        "dynamodb:Scan",
        "dynamodb:ConditionCheckItem",
        "dynamodb:BatchWriteItem",
        "dynamodb:PutItem",
        "dynamodb:UpdateItem",
        "dynamodb:DeleteItem",
        "dynamodb:DescribeTable",
        "dynamodb:GetRecords",
        "dynamodb:GetShardIterator");

    /// <summary>
    /// <c>bucket.grantReadWrite</c>: aws/aws-cdk <c>packages/aws-cdk-lib/aws-s3/lib/bucket-grants.ts</c> <c>readWrite</c> =
    /// <c>BUCKET_READ_ACTIONS</c> + <c>BUCKET_DELETE_ACTIONS</c> + <c>BUCKET_PUT_ACTIONS</c> (the list used under the
    /// default feature flag <c>@aws-cdk/aws-s3:grantWriteWithoutAcl</c>), lists from <c>aws-s3/lib/perms.ts</c>.
    /// Resources: the bucket ARN and <c>…/*</c>.
    /// </summary>
    public static readonly ValueList<string> S3ReadWrite = ValueList.Of(
        "s3:GetObject*",
        "s3:GetBucket*",
        "s3:List*",
        "s3:DeleteObject*",
        "s3:PutObject",
        "s3:PutObjectLegalHold",
        "s3:PutObjectRetention",
        "s3:PutObjectTagging",
        "s3:PutObjectVersionTagging",
        "s3:Abort*");

    /// <summary><c>secret.grantRead</c> (aws-cdk <c>aws-secretsmanager/lib/secret.ts</c>).</summary>
    public static readonly ValueList<string> SecretRead = ValueList.Of(
        "secretsmanager:GetSecretValue",
        "secretsmanager:DescribeSecret");

    /// <summary>
    /// ECS Exec: the four <c>ssmmessages:*Channel</c> actions CDK's <c>enableExecuteCommand</c> adds to the task role
    /// (aws-cdk <c>aws-ecs/lib/base/base-service.ts</c>), on <c>*</c>: ssmmessages has no resource-level permissions.
    /// </summary>
    public static readonly ValueList<string> EcsExec = ValueList.Of(
        "ssmmessages:CreateControlChannel",
        "ssmmessages:CreateDataChannel",
        "ssmmessages:OpenControlChannel",
        "ssmmessages:OpenDataChannel");

    /// <summary>
    /// <c>repository.grantPull</c> (aws-cdk <c>aws-ecr/lib/repository.ts</c>), on the repository ARN.
    /// </summary>
    public static readonly ValueList<string> EcrPull = ValueList.Of(
        "ecr:BatchCheckLayerAvailability",
        "ecr:GetDownloadUrlForLayer",
        "ecr:BatchGetImage");

    /// <summary>
    /// Needed to log in to any ECR registry, and only grantable on <c>*</c>: GetAuthorizationToken returns a token for the
    /// whole registry, so it has no resource type (Service Authorization Reference, "Actions defined by Amazon ECR";
    /// CDK's grantPull adds it the same way through <c>AuthorizationToken.grantRead</c>).
    /// </summary>
    public const string EcrAuthorization = "ecr:GetAuthorizationToken";

    /// <summary>What the awslogs driver needs (aws-cdk <c>aws-ecs/lib/log-drivers/aws-log-driver.ts</c> grants <c>logGroup.grantWrite</c>).</summary>
    public static readonly ValueList<string> LogsWrite = ValueList.Of("logs:CreateLogStream", "logs:PutLogEvents");

    /// <summary>What the ECS agent needs to inject secrets (ECS developer guide, "Passing sensitive data to a container":
    /// <c>secretsmanager:GetSecretValue</c> for Secrets Manager, <c>ssm:GetParameters</c> for Parameter Store).</summary>
    public const string SecretsManagerGetSecretValue = "secretsmanager:GetSecretValue";

    public const string SsmGetParameters = "ssm:GetParameters";

    /// <summary>
    /// Reading a secret or SecureString parameter encrypted with a customer managed key: Secrets Manager (and SSM)
    /// decrypt it with the caller's permissions, so the reader needs <c>kms:Decrypt</c> on the key (Secrets Manager user
    /// guide, "Secret encryption and decryption", Permissions for the KMS key; ECS developer guide, "Required IAM
    /// permissions for Amazon ECS secrets": "kms:Decrypt—Required only if your key uses a custom KMS key"). CDK's
    /// <c>secret.grantRead</c> grants it through <c>kms.ViaServicePrincipal('secretsmanager.&lt;region&gt;.amazonaws.com')</c>
    /// (aws-cdk <c>aws-secretsmanager/lib/secret.ts</c>), i.e. only for calls Secrets Manager makes:
    /// <see cref="PolicyCondition.KmsViaService"/>.
    /// </summary>
    public const string KmsDecrypt = "kms:Decrypt";
}
