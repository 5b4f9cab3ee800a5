using FargateApi.Aws.Services;
using FargateApi.Aws.Services.Iam;
using FargateApi.Desired;
using FargateApi.Planning;
using FargateApi.Provisioning.Execution;

namespace FargateApi.Provisioning.Resources.Roles;

/// <summary>The task and execution roles: found by name (IAM names are unique per account), owned by tags, one inline policy each.</summary>
internal sealed class RoleModule : ResourceModule
{
    public override ResourceKind Kind => ResourceKind.Role;

    /// <summary>
    /// CreateRole with the trust policy, the permissions boundary and this generation's tags. One that exists is this
    /// resource's only if its tags say so; its tags then move to this generation. The inline policy is its own step.
    /// </summary>
    protected override async Task<StepOutcome> CreateAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredRole>(step);
        var iam = run.Aws.Iam;
        try
        {
            await iam.CreateRoleAsync(new CreateRoleRequest(desired.Name, desired.TrustPolicyDocument, desired.Tags, desired.Path, "Made by the FargateApi provider", run.Options.PermissionsBoundaryArn), cancellationToken).ConfigureAwait(false);
            return StepOutcome.Done;
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.IamEntityAlreadyExists))
        {
            // Found rather than made: whose is it?
        }

        var existing = await ReadAfterWrite.ReadAsync(run, $"IAM role {desired.Name}", token => FindAsync(iam, desired.Name, token), cancellationToken).ConfigureAwait(false);
        if (!OwnershipCheck.IsOwnedBy(existing.Tags, desired.Tags))
        {
            throw OwnershipCheck.NotOurs("IAM role", desired.Name, existing.Tags);
        }

        await iam.TagRoleAsync(desired.Name, desired.Tags, cancellationToken).ConfigureAwait(false);
        return StepOutcome.Done;
    }

    /// <summary>The inline policy is the only thing of a role that changes in place.</summary>
    protected override async Task<StepOutcome> UpdateAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        await PutPolicyAsync(run.Aws.Iam, SpecOf<DesiredRole>(step), cancellationToken).ConfigureAwait(false);
        return StepOutcome.Done;
    }

    /// <summary>Deletes a role we made: inline policies first, managed ones detached, then the role (DeleteRole's documented order).</summary>
    protected override async Task<StepOutcome> DeleteAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredRole>(step);
        var iam = run.Aws.Iam;
        var roleName = desired.Name;
        var existing = await FindAsync(iam, roleName, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return StepOutcome.FoundNothing;
        }

        if (!OwnershipCheck.IsOwnedBy(existing.Tags, desired.Tags))
        {
            return StepOutcome.Done;
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
        return StepOutcome.Done;
    }

    protected override async Task<StepOutcome> TagAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredRole>(step);
        await run.Aws.Iam.TagRoleAsync(desired.Name, desired.Tags, cancellationToken).ConfigureAwait(false);
        return StepOutcome.Done;
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

    /// <summary>PutRolePolicy (an upsert), or DeleteRolePolicy when no statement is left.</summary>
    private static async Task PutPolicyAsync(IIamClient iam, DesiredRole desired, CancellationToken cancellationToken)
    {
        if (desired.PolicyDocument is { } document)
        {
            await iam.PutRolePolicyAsync(desired.Name, desired.PolicyName, document, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await AwsErrorMatch.IgnoringAsync(() => iam.DeleteRolePolicyAsync(desired.Name, desired.PolicyName, cancellationToken), AwsErrorCodes.IamNoSuchEntity).ConfigureAwait(false);
        }
    }
}
