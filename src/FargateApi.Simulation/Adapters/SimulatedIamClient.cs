using System.Text.Json;
using FargateApi.Aws.Services.Iam;
using FargateApi.Simulation.Authorization;
using FargateApi.Simulation.Authorization.Access;
using FargateApi.Simulation.Core;
using FargateApi.Simulation.Iam;

namespace FargateApi.Simulation.Adapters;

/// <summary><see cref="IIamClient"/> over the simulated state. Lists come back in one page.</summary>
internal sealed class SimulatedIamClient(SimulatedAws aws) : IIamClient
{
    private const string Service = SimServices.Iam;
    private IamStore Store => aws.Stores.Iam;

    public Task<IamRole> CreateRoleAsync(CreateRoleRequest request, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "CreateRole", request.RoleName, () => IamAccess.CreateRole(aws, request), () =>
        {
            RequireJson(request.AssumeRolePolicyDocument, "CreateRole");
            return ToRole(Store.Create(request.RoleName, request.Path ?? "/", request.AssumeRolePolicyDocument, request.Description,
                request.PermissionsBoundary, null, request.Tags));
        }, cancellationToken);

    public Task<IamRole> GetRoleAsync(string roleName, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "GetRole", roleName, () => IamAccess.OnRole(aws, "GetRole", roleName), () => ToRole(Store.Require(roleName, "GetRole", read: true)), cancellationToken);

    public Task DeleteRoleAsync(string roleName, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DeleteRole", roleName, () => IamAccess.OnRole(aws, "DeleteRole", roleName), () => Store.Delete(roleName), cancellationToken);

    public Task UpdateAssumeRolePolicyAsync(string roleName, string policyDocument, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "UpdateAssumeRolePolicy", roleName, () => IamAccess.OnRole(aws, "UpdateAssumeRolePolicy", roleName), () =>
        {
            RequireJson(policyDocument, "UpdateAssumeRolePolicy");
            Store.Require(roleName, "UpdateAssumeRolePolicy").AssumeRolePolicyDocument = policyDocument;
        }, cancellationToken);

    public Task PutRolePolicyAsync(string roleName, string policyName, string policyDocument, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "PutRolePolicy", $"{roleName}/{policyName}", () => IamAccess.OnRole(aws, "PutRolePolicy", roleName), () =>
        {
            RequireJson(policyDocument, "PutRolePolicy");
            Store.PutInlinePolicy(roleName, policyName, policyDocument);
        }, cancellationToken);

    public Task DeleteRolePolicyAsync(string roleName, string policyName, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DeleteRolePolicy", $"{roleName}/{policyName}", () => IamAccess.OnRole(aws, "DeleteRolePolicy", roleName), () => Store.DeleteInlinePolicy(roleName, policyName), cancellationToken);

    public Task<IamPage<string>> ListRolePoliciesAsync(string roleName, string? marker, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "ListRolePolicies", roleName, () => IamAccess.OnRole(aws, "ListRolePolicies", roleName),
            () => new IamPage<string>([.. Store.Require(roleName, "ListRolePolicies", read: true).InlinePolicies.Keys.Order(StringComparer.Ordinal)], null), cancellationToken);

    public Task AttachRolePolicyAsync(string roleName, string policyArn, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "AttachRolePolicy", $"{roleName}/{policyArn}", () => IamAccess.OnRole(aws, "AttachRolePolicy", roleName, () => new RequestContext().With("iam:PolicyARN", policyArn)), () => Store.AttachPolicy(roleName, policyArn), cancellationToken);

    public Task DetachRolePolicyAsync(string roleName, string policyArn, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DetachRolePolicy", $"{roleName}/{policyArn}", () => IamAccess.OnRole(aws, "DetachRolePolicy", roleName, () => new RequestContext().With("iam:PolicyARN", policyArn)), () => Store.DetachPolicy(roleName, policyArn), cancellationToken);

    public Task<IamPage<AttachedPolicy>> ListAttachedRolePoliciesAsync(string roleName, string? marker, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "ListAttachedRolePolicies", roleName, () => IamAccess.OnRole(aws, "ListAttachedRolePolicies", roleName), () => new IamPage<AttachedPolicy>(
            [.. Store.Require(roleName, "ListAttachedRolePolicies", read: true).AttachedPolicyArns.Select(a => new AttachedPolicy(a[(a.LastIndexOf('/') + 1)..], a))],
            null), cancellationToken);

    public Task TagRoleAsync(string roleName, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "TagRole", roleName, () => IamAccess.OnRole(aws, "TagRole", roleName, () => new RequestContext().RequestTags(tags)), () => Store.Require(roleName, "TagRole").MergeTags(tags), cancellationToken);

    /// <summary>
    /// UntagRole: NoSuchEntity for a missing role (iam model: UntagRole errors); keys the role lacks are ignored. A key count
    /// the HTTP client refuses is refused here the same way.
    /// </summary>
    public Task UntagRoleAsync(string roleName, IReadOnlyList<string> tagKeys, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "UntagRole", roleName, () => IamAccess.OnRole(aws, "UntagRole", roleName, () => new RequestContext().TagKeys(tagKeys)), () =>
        {
            IamClient.CheckTagKeysToRemove(tagKeys);
            Store.Require(roleName, "UntagRole").RemoveTags(tagKeys);
        }, cancellationToken);

    public Task<IamPage<KeyValuePair<string, string>>> ListRoleTagsAsync(string roleName, string? marker, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "ListRoleTags", roleName, () => IamAccess.OnRole(aws, "ListRoleTags", roleName),
            () => new IamPage<KeyValuePair<string, string>>([.. Store.Require(roleName, "ListRoleTags", read: true).Tags], null), cancellationToken);

    /// <summary>IAM rejects a document that is not JSON with MalformedPolicyDocument "This policy contains invalid Json".</summary>
    private static void RequireJson(string document, string operation)
    {
        try
        {
            using var parsed = JsonDocument.Parse(document);
        }
        catch (JsonException)
        {
            throw IamStore.Malformed(operation, "This policy contains invalid Json");
        }
    }

    private static IamRole ToRole(SimRole role) => new(
        role.Name, role.RoleId, role.Arn, role.Path, role.AssumeRolePolicyDocument, role.Description, role.PermissionsBoundary,
        new Dictionary<string, string>(role.Tags, StringComparer.Ordinal));
}
