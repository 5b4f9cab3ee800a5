namespace FargateApi.Desired;

/// <summary>
/// Which CloudFormation resource owns what the provider makes. The tags let a re-run or a Delete whose properties no
/// longer validate find everything by tag, and tell the generations of one resource apart.
/// </summary>
internal sealed record Ownership(string StackId, string LogicalResourceId)
{
    public const string StackIdTag = "fargate-api:stack-id";
    public const string LogicalIdTag = "fargate-api:logical-id";
    public const string ManagedByTag = "fargate-api:managed-by";
    public const string GenerationTag = "fargate-api:generation";
    public const string ManagedByValue = "fargate-api";

    /// <summary>
    /// The ProjectPrefix of the resource, on the IAM roles the provider makes: the permissions boundary (template.yaml
    /// TaskRoleBoundary) reads it as <c>${aws:PrincipalTag/fargate-api:project-prefix}</c>, so each role reaches only the data
    /// GrantableResourcePatterns allows its own prefix. Like the ownership tags it is the provider's, over any user tag.
    /// </summary>
    public const string ProjectPrefixTag = "fargate-api:project-prefix";

    /// <summary>
    /// Tag values: at most 256 Unicode characters in ECS, EC2, ELBv2, IAM, CloudWatch Logs and Application Auto Scaling
    /// (each service's Tag shape, e.g. ECS "Tag: value – Maximum length of 256"). A stack ARN fits: its name is at most
    /// 128 characters (CreateStack StackName) and the rest — <c>arn:aws-us-gov:cloudformation:us-gov-west-1:123456789012:stack/</c>
    /// plus <c>/</c> and a 36-character UUID — is under 100; a LogicalResourceId is at most 255 characters.
    /// </summary>
    public const int MaxTagValueLength = 256;

    /// <summary>Tag keys: at most 128 characters in the same services.</summary>
    public const int MaxTagKeyLength = 128;

    /// <summary>"Maximum number of tags per resource – 50" in the same services; the user may add the rest.</summary>
    public const int MaxTagsPerResource = 50;

    /// <summary>How many of the 50 the provider's own tags take on every resource.</summary>
    public const int OwnershipTagCount = 4;

    /// <summary>How many the provider's own tags take on an IAM role: the ownership tags and <see cref="ProjectPrefixTag"/>.
    /// The most on any resource it makes, so what the user may add is 50 less this.</summary>
    public const int RoleTagCount = OwnershipTagCount + 1;

    public ValueMap Tags(int generation) => ValueMap.Of(
        (StackIdTag, StackId),
        (LogicalIdTag, LogicalResourceId),
        (ManagedByTag, ManagedByValue),
        (GenerationTag, generation.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The user's tags with the ownership tags over them: a user tag can never disown a resource.</summary>
    public ValueMap TagsWith(IReadOnlyDictionary<string, string> userTags, int generation) =>
        ValueMap.From(userTags).With(Tags(generation));

    /// <summary>A role's tags: the resource's tags (<see cref="TagsWith"/>) and the project prefix over them.</summary>
    public static ValueMap RoleTags(ValueMap tags, string projectPrefix) => tags.With(ValueMap.Of((ProjectPrefixTag, projectPrefix)));
}
