using FargateApi.Aws.Services;
using FargateApi.Aws.Services.Iam;
using FargateApi.Desired;
using FargateApi.Naming;
using FargateApi.Planning;
using FargateApi.Provisioning.Execution;

namespace FargateApi.Provisioning.Resources.Roles;

/// <summary>The task and execution roles: found by name (IAM names are unique per account), owned by tags, one inline policy each.</summary>
internal sealed class RoleModule : ResourceModule
{
    public override ResourceKind Kind => ResourceKind.Role;

    /// <summary>
    /// A role the properties name must not be one the provider made for another owner: the shared provider may pass every
    /// role under its path (iam:PassRole on role/fargate-api/*), so without this check a stack could run under another
    /// team's task role, or read its secrets with its execution role. GetRole by name (IAM role names are unique per
    /// account, whatever path the ARN spells): a role outside the provider's path is not one it made (it may read each of
    /// its own, so AccessDenied says the same), and a role that does not exist is ECS's to refuse. Nothing has been changed
    /// when this fails: the plan makes every write wait for it.
    /// </summary>
    protected override async Task<StepOutcome> ReadAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        if (step.Action == StepAction.FindRole)
        {
            return await OwnerReadAsync(run, SpecOf<DesiredRole>(step).Name, cancellationToken).ConfigureAwait(false) is null ? StepOutcome.FoundNothing : StepOutcome.Done;
        }

        var given = SpecOf<GivenRole>(step);
        IamRole role;
        try
        {
            role = await run.Aws.Iam.GetRoleAsync(given.Name, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.IamNoSuchEntity, AwsErrorCodes.IamAccessDenied))
        {
            return StepOutcome.Done;
        }

        if (role.Path != ResourceNames.RolePath || OwnershipCheck.IsOwnedBy(role.Tags, given.OwnerTags))
        {
            return StepOutcome.Done;
        }

        throw new ProvisioningException(
            $"{given.Property} names the role '{given.Arn}', which the FargateApi provider made for {OwnershipCheck.OwnerOf(role.Tags)}, " +
            $"not for this resource; nothing was changed. Name a role of your own outside {ResourceNames.RolePath} that the platform team " +
            $"lists in PassableRoleArns, or leave {given.Property} out and the provider makes one.");
    }

    /// <summary>
    /// CreateRole with the trust policy, the permissions boundary and this generation's tags (the project prefix among
    /// them). One that exists is this resource's only if its tags say so; its tags then move to this generation. The
    /// inline policy is its own step.
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

        await PrefixAsync(iam, existing, desired, cancellationToken).ConfigureAwait(false);
        await RetagAsync(iam, desired, cancellationToken).ConfigureAwait(false);
        await TrustAsync(iam, existing, desired, cancellationToken).ConfigureAwait(false);
        return StepOutcome.Done;
    }

    /// <summary>
    /// The inline policy changes in place. On a role that exists (an update: the step knows its previous version), the role
    /// is read first: it must be ours, and its trust policy is brought in line (<see cref="BringInLineAsync"/>).
    /// </summary>
    protected override async Task<StepOutcome> UpdateAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredRole>(step);
        if (PreviousOf<DesiredRole>(step) is not null)
        {
            await BringInLineAsync(run, desired, cancellationToken).ConfigureAwait(false);
        }

        await PutPolicyAsync(run.Aws.Iam, desired, cancellationToken).ConfigureAwait(false);
        return StepOutcome.Done;
    }

    /// <summary>
    /// GetRole on a role an update changes: nothing is changed on a role whose tags name another owner, a role made
    /// before its trust policy carried aws:SourceAccount gets it now (UpdateAssumeRolePolicy, only when it differs), and
    /// one made before roles carried the project prefix gets that (<see cref="PrefixAsync"/>).
    /// </summary>
    private static async Task BringInLineAsync(StackRun run, DesiredRole desired, CancellationToken cancellationToken)
    {
        var iam = run.Aws.Iam;
        var existing = await ReadAfterWrite.ReadAsync(run, $"IAM role {desired.Name}", token => FindAsync(iam, desired.Name, token), cancellationToken).ConfigureAwait(false);
        if (!OwnershipCheck.IsOwnedBy(existing.Tags, desired.Tags))
        {
            throw OwnershipCheck.NotOurs("IAM role", desired.Name, existing.Tags);
        }

        await TrustAsync(iam, existing, desired, cancellationToken).ConfigureAwait(false);
        await PrefixAsync(iam, existing, desired, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The project prefix TaskRoleBoundary reads (<see cref="Ownership.ProjectPrefixTag"/>) is set once and never changed:
    /// a role made before roles carried it gets it now, on its own (template.yaml IamOwnedRoleFirstPrefix); a role carrying
    /// another prefix, which the boundary gives that prefix's data, is refused with nothing changed (the provider's role
    /// could not change it either, IamOwnedRoleTags).
    /// </summary>
    private static async Task PrefixAsync(IIamClient iam, IamRole existing, DesiredRole desired, CancellationToken cancellationToken)
    {
        if (!desired.Tags.TryGetValue(Ownership.ProjectPrefixTag, out var prefix))
        {
            return;
        }

        if (existing.Tags.TryGetValue(Ownership.ProjectPrefixTag, out var carried))
        {
            if (carried != prefix)
            {
                throw new ProvisioningException(
                    $"The IAM role '{desired.Name}' carries the project prefix '{carried}', not this resource's '{prefix}': its permissions boundary " +
                    $"gives it the data of '{carried}'. Nothing of it was changed; someone changed its {Ownership.ProjectPrefixTag} tag outside the provider.");
            }

            return;
        }

        await iam.TagRoleAsync(desired.Name, ValueMap.Of((Ownership.ProjectPrefixTag, prefix)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>TagRole with the declared tags but the project prefix, which only CreateRole and <see cref="PrefixAsync"/> set.</summary>
    private static Task RetagAsync(IIamClient iam, DesiredRole desired, CancellationToken cancellationToken) =>
        iam.TagRoleAsync(desired.Name, ValueMap.From(desired.Tags.Where(tag => tag.Key != Ownership.ProjectPrefixTag)), cancellationToken);

    /// <summary>UpdateAssumeRolePolicy when the role's trust policy (as GetRole returned it, decoded) is not the declared one.</summary>
    private static async Task TrustAsync(IIamClient iam, IamRole existing, DesiredRole desired, CancellationToken cancellationToken)
    {
        if (!TrustPolicies.Same(existing.AssumeRolePolicyDocument, desired.TrustPolicyDocument))
        {
            await iam.UpdateAssumeRolePolicyAsync(desired.Name, desired.TrustPolicyDocument, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A role of ours goes in two steps, one call each once its owner is known (read by the Delete beside its other reads,
    /// <see cref="Prefetched"/>, or here): DeleteRolePolicy of the inline policy the provider put, then DeleteRole. A role
    /// someone gave more policies answers DeleteRole with DeleteConflict: those are listed, deleted or detached, and the role
    /// deleted again. A role that is not ours is left alone.
    /// </summary>
    protected override async Task<StepOutcome> DeleteAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredRole>(step);
        var iam = run.Aws.Iam;
        var existing = await OwnerReadAsync(run, desired.Name, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return StepOutcome.FoundNothing;
        }

        if (!OwnershipCheck.IsOwnedBy(existing.Tags, desired.Tags))
        {
            return StepOutcome.Done;
        }

        if (step.Action == StepAction.DeleteRolePolicy)
        {
            await AwsErrorMatch.IgnoringAsync(() => iam.DeleteRolePolicyAsync(desired.Name, desired.PolicyName, cancellationToken), AwsErrorCodes.IamNoSuchEntity).ConfigureAwait(false);
            return StepOutcome.Done;
        }

        try
        {
            await AwsErrorMatch.IgnoringAsync(() => iam.DeleteRoleAsync(desired.Name, cancellationToken), AwsErrorCodes.IamNoSuchEntity).ConfigureAwait(false);
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.IamDeleteConflict))
        {
            await RemovePoliciesAsync(iam, desired.Name, cancellationToken).ConfigureAwait(false);
            await AwsErrorMatch.IgnoringAsync(() => iam.DeleteRoleAsync(desired.Name, cancellationToken), AwsErrorCodes.IamNoSuchEntity).ConfigureAwait(false);
        }

        return StepOutcome.Done;
    }

    /// <summary>The key under which a Delete hands its read of a role to the role's steps.</summary>
    private static string Prefetched(string roleName) => "Role:" + roleName;

    /// <summary>
    /// The role as the Delete's read found it, or as read now. A role not found is read again by the next step: a role made
    /// seconds ago may not be visible yet (IAM is eventually consistent), and by then the service has drained.
    /// </summary>
    private static async Task<IamRole?> OwnerReadAsync(StackRun run, string roleName, CancellationToken cancellationToken)
    {
        if (run.Facts.TryGetValue(Prefetched(roleName), out var known) && known is IamRole role)
        {
            return role;
        }

        var found = await FindAsync(run.Aws.Iam, roleName, cancellationToken).ConfigureAwait(false);
        if (found is not null)
        {
            run.Facts[Prefetched(roleName)] = found;
        }

        return found;
    }

    /// <summary>Every inline policy deleted and every managed policy detached, so DeleteRole can succeed.</summary>
    private static async Task RemovePoliciesAsync(IIamClient iam, string roleName, CancellationToken cancellationToken)
    {
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
    }

    /// <summary>On a role that is ours (its trust policy and project prefix brought in line), TagRole with the declared tags, then UntagRole for the keys the declaration dropped.</summary>
    protected override async Task<StepOutcome> TagAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredRole>(step);
        await BringInLineAsync(run, desired, cancellationToken).ConfigureAwait(false);
        await RetagAsync(run.Aws.Iam, desired, cancellationToken).ConfigureAwait(false);
        if (Tagging.Removed(PreviousOf<DesiredRole>(step)?.Tags, desired.Tags) is { Count: > 0 } keys)
        {
            await run.Aws.Iam.UntagRoleAsync(desired.Name, keys, cancellationToken).ConfigureAwait(false);
        }

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
