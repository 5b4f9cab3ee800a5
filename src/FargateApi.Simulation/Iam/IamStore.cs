using FargateApi.Aws.Http;
using FargateApi.Simulation.Core;

namespace FargateApi.Simulation.Iam;

internal sealed class SimRole() : SimulatedResource(StringComparer.OrdinalIgnoreCase)
{
    // IAM tag keys ignore case: "you can't create separate tags for the same key with different casing … a tag key and its
    // value that differs only in case replaces the existing one" (IAM User Guide, "Tagging IAM resources", case sensitivity).

    public required string Name { get; init; }
    public required string Path { get; init; }
    public required string Arn { get; init; }
    public required string RoleId { get; init; }
    public required string AssumeRolePolicyDocument { get; set; }
    public string? Description { get; set; }
    public int MaxSessionDuration { get; set; } = 3600;
    public string? PermissionsBoundary { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public Dictionary<string, string> InlinePolicies { get; } = new(StringComparer.Ordinal);
    public List<string> AttachedPolicyArns { get; } = [];
}

/// <summary>IAM roles with inline and attached policies, path, permissions boundary and tags.</summary>
internal sealed class IamStore(SimulationContext context)
{
    private const string Service = SimServices.Iam;
    private readonly Dictionary<string, SimRole> _roles = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<SimRole> All => _roles.Values;

    /// <summary>Role names are unique case-insensitively: <c>EntityAlreadyExists</c> "Role with name X already exists." (HTTP 409, botocore iam model).</summary>
    public SimRole Create(string name, string path, string assumeRolePolicy, string? description, string? permissionsBoundary,
        int? maxSessionDuration, IEnumerable<KeyValuePair<string, string>>? tags)
    {
        if (_roles.ContainsKey(name))
        {
            throw AwsErrors.Create(Service, "CreateRole", "EntityAlreadyExists", $"Role with name {name} already exists.", 409);
        }

        var role = context.Created(new SimRole
        {
            Name = name,
            Path = string.IsNullOrEmpty(path) ? "/" : path,
            Arn = context.Arn("iam", $"role{(string.IsNullOrEmpty(path) ? "/" : path)}{name}", global: true),
            RoleId = "AROA" + context.Ids.Hex(17).ToUpperInvariant(),
            AssumeRolePolicyDocument = assumeRolePolicy,
            Description = description,
            PermissionsBoundary = permissionsBoundary,
            MaxSessionDuration = maxSessionDuration ?? 3600,
            CreatedAt = context.Now,
        });
        role.MergeTags(tags);
        _roles[name] = role;
        return role;
    }

    /// <summary>Missing role: <c>NoSuchEntity</c> "The role with name X cannot be found." (HTTP 404).</summary>
    public SimRole Require(string name, string operation, bool read = false) =>
        _roles.TryGetValue(name, out var role) && role.IsVisibleTo(read)
            ? role
            : throw AwsErrors.Create(Service, operation, "NoSuchEntity", $"The role with name {name} cannot be found.", 404);

    /// <summary>The role with this ARN, or null (for the services that take role ARNs: ECS checks PassRole and assumes them).</summary>
    public SimRole? FindByArn(string arn) => _roles.Values.FirstOrDefault(r => string.Equals(r.Arn, arn, StringComparison.Ordinal));

    /// <summary>
    /// A role with inline or attached policies cannot be deleted: <c>DeleteConflict</c> "Cannot delete entity, must
    /// delete policies first." / "must detach all policies first." (HTTP 409; DeleteRole API reference lists the steps).
    /// </summary>
    public void Delete(string name)
    {
        var role = Require(name, "DeleteRole");
        if (role.InlinePolicies.Count > 0)
        {
            throw AwsErrors.Create(Service, "DeleteRole", "DeleteConflict", "Cannot delete entity, must delete policies first.", 409);
        }

        if (role.AttachedPolicyArns.Count > 0)
        {
            throw AwsErrors.Create(Service, "DeleteRole", "DeleteConflict", "Cannot delete entity, must detach all policies first.", 409);
        }

        _roles.Remove(name);
    }

    public void PutInlinePolicy(string roleName, string policyName, string document) =>
        Require(roleName, "PutRolePolicy").InlinePolicies[policyName] = document;

    public void DeleteInlinePolicy(string roleName, string policyName)
    {
        if (!Require(roleName, "DeleteRolePolicy").InlinePolicies.Remove(policyName))
        {
            throw AwsErrors.Create(Service, "DeleteRolePolicy", "NoSuchEntity",
                $"The role policy with name {policyName} cannot be found.", 404);
        }
    }

    public string GetInlinePolicy(string roleName, string policyName) =>
        Require(roleName, "GetRolePolicy", read: true).InlinePolicies.TryGetValue(policyName, out var document)
            ? document
            : throw AwsErrors.Create(Service, "GetRolePolicy", "NoSuchEntity", $"The role policy with name {policyName} cannot be found.", 404);

    public void AttachPolicy(string roleName, string policyArn)
    {
        var role = Require(roleName, "AttachRolePolicy");
        if (!role.AttachedPolicyArns.Contains(policyArn, StringComparer.Ordinal))
        {
            role.AttachedPolicyArns.Add(policyArn);
        }
    }

    public void DetachPolicy(string roleName, string policyArn)
    {
        if (!Require(roleName, "DetachRolePolicy").AttachedPolicyArns.Remove(policyArn))
        {
            throw AwsErrors.Create(Service, "DetachRolePolicy", "NoSuchEntity", $"Policy {policyArn} was not found.", 404);
        }
    }

    public void SetPermissionsBoundary(string roleName, string? boundaryArn) =>
        Require(roleName, boundaryArn is null ? "DeleteRolePermissionsBoundary" : "PutRolePermissionsBoundary").PermissionsBoundary = boundaryArn;

    public static AwsServiceException Malformed(string operation, string message) =>
        AwsErrors.Create(Service, operation, "MalformedPolicyDocument", message);
}
