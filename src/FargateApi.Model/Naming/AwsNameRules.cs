namespace FargateApi.Naming;

/// <summary>
/// The naming rules of every name the provider derives, as the API models (shared/aws-models, botocore format) document
/// them. <see cref="Properties.CrossPropertyRules.DerivedNames"/> checks the names ProjectPrefix and ServiceName make
/// before anything else, <see cref="Desired.DesiredStackLimits"/> checks the stack's actual names before any call.
/// </summary>
internal static class AwsNameRules
{
    /// <summary>
    /// elbv2 CreateTargetGroup Name: "can have a maximum of 32 characters, must contain only alphanumeric characters or
    /// hyphens, and must not begin or end with a hyphen".
    /// </summary>
    public static AwsNameRule TargetGroup { get; } = new(
        "target group name", "ELB", ResourceNames.MaxTargetGroupNameLength, c => char.IsAsciiLetterOrDigit(c) || c == '-',
        "letters, digits and hyphens", EdgeHyphens: false);

    /// <summary>
    /// ec2 CreateSecurityGroup GroupName: "Constraints: Up to 255 characters in length. Can't start with <c>sg-</c>.
    /// Valid characters: a-z, A-Z, 0-9, spaces, and ._-:/()#,@[]+=&amp;;{}!$*".
    /// </summary>
    public static AwsNameRule SecurityGroup { get; } = new(
        "security group name", "EC2", 255, IsEc2Character, Ec2CharactersText, ForbiddenPrefix: "sg-");

    /// <summary>ec2 CreateSecurityGroup Description: "Up to 255 characters in length", the same valid characters as the name.</summary>
    public static AwsNameRule SecurityGroupDescription { get; } = new(
        "security group description", "EC2", 255, IsEc2Character, Ec2CharactersText);

    /// <summary>iam CreateRole RoleName, shape roleNameType: length 1–64, pattern <c>[\w+=,.@-]+</c>.</summary>
    public static AwsNameRule Role { get; } = new("role name", "IAM", 64, IsIamCharacter, IamCharactersText);

    /// <summary>iam PutRolePolicy PolicyName, shape policyNameType: length 1–128, pattern <c>[\w+=,.@-]+</c>.</summary>
    public static AwsNameRule RolePolicy { get; } = new("role policy name", "IAM", 128, IsIamCharacter, IamCharactersText);

    /// <summary>ecs CreateService serviceName: "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed".</summary>
    public static AwsNameRule Service { get; } = Ecs("service name");

    /// <summary>ecs RegisterTaskDefinition family: "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed".</summary>
    public static AwsNameRule TaskFamily { get; } = Ecs("task definition family");

    /// <summary>ecs ContainerDefinition name: "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens are allowed".</summary>
    public static AwsNameRule Container { get; } = Ecs("container name");

    /// <summary>logs CreateLogGroup logGroupName, shape LogGroupName: length 1–512, pattern <c>[\.\-_/#A-Za-z0-9]+</c>.</summary>
    public static AwsNameRule LogGroup { get; } = new(
        "log group name", "CloudWatch Logs", 512, c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '/' or '#',
        "letters, digits and . - _ / #");

    /// <summary>
    /// The awslogs driver names each stream <c>prefix/container-name/ecs-task-id</c> (ecs LogConfiguration options,
    /// awslogs-stream-prefix); logs shape LogStreamName: length 1–512, pattern <c>[^:*]*</c>. The prefix keeps 512 minus the
    /// longest container name (255) and a task id (32) with the two slashes.
    /// </summary>
    public static AwsNameRule LogStreamPrefix { get; } = new(
        "log stream prefix", "CloudWatch Logs", 512 - 255 - 32 - 2, c => c is not (':' or '*'), "any character but ':' and '*'");

    /// <summary>application-autoscaling PutScalingPolicy PolicyName, shape PolicyName: length 1–256, pattern <c>\p{Print}+</c> (printable ASCII).</summary>
    public static AwsNameRule ScalingPolicy { get; } = new(
        "scaling policy name", "Application Auto Scaling", 256, c => c is >= ' ' and <= '~', "printable ASCII characters");

    /// <summary>Every name <paramref name="names"/> makes, with the rule it must follow.</summary>
    public static IEnumerable<(AwsNameRule Rule, string Name)> Of(ResourceNames names) =>
    [
        (TargetGroup, names.TargetGroup),
        (SecurityGroup, names.SecurityGroup),
        (SecurityGroupDescription, names.SecurityGroupDescription),
        (Role, names.TaskRole),
        (Role, names.ExecutionRole),
        (RolePolicy, names.TaskRole),
        (RolePolicy, names.ExecutionRole),
        (Service, names.Service),
        (TaskFamily, names.TaskFamily),
        (Container, names.ContainerName),
        (LogGroup, names.LogGroup),
        (LogStreamPrefix, names.LogStreamPrefix),
        .. ResourceNames.ScalingPolicySuffixes.Select(suffix => (ScalingPolicy, names.ScalingPolicy(suffix))),
    ];

    private const string Ec2CharactersText = "letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*";

    private const string IamCharactersText = "letters, digits and _+=,.@-";

    private static AwsNameRule Ecs(string what) => new(what, "ECS", 255, c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-', "letters, digits, '_' and '-'");

    private static bool IsEc2Character(char c) => char.IsAsciiLetterOrDigit(c) || " ._-:/()#,@[]+=&;{}!$*".Contains(c, StringComparison.Ordinal);

    private static bool IsIamCharacter(char c) => char.IsAsciiLetterOrDigit(c) || "_+=,.@-".Contains(c, StringComparison.Ordinal);
}
