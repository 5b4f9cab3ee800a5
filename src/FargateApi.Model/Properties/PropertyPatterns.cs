namespace FargateApi.Properties;

/// <summary>
/// The string shapes properties must have, as anchored regular expressions in the common subset of ECMA-262 (JSON Schema)
/// and .NET, each with the words a message shows. ASCII classes only (.NET's \d would accept other scripts' digits), except
/// where AWS itself allows any letter (tags).
/// </summary>
internal static class PropertyPatterns
{
    private const string Partition = "arn:aws(-cn|-us-gov)?";

    /// <summary>
    /// ProjectPrefix and ServiceName end up in every derived name. The intersection of their rules: ELBv2 target group
    /// names (alphanumerics and hyphens, no leading or trailing hyphen), ECR repository components (lowercase,
    /// separators between alphanumerics), IAM role names, ECS family/service names (letters, digits, _ and -),
    /// EC2 security group names and CloudWatch log group names. So: lowercase letters, digits and single hyphens.
    /// </summary>
    public const string Name = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$";

    public const string NameText = "lowercase letters, digits and single hyphens, starting with a letter and not ending with a hyphen";

    public const string Environment = "^[a-z0-9-]+$";

    public const string EnvironmentText = "lowercase letters, digits and hyphens";

    /// <summary>botocore model ecs ContainerDefinition.image: letters, digits, hyphens, underscores, colons, periods, slashes and #; or a sha256 digest.</summary>
    public const string Image = "^[A-Za-z0-9_./:#-]+(@sha256:[A-Fa-f0-9]{64})?$";

    public const string ImageText = "a full image URI such as 123456789012.dkr.ecr.us-east-1.amazonaws.com/repo:tag or repo@sha256:<64 hex>";

    /// <summary>ECR CreateRepository repositoryName pattern <c>(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*</c>.</summary>
    public const string EcrRepository = "^[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*$";

    public const string EcrRepositoryText = "an ECR repository name: lowercase letters and digits, separated by single '.', '_', '-' or '/'";

    /// <summary>ECR/Docker tags: <c>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}</c>, so not starting with '.' or '-'.</summary>
    public const string ImageTag = "^[A-Za-z0-9_][A-Za-z0-9_.-]*$";

    public const string ImageTagText = "letters, digits, '_', '.' and '-', not starting with '.' or '-'";

    /// <summary>POSIX environment variable names (the shell in CMD-SHELL health checks cannot read others).</summary>
    public const string EnvironmentVariableName = "^[A-Za-z_][A-Za-z0-9_]*$";

    public const string EnvironmentVariableNameText = "letters, digits and '_', not starting with a digit";

    /// <summary>botocore model ecs Secret.valueFrom: "the full ARN of the Secrets Manager secret or the full ARN of the parameter in the SSM Parameter Store".</summary>
    public const string SecretSource =
        "^" + Partition + ":(secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:[A-Za-z0-9/_+=.@:-]+|ssm:[a-z0-9-]+:[0-9]{12}:parameter/[A-Za-z0-9/_.-]+)$";

    public const string SecretSourceText = "a Secrets Manager ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>) or an SSM parameter ARN (arn:aws:ssm:<region>:<account>:parameter/<name>)";

    /// <summary>The two ARN forms of <see cref="SecretSource"/>, for the message on a value that is neither (it does not show the value).</summary>
    public const string SecretSourceForms = "arn:<partition>:secretsmanager:<region>:<account>:secret:<name> or arn:<partition>:ssm:<region>:<account>:parameter/<name>";

    /// <summary>
    /// KMS key ARNs, <c>arn:aws:kms:&lt;region&gt;:&lt;account&gt;:key/&lt;key id&gt;</c>: a key id is a UUID, or <c>mrk-</c> and 32 hex digits
    /// for a multi-Region key (KMS developer guide, "Key identifiers (KeyId)"). Only a key ARN names a key in an IAM policy;
    /// "You cannot use a key id, alias name, or alias ARN" (KMS developer guide, "Specifying KMS keys in IAM policy statements").
    /// </summary>
    public const string KmsKeyArn = "^" + Partition + ":kms:[a-z0-9-]+:[0-9]{12}:key/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$";

    public const string KmsKeyArnText = "a KMS key ARN (arn:aws:kms:<region>:<account>:key/<key id>); an alias cannot name a key in an IAM policy";

    public const string SecretArn = "^" + Partition + ":secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:[A-Za-z0-9/_+=.@:-]+$";

    public const string SecretArnText = "a Secrets Manager ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>)";

    /// <summary>IAM role ARNs: <c>arn:aws:iam::&lt;12 digits&gt;:role/&lt;path and name&gt;</c>; role names use <c>[\w+=,.@-]</c> (IAM CreateRole).</summary>
    public const string RoleArn = "^" + Partition + ":iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]+$";

    public const string RoleArnText = "an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)";

    /// <summary>ALB listener ARNs: <c>arn:aws:elasticloadbalancing:&lt;region&gt;:&lt;account&gt;:listener/app/&lt;lb-name&gt;/&lt;lb-id&gt;/&lt;listener-id&gt;</c>.</summary>
    public const string ListenerArn = "^" + Partition + ":elasticloadbalancing:[a-z0-9-]+:[0-9]{12}:listener/app/[A-Za-z0-9-]+/[0-9a-f]+/[0-9a-f]+$";

    public const string ListenerArnText = "an Application Load Balancer listener ARN (arn:aws:elasticloadbalancing:<region>:<account>:listener/app/<name>/<id>/<id>)";

    /// <summary>EC2 resource ids: a prefix and 8 (older) or 17 lowercase hex digits.</summary>
    public const string VpcId = "^vpc-([0-9a-f]{8}|[0-9a-f]{17})$";

    public const string VpcIdText = "'vpc-' followed by 8 or 17 lowercase hex digits";

    public const string SubnetId = "^subnet-([0-9a-f]{8}|[0-9a-f]{17})$";

    public const string SubnetIdText = "'subnet-' followed by 8 or 17 lowercase hex digits";

    public const string SecurityGroupId = "^sg-([0-9a-f]{8}|[0-9a-f]{17})$";

    public const string SecurityGroupIdText = "'sg-' followed by 8 or 17 lowercase hex digits";

    /// <summary>ECS CreateCluster clusterName: "letters (uppercase and lowercase), numbers, underscores, and hyphens".</summary>
    public const string ClusterName = "^[A-Za-z0-9_-]+$";

    public const string ClusterNameText = "letters, digits, '_' and '-'";

    /// <summary>SSM parameter hierarchies: '/'-separated segments of <c>[A-Za-z0-9_.-]</c> (SSM PutParameter Name).</summary>
    public const string ParameterPrefix = "^(/[A-Za-z0-9_.-]+)+$";

    public const string ParameterPrefixText = "an SSM path such as /myproject/network: '/'-separated segments of letters, digits, '_', '.' and '-', no trailing '/'";

    /// <summary>ELBv2 health check paths: start with '/', printable ASCII without spaces.</summary>
    public const string HealthCheckPath = "^/[!-~]*$";

    public const string HealthCheckPathText = "a path starting with '/', printable ASCII without spaces";

    /// <summary>botocore model elbv2 Matcher.HttpCode: "multiple values (for example, "200,202") or a range of values (for example, "200-299")".</summary>
    public const string HttpCodes = "^[0-9]{3}(-[0-9]{3})?(,[0-9]{3}(-[0-9]{3})?)*$";

    public const string HttpCodesText = "HTTP codes 200-499 such as \"200\", \"200,202\" or \"200-299\"";

    /// <summary>ALB path-pattern characters: A-Z, a-z, 0-9, _ - . $ / ~ " ' @ : + &amp; and the wildcards * and ? (ALB rule condition types).</summary>
    public const string PathPattern = "^[A-Za-z0-9_.$/~\"'@:+&*?-]+$";

    public const string PathPatternText = "letters, digits, _ - . $ / ~ \" ' @ : + & and the wildcards * and ?";

    /// <summary>botocore model elbv2 HostHeaderConditionConfig: "You must include at least one "." character. You can include only alphabetical characters after the final "." character".</summary>
    public const string HostHeader = "^([A-Za-z0-9*?-]+\\.)+[A-Za-z]+$";

    public const string HostHeaderText = "a host name of letters, digits, '-' and the wildcards * and ?, with at least one '.' and only letters after the last '.'";

    /// <summary>
    /// The characters AWS allows in tag keys and values: botocore models (shared/aws-models) ecs/2014-11-13, elbv2/2015-12-01
    /// and logs/2014-03-28, shapes TagKey and TagValue, pattern <c>^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$</c>. Unicode classes
    /// here on purpose (AWS's own; .NET reads them always, the JSON Schema carries <see cref="Portable"/> spelling instead).
    /// .NET matches UTF-16 units, so a letter outside the BMP (a surrogate pair) is refused although AWS would take it:
    /// stricter, never looser.
    /// </summary>
    private const string TagCharacter = @"[\p{L}\p{Z}\p{N}_.:/=+\-@]";

    private const string TagCharacterText = "letters, digits and spaces (any script) and _.:/=+-@";

    /// <summary>
    /// Tag keys: <see cref="TagCharacter"/>s, not starting with "aws:" in any case (botocore model ecs Tag), nor with the
    /// provider's own "fargate-api:" in any case (Desired.Ownership: its tags are laid over the user's by exact key, but on
    /// IAM roles "tag key values ... are not case sensitive" and a second key differing only in case replaces the first,
    /// IAM User Guide, "Tagging IAM resources", Case sensitivity: a user key could otherwise overwrite the project prefix
    /// the permissions boundary reads).
    /// </summary>
    public const string TagKey = NotReservedTagKey + TagCharacter + "+$";

    public const string TagKeyText = "1-128 " + TagCharacterText + ", not starting with 'aws:' or 'fargate-api:' (in any case)";

    private const string NotReservedTagKey = "^(?![Aa][Ww][Ss]:)(?![Ff][Aa][Rr][Gg][Aa][Tt][Ee]-[Aa][Pp][Ii]:)";

    /// <summary>Tag values: <see cref="TagCharacter"/>s, possibly none (botocore model ecs TagValue, length 0-256).</summary>
    public const string TagValue = "^" + TagCharacter + "*$";

    public const string TagValueText = TagCharacterText + ", or nothing";

    /// <summary>
    /// <see cref="TagCharacter"/> in the subset of ECMA-262 that every schema consumer reads: Python's <c>re</c> (behind the
    /// jsonschema package) and ECMAScript without the u flag know no <c>\p{…}</c>. ASCII is exact (letters, digits, space
    /// and the listed signs); beyond ASCII every character from U+00A0 up is accepted, so the schema is looser than AWS
    /// there and the provider's own check (with <c>\p{…}</c>) decides.
    /// </summary>
    private const string PortableTagCharacter = @"[A-Za-z0-9 _.:/=+\-@\u00A0-\uFFFF]";

    /// <summary>The pattern the JSON Schema carries for a catalog pattern: the same, except where .NET-only syntax must be spelled portably.</summary>
    public static string Portable(string pattern) => pattern switch
    {
        TagKey => NotReservedTagKey + PortableTagCharacter + "+$",
        TagValue => "^" + PortableTagCharacter + "*$",
        _ => pattern,
    };

    /// <summary>DynamoDB table names are 3–255 of <c>[A-Za-z0-9_.-]</c> (DynamoDB CreateTable), or the table's ARN.</summary>
    public const string DynamoDbTable = "^([A-Za-z0-9_.-]{3,255}|" + Partition + ":dynamodb:[a-z0-9-]+:[0-9]{12}:table/[A-Za-z0-9_.-]{3,255})$";

    public const string DynamoDbTableText = "a DynamoDB table name (3-255 letters, digits, '_', '.', '-') or a table ARN";

    /// <summary>S3 bucket names are 3–63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit (S3 bucket naming rules), or the bucket ARN.</summary>
    public const string S3Bucket = "^([a-z0-9][a-z0-9.-]{1,61}[a-z0-9]|" + Partition + ":s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$";

    public const string S3BucketText = "an S3 bucket name (3-63 lowercase letters, digits, '.', '-') or a bucket ARN (arn:aws:s3:::<bucket>)";
}
