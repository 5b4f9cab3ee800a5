using FargateApi.Aws.Services.Iam;

namespace FargateApi.Simulation.Authorization.Access;

/// <summary>
/// The permissions of each IAM call, from the Service Authorization Reference page for IAM
/// (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html): every
/// role action is on the role, <c>role/path/name</c>, whose tags are its aws:ResourceTag keys; iam:PermissionsBoundary is
/// the boundary in a CreateRole request and, for PutRolePolicy, AttachRolePolicy, DeleteRolePolicy, DetachRolePolicy,
/// DeleteRole and GetRole, the boundary the role has. A role that does not exist is not checked: its ARN carries its path,
/// which only the role itself knows, and IAM answers NoSuchEntity.
/// </summary>
internal static class IamAccess
{
    /// <summary>Actions whose SAR row lists iam:PermissionsBoundary as a condition key of an existing role.</summary>
    private static readonly HashSet<string> BoundaryKeyed = new(StringComparer.Ordinal)
    {
        "PutRolePolicy", "AttachRolePolicy", "DeleteRolePolicy", "DetachRolePolicy", "DeleteRole", "GetRole",
    };

    /// <summary>
    /// CreateRole with its tags and boundary; the tags also need iam:TagRole on the new role, which has none yet (IAM's
    /// example "IAM: Create new users only with specific tags" pairs CreateUser with TagUser; iann0036/iamlive#97 records
    /// CreateRole asking for iam:TagRole).
    /// </summary>
    public static IEnumerable<AccessCheck> CreateRole(SimulatedAws aws, CreateRoleRequest request)
    {
        var arn = RoleArn(aws, request.Path ?? "/", request.RoleName);
        var context = new RequestContext().RequestTags(request.Tags);
        if (request.PermissionsBoundary is { } boundary)
        {
            context.With("iam:PermissionsBoundary", boundary);
        }

        yield return AccessCheck.For("iam:CreateRole", arn, context);
        if (request.Tags.Count > 0)
        {
            yield return AccessCheck.Implied("iam:TagRole", arn, new RequestContext().RequestTags(request.Tags));
        }
    }

    /// <summary>A call on an existing role, with its tags, its boundary where the SAR keys it, and what the request adds.</summary>
    public static IEnumerable<AccessCheck> OnRole(SimulatedAws aws, string operation, string roleName, Func<RequestContext>? request = null)
    {
        if (aws.Stores.Iam.All.FirstOrDefault(role => role.Name.Equals(roleName, StringComparison.OrdinalIgnoreCase)) is not { } role)
        {
            yield break;
        }

        var context = (request?.Invoke() ?? new RequestContext()).ResourceTags(role.Tags);
        if (BoundaryKeyed.Contains(operation) && role.PermissionsBoundary is { } boundary)
        {
            context.With("iam:PermissionsBoundary", boundary);
        }

        yield return AccessCheck.For($"iam:{operation}", role.Arn, context);
    }

    public static string RoleArn(SimulatedAws aws, string path, string name) => aws.Context.Arn("iam", $"role{path}{name}", global: true);
}
