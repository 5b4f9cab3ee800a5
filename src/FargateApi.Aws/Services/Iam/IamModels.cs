namespace FargateApi.Aws.Services.Iam;

/// <summary>CreateRoleRequest (RoleName and AssumeRolePolicyDocument are required).</summary>
internal sealed record CreateRoleRequest(
    string RoleName,
    string AssumeRolePolicyDocument,
    IReadOnlyDictionary<string, string> Tags,
    string? Path = null,
    string? Description = null,
    string? PermissionsBoundary = null);

/// <summary>
/// Shape Role. <see cref="AssumeRolePolicyDocument"/> is decoded: IAM returns policy documents URL-encoded per RFC 3986
/// (https://docs.aws.amazon.com/IAM/latest/APIReference/API_Role.html).
/// </summary>
internal sealed record IamRole(
    string RoleName,
    string RoleId,
    string Arn,
    string? Path,
    string? AssumeRolePolicyDocument,
    string? Description,
    string? PermissionsBoundaryArn,
    IReadOnlyDictionary<string, string> Tags);

/// <summary>Shape AttachedPolicy.</summary>
internal sealed record AttachedPolicy(string PolicyName, string PolicyArn);

/// <summary>One page of an IAM list; <see cref="Marker"/> is set only when IsTruncated was true.</summary>
internal sealed record IamPage<T>(IReadOnlyList<T> Items, string? Marker);
