using FargateApi.Aws.Services;
using FargateApi.Aws.Services.Ec2;
using FargateApi.Desired;

namespace FargateApi.Provisioning;

/// <summary>
/// The tasks' security group goes last among the network pieces: DeleteSecurityGroup answers DependencyViolation while an
/// ENI still uses it ("is associated with an instance or network interface", EC2 DeleteSecurityGroup), and Fargate task
/// ENIs outlive their tasks by seconds to minutes. Retried with back-off until the deadline, then a failure that says so.
/// </summary>
internal sealed class SecurityGroupDeleter(AwsApis aws, TimeProvider time, ProvisionerOptions options)
{
    /// <returns>False when no group of this generation was found.</returns>
    public async Task<bool> DeleteAsync(string? name, string? vpcId, ValueMap owner, int generation, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        // By tags when the name is unknown (properties that no longer validate): the filters narrow to this generation.
        List<Ec2Filter> filters =
        [
            Ec2Filter.Tag(Ownership.StackIdTag, owner[Ownership.StackIdTag]),
            Ec2Filter.Tag(Ownership.LogicalIdTag, owner[Ownership.LogicalIdTag]),
            Ec2Filter.Tag(Ownership.GenerationTag, owner[Ownership.GenerationTag]),
        ];
        if (name is not null)
        {
            filters.Add(new("group-name", [name]));
        }

        if (vpcId is not null)
        {
            filters.Add(new("vpc-id", [vpcId]));
        }

        var page = await aws.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = filters }, cancellationToken).ConfigureAwait(false);
        foreach (var group in page.SecurityGroups)
        {
            await DeleteWithRetriesAsync(group.GroupId, group.GroupName ?? group.GroupId, generation, deadline, cancellationToken).ConfigureAwait(false);
        }

        return page.SecurityGroups.Count > 0;
    }

    private async Task DeleteWithRetriesAsync(string groupId, string name, int generation, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var backoff = options.SecurityGroupBackoff;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await aws.Ec2.DeleteSecurityGroupAsync(groupId, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception error) when (error.Is(AwsErrorCodes.Ec2GroupNotFound))
            {
                return;
            }
            catch (Exception error) when (error.Is(AwsErrorCodes.Ec2DependencyViolation))
            {
                if (attempt >= options.MaxSecurityGroupAttempts || time.GetUtcNow() + backoff >= deadline)
                {
                    var enis = await aws.Ec2.DescribeNetworkInterfacesAsync(new([new("group-id", [groupId])]), cancellationToken).ConfigureAwait(false);
                    throw new ProvisioningException(
                        $"Security group {name} ({groupId}, generation {generation}) could not be deleted after {attempt} attempts: " +
                        $"network interfaces still hold it ({(enis.NetworkInterfaces.Count == 0 ? "none listed now" : string.Join(", ", enis.NetworkInterfaces.Select(eni => eni.NetworkInterfaceId)))}). " +
                        "Fargate task ENIs can outlive their tasks for minutes; retry the delete.", error);
                }
            }

            await Task.Delay(backoff, time, cancellationToken).ConfigureAwait(false);
            backoff = backoff * 2 > options.MaxSecurityGroupBackoff ? options.MaxSecurityGroupBackoff : backoff * 2;
        }
    }
}
