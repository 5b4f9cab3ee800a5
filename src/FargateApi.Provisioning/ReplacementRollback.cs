using FargateApi.Aws.Services;
using FargateApi.Aws.Services.Ecs;
using FargateApi.Desired;
using FargateApi.Provisioning.Resources.ListenerRules;
using FargateApi.Provisioning.Resources.Services;

namespace FargateApi.Provisioning;

/// <summary>
/// Recognises CloudFormation's rollback of a replacement. When an Update that needs a new generation arrives and the
/// generation the physical id names, or the one before it, already runs what the update asks for (same cluster, same
/// container port: the values that forced the replacement), that generation kept serving while the replacement was
/// built, and the update is a rollback: it must return to that stack, not build yet another one.
/// </summary>
internal static class ReplacementRollback
{
    public static async Task<DesiredStack?> FindServingGenerationAsync(AwsApis aws, DesiredStack next, ServiceId id, CancellationToken cancellationToken)
    {
        foreach (var generation in new[] { id.Generation, id.Generation - 1 }.Where(g => g >= 0))
        {
            var candidate = next.AtGeneration(generation);
            EcsService? service;
            try
            {
                service = await ServiceModule.DescribeAsync(aws.Ecs, candidate.Service.Cluster, candidate.Service.Name, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error.Is(AwsErrorCodes.EcsClusterNotFound))
            {
                continue;
            }

            if (service is { Status: EcsValues.ServiceActive }
                && ServiceModule.IsOwned(service, candidate.Service.Tags)
                && service.LoadBalancers.FirstOrDefault(lb => lb.ContainerPort == candidate.Service.LoadBalancer.ContainerPort) is { } link
                && await ServesThroughAsync(aws, candidate, link.TargetGroupArn, cancellationToken).ConfigureAwait(false))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The other replacement triggers: the target group's VPC, port and protocol, and a rule on the desired listener forwarding to it.</summary>
    private static async Task<bool> ServesThroughAsync(AwsApis aws, DesiredStack candidate, string targetGroupArn, CancellationToken cancellationToken)
    {
        try
        {
            var page = await aws.Elb.DescribeTargetGroupsAsync(new() { TargetGroupArns = [targetGroupArn] }, cancellationToken).ConfigureAwait(false);
            var group = page.TargetGroups.FirstOrDefault();
            if (group is null || group.VpcId != candidate.TargetGroup.VpcId || group.Port != candidate.TargetGroup.Port || group.Protocol != candidate.TargetGroup.Protocol)
            {
                return false;
            }

            return await ListenerRuleModule.FindForwardingToAsync(aws.Elb, candidate.ListenerRule.ListenerArn, targetGroupArn, cancellationToken).ConfigureAwait(false) is not null;
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.ElbTargetGroupNotFound, AwsErrorCodes.ElbListenerNotFound))
        {
            return false;
        }
    }
}
