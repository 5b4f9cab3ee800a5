using FargateApi.Aws.Protocols;

namespace FargateApi.Aws.Services.Iam;

/// <summary>Walks the IAM paginators (iam/2010-05-08/paginators-1.json: Marker in and out while IsTruncated).</summary>
internal static class IamPagination
{
    public static IAsyncEnumerable<string> ListAllRolePoliciesAsync(this IIamClient client, string roleName, CancellationToken cancellationToken)
        => Paginator.WalkAsync((marker, ct) => client.ListRolePoliciesAsync(roleName, marker, ct), page => page.Items, page => page.Marker, cancellationToken);

    public static IAsyncEnumerable<AttachedPolicy> ListAllAttachedRolePoliciesAsync(this IIamClient client, string roleName, CancellationToken cancellationToken)
        => Paginator.WalkAsync((marker, ct) => client.ListAttachedRolePoliciesAsync(roleName, marker, ct), page => page.Items, page => page.Marker, cancellationToken);

    public static IAsyncEnumerable<KeyValuePair<string, string>> ListAllRoleTagsAsync(this IIamClient client, string roleName, CancellationToken cancellationToken)
        => Paginator.WalkAsync((marker, ct) => client.ListRoleTagsAsync(roleName, marker, ct), page => page.Items, page => page.Marker, cancellationToken);
}
