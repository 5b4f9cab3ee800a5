using FargateApi.Aws.Services;
using FargateApi.Aws.Services.ElasticLoadBalancing;
using FargateApi.Desired;

namespace FargateApi.Provisioning;

/// <summary>The target group: found by name (unique per account and region), owned by tags; health check and attributes in place.</summary>
internal static class TargetGroupSteps
{
    public static async Task EnsureAsync(StackRun run, CancellationToken cancellationToken)
    {
        var desired = run.Stack.TargetGroup;
        var elb = run.Aws.Elb;
        var arn = await StackRun.FindTargetGroupArnAsync(elb, desired.Name, cancellationToken).ConfigureAwait(false);
        if (arn is not null)
        {
            var tags = await elb.DescribeTagsAsync([arn], cancellationToken).ConfigureAwait(false);
            if (!tags.TryGetValue(arn, out var own) || !OwnershipCheck.IsOwnedBy(own, desired.Tags))
            {
                throw OwnershipCheck.NotOurs("target group", desired.Name);
            }

            // Found rather than made (a retry, or an Update without readable old properties): bring the health check in line.
            run.Outputs.Set(StackOutputs.TargetGroupArn, arn);
            await ModifyHealthCheckAsync(run, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            try
            {
                // ELBv2 answers a CreateTargetGroup with the same name and settings with the existing group: a retry is safe.
                var created = await elb.CreateTargetGroupAsync(
                    new CreateTargetGroupRequest(desired.Name, desired.Port, desired.VpcId, HealthCheck(desired.HealthCheck), desired.Tags)
                    {
                        Protocol = desired.Protocol,
                        TargetType = desired.TargetType,
                    },
                    cancellationToken).ConfigureAwait(false);
                arn = created.TargetGroupArn;
            }
            catch (Exception error) when (error.Is(AwsErrorCodes.ElbDuplicateTargetGroupName))
            {
                throw new ProvisioningException(
                    $"Target group '{desired.Name}' exists with other settings (protocol, port or VPC); these cannot change in place. " +
                    "Delete it or change ServiceName.", error);
            }
        }

        run.Outputs.Set(StackOutputs.TargetGroupArn, arn);
        await ModifyAttributesAsync(run, cancellationToken).ConfigureAwait(false);
    }

    public static async Task ModifyHealthCheckAsync(StackRun run, CancellationToken cancellationToken)
    {
        var arn = await run.TargetGroupArnAsync(cancellationToken).ConfigureAwait(false);
        await run.Aws.Elb.ModifyTargetGroupAsync(arn, HealthCheck(run.Stack.TargetGroup.HealthCheck), cancellationToken).ConfigureAwait(false);
    }

    public static async Task ModifyAttributesAsync(StackRun run, CancellationToken cancellationToken)
    {
        var arn = await run.TargetGroupArnAsync(cancellationToken).ConfigureAwait(false);
        await run.Aws.Elb.ModifyTargetGroupAttributesAsync(arn, run.Stack.TargetGroup.Attributes, cancellationToken).ConfigureAwait(false);
    }

    public static TargetGroupHealthCheck HealthCheck(DesiredTargetHealthCheck check) =>
        new(check.Path, check.IntervalSeconds, check.TimeoutSeconds, check.HealthyThresholdCount, check.UnhealthyThresholdCount, check.HttpCodes);
}
