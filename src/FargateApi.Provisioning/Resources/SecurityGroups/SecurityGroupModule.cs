using FargateApi.Aws.Services;
using FargateApi.Aws.Services.Ec2;
using FargateApi.Desired;
using FargateApi.Planning;
using FargateApi.Provisioning.Execution;
using FargateApi.Provisioning.Waiting;

namespace FargateApi.Provisioning.Resources.SecurityGroups;

/// <summary>The tasks' security group (found by name in its VPC, owned by tags) and its one ingress rule from the ALB's group.</summary>
internal sealed class SecurityGroupModule : ResourceModule
{
    public override ResourceKind Kind => ResourceKind.SecurityGroup;

    /// <summary>
    /// CreateSecurityGroup with this generation's tags (names are unique per VPC). One that exists is this resource's only if
    /// its tags say so.
    /// </summary>
    protected override async Task<StepOutcome> CreateAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredSecurityGroup>(step);
        var ec2 = run.Aws.Ec2;
        try
        {
            var id = await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest(desired.Name, desired.Description, desired.VpcId, desired.Tags), cancellationToken).ConfigureAwait(false);
            run.Outputs.Set(Outputs.SecurityGroupId, id);
            return StepOutcome.Done;
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.Ec2GroupDuplicate))
        {
            // Found rather than made: whose is it?
        }

        var existing = await ReadAfterWrite.ReadAsync(run, $"security group {desired.Name} in {desired.VpcId}", token => FindAsync(ec2, desired.Name, desired.VpcId, token), cancellationToken).ConfigureAwait(false);
        if (!OwnershipCheck.IsOwnedBy(existing.Tags, desired.Tags))
        {
            throw OwnershipCheck.NotOurs("security group", desired.Name, existing.Tags);
        }

        run.Outputs.Set(Outputs.SecurityGroupId, existing.GroupId);
        return StepOutcome.Done;
    }

    /// <summary>
    /// The ingress rule moves: the new one is authorized (one that already exists, a retry, is success) and the old one
    /// revoked (one already gone is success). Planned as two steps, the revoke after the authorize, so traffic is never cut.
    /// </summary>
    protected override async Task<StepOutcome> UpdateAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredSecurityGroup>(step);
        var groupId = await GroupIdAsync(run, desired, cancellationToken).ConfigureAwait(false);
        foreach (var change in step.Changes.Where(change => change.Field == DesiredSecurityGroup.IngressField))
        {
            if (change.New is not null)
            {
                await AwsErrorMatch.IgnoringAsync(
                    () => run.Aws.Ec2.AuthorizeSecurityGroupIngressAsync(groupId, [Permission(desired.Ingress)], cancellationToken),
                    AwsErrorCodes.Ec2PermissionDuplicate).ConfigureAwait(false);
            }

            if (change.Old is not null && PreviousOf<DesiredSecurityGroup>(step) is { } previous && previous.Ingress != desired.Ingress)
            {
                await AwsErrorMatch.IgnoringAsync(
                    () => run.Aws.Ec2.RevokeSecurityGroupIngressAsync(groupId, [Permission(previous.Ingress)], cancellationToken),
                    AwsErrorCodes.Ec2PermissionNotFound).ConfigureAwait(false);
            }
        }

        return StepOutcome.Done;
    }

    /// <summary>
    /// DeleteSecurityGroup answers DependencyViolation while an ENI still uses the group ("is associated with an instance or
    /// network interface", EC2 DeleteSecurityGroup), and Fargate task ENIs outlive their tasks by seconds to minutes
    /// (hashicorp/terraform-provider-aws#3414; alantech/iasql PR #659: 56 s to 15 min). Each attempt is an observation of the
    /// poller, backing off from <see cref="ProvisionerOptions.SecurityGroupBackoff"/>. Found by the generation's ownership
    /// tags (and the name when the step knows it), so a group of anyone else is never touched.
    /// </summary>
    protected override async Task<StepOutcome> DeleteAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredSecurityGroup>(step);
        List<Ec2Filter> filters =
        [
            Ec2Filter.Tag(Ownership.StackIdTag, desired.Tags[Ownership.StackIdTag]),
            Ec2Filter.Tag(Ownership.LogicalIdTag, desired.Tags[Ownership.LogicalIdTag]),
            Ec2Filter.Tag(Ownership.GenerationTag, desired.Tags[Ownership.GenerationTag]),
        ];
        if (desired.Name.Length > 0)
        {
            filters.Add(new("group-name", [desired.Name]));
        }

        // No VPC filter: the tags name the generation, and the platform team may have moved the network since it was made.
        var page = await run.Aws.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = filters }, cancellationToken).ConfigureAwait(false);
        var outcome = page.SecurityGroups.Count == 0 ? StepOutcome.FoundNothing : StepOutcome.Done;
        foreach (var group in page.SecurityGroups)
        {
            var result = await Poller.RunAsync(Deletion(run, group, desired.Tags[Ownership.GenerationTag]), run.PollBudget, run.Time, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                outcome = StepOutcome.ContinueLater;
            }
        }

        return outcome;
    }

    /// <summary>CreateTags with the declared tags (it overwrites values), then DeleteTags for the keys the declaration dropped.</summary>
    protected override async Task<StepOutcome> TagAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredSecurityGroup>(step);
        var group = await GroupIdAsync(run, desired, cancellationToken).ConfigureAwait(false);
        await run.Aws.Ec2.CreateTagsAsync([group], desired.Tags, cancellationToken).ConfigureAwait(false);
        if (Tagging.Removed(PreviousOf<DesiredSecurityGroup>(step)?.Tags, desired.Tags) is { Count: > 0 } keys)
        {
            await run.Aws.Ec2.DeleteTagsAsync([group], keys, cancellationToken).ConfigureAwait(false);
        }

        return StepOutcome.Done;
    }

    /// <summary>The group's id: made by this run, or found by name in the VPC.</summary>
    public static Task<string> GroupIdAsync(StackRun run, DesiredSecurityGroup desired, CancellationToken cancellationToken) =>
        run.Outputs.RequireAsync(Outputs.SecurityGroupId, async () =>
            (await FindAsync(run.Aws.Ec2, desired.Name, desired.VpcId, cancellationToken).ConfigureAwait(false))?.GroupId);

    public static async Task<SecurityGroup?> FindAsync(IEc2Client ec2, string name, string? vpcId, CancellationToken cancellationToken)
    {
        List<Ec2Filter> filters = [new("group-name", [name])];
        if (vpcId is not null)
        {
            filters.Add(new("vpc-id", [vpcId]));
        }

        var page = await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = filters }, cancellationToken).ConfigureAwait(false);
        return page.SecurityGroups.FirstOrDefault();
    }

    public static IpPermission Permission(DesiredIngressRule rule) =>
        new(rule.Protocol, rule.FromPort, rule.ToPort, [new UserIdGroupPair(rule.SourceSecurityGroupId, rule.Description)]);

    private static Waiter<DeleteAttempt> Deletion(StackRun run, SecurityGroup group, string generation)
    {
        var name = group.GroupName ?? group.GroupId;
        var attempts = 0;
        return new Waiter<DeleteAttempt>(
            $"security group {name} to be deleted",
            async cancellationToken =>
            {
                attempts++;
                try
                {
                    await run.Aws.Ec2.DeleteSecurityGroupAsync(group.GroupId, cancellationToken).ConfigureAwait(false);
                    return DeleteAttempt.Deleted;
                }
                catch (Exception error) when (error.Is(AwsErrorCodes.Ec2GroupNotFound))
                {
                    return DeleteAttempt.Gone;
                }
                catch (Exception error) when (error.Is(AwsErrorCodes.Ec2DependencyViolation))
                {
                    return DeleteAttempt.InUse;
                }
            },
            [Acceptor<DeleteAttempt>.Success(attempt => attempt is DeleteAttempt.Deleted or DeleteAttempt.Gone)],
            run.Options.SecurityGroupBackoff,
            run.Options.MaxSecurityGroupBackoff,
            async (_, cancellationToken) =>
            {
                var enis = await run.Aws.Ec2.DescribeNetworkInterfacesAsync(new([new("group-id", [group.GroupId])]), cancellationToken).ConfigureAwait(false);
                return (Exception?)new ProvisioningException(
                    $"Security group {name} ({group.GroupId}, generation {generation}) could not be deleted in time ({attempts} attempts): " +
                    $"network interfaces still hold it ({(enis.NetworkInterfaces.Count == 0 ? "none listed now" : string.Join(", ", enis.NetworkInterfaces.Select(eni => eni.NetworkInterfaceId)))}). " +
                    "Fargate task ENIs can outlive their tasks for minutes; retry the delete.");
            });
    }

    private enum DeleteAttempt
    {
        Deleted,
        Gone,
        InUse,
    }
}
