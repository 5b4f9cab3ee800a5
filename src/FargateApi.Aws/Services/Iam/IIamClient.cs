namespace FargateApi.Aws.Services.Iam;

/// <summary>The IAM operations provisioning uses: the task and execution roles, their inline and managed policies, their tags.</summary>
internal interface IIamClient
{
    /// <summary>Fails with EntityAlreadyExists when the name is taken.</summary>
    Task<IamRole> CreateRoleAsync(CreateRoleRequest request, CancellationToken cancellationToken);

    /// <summary>Fails with NoSuchEntity when the role does not exist.</summary>
    Task<IamRole> GetRoleAsync(string roleName, CancellationToken cancellationToken);

    /// <summary>Fails with DeleteConflict while the role still has policies.</summary>
    Task DeleteRoleAsync(string roleName, CancellationToken cancellationToken);

    Task UpdateAssumeRolePolicyAsync(string roleName, string policyDocument, CancellationToken cancellationToken);

    Task PutRolePolicyAsync(string roleName, string policyName, string policyDocument, CancellationToken cancellationToken);

    Task DeleteRolePolicyAsync(string roleName, string policyName, CancellationToken cancellationToken);

    /// <summary>One page of inline policy names; <see cref="IamPagination.ListAllRolePoliciesAsync"/> walks them all.</summary>
    Task<IamPage<string>> ListRolePoliciesAsync(string roleName, string? marker, CancellationToken cancellationToken);

    Task AttachRolePolicyAsync(string roleName, string policyArn, CancellationToken cancellationToken);

    Task DetachRolePolicyAsync(string roleName, string policyArn, CancellationToken cancellationToken);

    /// <summary>One page; <see cref="IamPagination.ListAllAttachedRolePoliciesAsync"/> walks them all.</summary>
    Task<IamPage<AttachedPolicy>> ListAttachedRolePoliciesAsync(string roleName, string? marker, CancellationToken cancellationToken);

    Task TagRoleAsync(string roleName, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the tags with these keys (1 to <see cref="IamClient.MaxTagKeysPerUntagRole"/>); a key the role does not carry is
    /// no error. Fails with NoSuchEntity when the role does not exist.
    /// </summary>
    Task UntagRoleAsync(string roleName, IReadOnlyList<string> tagKeys, CancellationToken cancellationToken);

    /// <summary>One page; <see cref="IamPagination.ListAllRoleTagsAsync"/> walks them all.</summary>
    Task<IamPage<KeyValuePair<string, string>>> ListRoleTagsAsync(string roleName, string? marker, CancellationToken cancellationToken);
}
