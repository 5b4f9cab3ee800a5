using FargateApi.Aws.Services;
using FargateApi.Aws.Services.Iam;
using FargateApi.Desired;

namespace FargateApi.Provisioning;

/// <summary>The task and execution roles: found by name (IAM names are unique per account), owned by tags.</summary>
internal static class RoleSteps
{
    public static async Task EnsureAsync(StackRun run, string roleName, CancellationToken cancellationToken)
    {
        var desired = Desired(run.Stack, roleName)
            ?? throw new ProvisioningException($"The plan names role '{roleName}', which the desired stack does not have.");
        var iam = run.Aws.Iam;
        var existing = await FindAsync(iam, desired.Name, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            try
            {
                await iam.CreateRoleAsync(new CreateRoleRequest(desired.Name, desired.TrustPolicyDocument, desired.Tags, desired.Path, "Made by the FargateApi provider", run.Options.PermissionsBoundaryArn), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error.Is(AwsErrorCodes.IamEntityAlreadyExists))
            {
                existing = await FindAsync(iam, desired.Name, cancellationToken).ConfigureAwait(false);
            }
        }

        if (existing is not null)
        {
            if (!OwnershipCheck.IsOwnedBy(existing.Tags, desired.Tags))
            {
                throw OwnershipCheck.NotOurs("IAM role", desired.Name);
            }

            await iam.TagRoleAsync(desired.Name, desired.Tags, cancellationToken).ConfigureAwait(false);
        }

        await PutPolicyAsync(run, roleName, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>PutRolePolicy (an upsert), or DeleteRolePolicy when no statement is left.</summary>
    public static async Task PutPolicyAsync(StackRun run, string roleName, CancellationToken cancellationToken)
    {
        var desired = Desired(run.Stack, roleName)
            ?? throw new ProvisioningException($"The plan names role '{roleName}', which the desired stack does not have.");
        if (desired.PolicyDocument is { } document)
        {
            await run.Aws.Iam.PutRolePolicyAsync(desired.Name, desired.PolicyName, document, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await AwsErrorMatch.IgnoringAsync(() => run.Aws.Iam.DeleteRolePolicyAsync(desired.Name, desired.PolicyName, cancellationToken), AwsErrorCodes.IamNoSuchEntity).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes a role we made: inline policies first, managed ones detached, then the role (DeleteRole's documented order).</summary>
    /// <returns>False when no such role was found.</returns>
    public static async Task<bool> DeleteAsync(IIamClient iam, string roleName, ValueMap ownerTags, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(iam, roleName, cancellationToken).ConfigureAwait(false);
        if (existing is null || !OwnershipCheck.IsOwnedBy(existing.Tags, ownerTags))
        {
            return existing is not null;
        }

        var inline = new List<string>();
        await foreach (var policy in iam.ListAllRolePoliciesAsync(roleName, cancellationToken).ConfigureAwait(false))
        {
            inline.Add(policy);
        }

        foreach (var policy in inline)
        {
            await AwsErrorMatch.IgnoringAsync(() => iam.DeleteRolePolicyAsync(roleName, policy, cancellationToken), AwsErrorCodes.IamNoSuchEntity).ConfigureAwait(false);
        }

        var attached = new List<AttachedPolicy>();
        await foreach (var policy in iam.ListAllAttachedRolePoliciesAsync(roleName, cancellationToken).ConfigureAwait(false))
        {
            attached.Add(policy);
        }

        foreach (var policy in attached)
        {
            await AwsErrorMatch.IgnoringAsync(() => iam.DetachRolePolicyAsync(roleName, policy.PolicyArn, cancellationToken), AwsErrorCodes.IamNoSuchEntity).ConfigureAwait(false);
        }

        await AwsErrorMatch.IgnoringAsync(() => iam.DeleteRoleAsync(roleName, cancellationToken), AwsErrorCodes.IamNoSuchEntity).ConfigureAwait(false);
        return true;
    }

    public static async Task<IamRole?> FindAsync(IIamClient iam, string roleName, CancellationToken cancellationToken)
    {
        try
        {
            return await iam.GetRoleAsync(roleName, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.IamNoSuchEntity))
        {
            return null;
        }
    }

    private static DesiredRole? Desired(DesiredStack stack, string roleName) =>
        new[] { stack.ExecutionRole, stack.TaskRole }.FirstOrDefault(role => role?.Name == roleName);
}
