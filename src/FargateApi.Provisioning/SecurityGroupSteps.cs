using FargateApi.Aws.Services;
using FargateApi.Aws.Services.Ec2;
using FargateApi.Desired;

namespace FargateApi.Provisioning;

/// <summary>The tasks' security group (found by name in its VPC, owned by tags) and its one ingress rule from the ALB's group.</summary>
internal static class SecurityGroupSteps
{
    public static async Task EnsureAsync(StackRun run, CancellationToken cancellationToken)
    {
        var desired = run.Stack.SecurityGroup;
        var ec2 = run.Aws.Ec2;
        var existing = await StackRun.FindSecurityGroupAsync(ec2, desired.Name, desired.VpcId, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            try
            {
                var id = await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest(desired.Name, desired.Description, desired.VpcId, desired.Tags), cancellationToken).ConfigureAwait(false);
                run.Outputs.Set(StackOutputs.SecurityGroupId, id);
                return;
            }
            catch (Exception error) when (error.Is(AwsErrorCodes.Ec2GroupDuplicate))
            {
                existing = await StackRun.FindSecurityGroupAsync(ec2, desired.Name, desired.VpcId, cancellationToken).ConfigureAwait(false)
                    ?? throw new ProvisioningException($"Security group '{desired.Name}' is reported to exist in {desired.VpcId} but cannot be found.");
            }
        }

        if (!OwnershipCheck.IsOwnedBy(existing.Tags, desired.Tags))
        {
            throw OwnershipCheck.NotOurs("security group", desired.Name);
        }

        run.Outputs.Set(StackOutputs.SecurityGroupId, existing.GroupId);
    }

    /// <summary>Adds the ingress rule; one that already exists (a retry) is success.</summary>
    public static async Task AuthorizeAsync(StackRun run, CancellationToken cancellationToken)
    {
        var groupId = await run.SecurityGroupIdAsync(cancellationToken).ConfigureAwait(false);
        await AwsErrorMatch.IgnoringAsync(
            () => run.Aws.Ec2.AuthorizeSecurityGroupIngressAsync(groupId, [Permission(run.Stack.SecurityGroup.Ingress)], cancellationToken),
            AwsErrorCodes.Ec2PermissionDuplicate).ConfigureAwait(false);
    }

    /// <summary>Removes the previous ingress rule; one already gone is success.</summary>
    public static async Task RevokePreviousAsync(StackRun run, CancellationToken cancellationToken)
    {
        if (run.Previous is not { } previous || previous.SecurityGroup.Ingress == run.Stack.SecurityGroup.Ingress)
        {
            return;
        }

        var groupId = await run.SecurityGroupIdAsync(cancellationToken).ConfigureAwait(false);
        await AwsErrorMatch.IgnoringAsync(
            () => run.Aws.Ec2.RevokeSecurityGroupIngressAsync(groupId, [Permission(previous.SecurityGroup.Ingress)], cancellationToken),
            AwsErrorCodes.Ec2PermissionNotFound).ConfigureAwait(false);
    }

    public static IpPermission Permission(DesiredIngressRule rule) =>
        new(rule.Protocol, rule.FromPort, rule.ToPort, [new UserIdGroupPair(rule.SourceSecurityGroupId, rule.Description)]);
}
