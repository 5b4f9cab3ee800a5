using System.Xml.Linq;
using FargateApi.Aws.Http;
using FargateApi.Aws.Protocols;

namespace FargateApi.Aws.Services.Iam;

/// <summary>IAM over the awsQuery protocol (version 2010-05-08; one global endpoint per partition).</summary>
internal sealed class IamClient(IAwsCaller caller) : IIamClient
{
    /// <summary>UntagRole.TagKeys: shape tagKeyListType, max 50 (iam/2010-05-08 model); the member is required.</summary>
    public const int MaxTagKeysPerUntagRole = 50;

    private static readonly AwsService Service = AwsServices.Iam;

    public async Task<IamRole> CreateRoleAsync(CreateRoleRequest request, CancellationToken cancellationToken)
    {
        var p = Parameters("CreateRole")
            .Add("Path", request.Path)
            .Add("RoleName", request.RoleName)
            .Add("AssumeRolePolicyDocument", request.AssumeRolePolicyDocument)
            .Add("Description", request.Description)
            .Add("PermissionsBoundary", request.PermissionsBoundary)
            .AddKeyValues("Tags", request.Tags);
        return Role(await CallAsync(p, cancellationToken).ConfigureAwait(false));
    }

    public async Task<IamRole> GetRoleAsync(string roleName, CancellationToken cancellationToken)
        => Role(await CallAsync(Parameters("GetRole").Add("RoleName", roleName), cancellationToken).ConfigureAwait(false));

    public Task DeleteRoleAsync(string roleName, CancellationToken cancellationToken)
        => CallAsync(Parameters("DeleteRole").Add("RoleName", roleName), cancellationToken);

    public Task UpdateAssumeRolePolicyAsync(string roleName, string policyDocument, CancellationToken cancellationToken)
        => CallAsync(Parameters("UpdateAssumeRolePolicy").Add("RoleName", roleName).Add("PolicyDocument", policyDocument), cancellationToken);

    public Task PutRolePolicyAsync(string roleName, string policyName, string policyDocument, CancellationToken cancellationToken)
        => CallAsync(Parameters("PutRolePolicy").Add("RoleName", roleName).Add("PolicyName", policyName).Add("PolicyDocument", policyDocument), cancellationToken);

    public Task DeleteRolePolicyAsync(string roleName, string policyName, CancellationToken cancellationToken)
        => CallAsync(Parameters("DeleteRolePolicy").Add("RoleName", roleName).Add("PolicyName", policyName), cancellationToken);

    public async Task<IamPage<string>> ListRolePoliciesAsync(string roleName, string? marker, CancellationToken cancellationToken)
    {
        var result = await CallAsync(Parameters("ListRolePolicies").Add("RoleName", roleName).Add("Marker", marker), cancellationToken).ConfigureAwait(false);
        return new IamPage<string>(result.Strings("PolicyNames"), NextMarker(result));
    }

    public Task AttachRolePolicyAsync(string roleName, string policyArn, CancellationToken cancellationToken)
        => CallAsync(Parameters("AttachRolePolicy").Add("RoleName", roleName).Add("PolicyArn", policyArn), cancellationToken);

    public Task DetachRolePolicyAsync(string roleName, string policyArn, CancellationToken cancellationToken)
        => CallAsync(Parameters("DetachRolePolicy").Add("RoleName", roleName).Add("PolicyArn", policyArn), cancellationToken);

    public async Task<IamPage<AttachedPolicy>> ListAttachedRolePoliciesAsync(string roleName, string? marker, CancellationToken cancellationToken)
    {
        var result = await CallAsync(Parameters("ListAttachedRolePolicies").Add("RoleName", roleName).Add("Marker", marker), cancellationToken).ConfigureAwait(false);
        return new IamPage<AttachedPolicy>(
            [.. result.List("AttachedPolicies").Select(e => new AttachedPolicy(e.Text("PolicyName") ?? "", e.Text("PolicyArn") ?? ""))],
            NextMarker(result));
    }

    public Task TagRoleAsync(string roleName, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
        => CallAsync(Parameters("TagRole").Add("RoleName", roleName).AddKeyValues("Tags", tags), cancellationToken);

    public Task UntagRoleAsync(string roleName, IReadOnlyList<string> tagKeys, CancellationToken cancellationToken)
    {
        CheckTagKeysToRemove(tagKeys);
        return CallAsync(Parameters("UntagRole").Add("RoleName", roleName).AddList("TagKeys", tagKeys), cancellationToken);
    }

    /// <summary>TagKeys is required and the query protocol cannot send an empty list, so IAM would reject no keys; more than the model's 50 too.</summary>
    /// <exception cref="ArgumentException">No keys, or more than <see cref="MaxTagKeysPerUntagRole"/>.</exception>
    public static void CheckTagKeysToRemove(IReadOnlyList<string> tagKeys)
    {
        if (tagKeys.Count is 0 or > MaxTagKeysPerUntagRole)
        {
            throw new ArgumentException($"UntagRole takes 1 to {MaxTagKeysPerUntagRole} tag keys, not {tagKeys.Count}.", nameof(tagKeys));
        }
    }

    public async Task<IamPage<KeyValuePair<string, string>>> ListRoleTagsAsync(string roleName, string? marker, CancellationToken cancellationToken)
    {
        var result = await CallAsync(Parameters("ListRoleTags").Add("RoleName", roleName).Add("Marker", marker), cancellationToken).ConfigureAwait(false);
        return new IamPage<KeyValuePair<string, string>>([.. result.Tags("Tags")], NextMarker(result));
    }

    private static QueryParameters Parameters(string action) => QueryProtocol.Parameters(Service, action);

    private Task<XElement> CallAsync(QueryParameters parameters, CancellationToken cancellationToken)
        => QueryProtocol.CallAsync(caller, Service, parameters, cancellationToken);

    /// <summary>IAM's paginators continue only while IsTruncated is true (iam/2010-05-08/paginators-1.json: more_results).</summary>
    private static string? NextMarker(XElement result) => result.Bool("IsTruncated") == true ? result.Text("Marker") : null;

    private static IamRole Role(XElement result)
    {
        var role = result.Child("Role") ?? throw new InvalidDataException($"<{result.Name.LocalName}> has no <Role>.");
        var document = role.Text("AssumeRolePolicyDocument");
        return new IamRole(
            role.RequiredText("RoleName"),
            role.Text("RoleId") ?? "",
            role.RequiredText("Arn"),
            role.Text("Path"),
            document is null ? null : Uri.UnescapeDataString(document),
            role.Text("Description"),
            role.Child("PermissionsBoundary")?.Text("PermissionsBoundaryArn"),
            role.Tags("Tags"));
    }
}
