using System.Globalization;
using FargateApi.Aws.Services;
using FargateApi.Aws.Services.Ecs;
using FargateApi.Desired;
using FargateApi.Planning;
using FargateApi.Provisioning.Resources.ListenerRules;
using FargateApi.Provisioning.Resources.Services;

namespace FargateApi.Provisioning;

/// <summary>
/// Recognises CloudFormation's rollback of a replacement. When an Update that needs a new generation arrives and the
/// generation the physical id names, or the one before it, already runs what the update asks for on every property that
/// forces replacement (<see cref="ReplacementTriggers"/>), that generation kept serving while the replacement was built,
/// and the update is a rollback: it must return to that stack, not build yet another one.
/// </summary>
internal static class ReplacementRollback
{
    public static async Task<DesiredStack?> FindServingGenerationAsync(AwsApis aws, DesiredStack next, ServiceId id, CancellationToken cancellationToken)
    {
        foreach (var generation in new[] { id.Generation, id.Generation - 1 }.Where(g => g >= 0))
        {
            var candidate = next.AtGeneration(generation);
            if (await ObserveAsync(aws, candidate, cancellationToken).ConfigureAwait(false) is { } built
                && ReplacementTriggers.All.All(trigger => built.TryGetValue(trigger.Path, out var value) && value == trigger.Value(candidate)))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// What a live generation of ours was built with, per replacement property, read from AWS; null when it does not serve.
    /// Its names and cluster: it answers DescribeServices by the candidate's name in the candidate's cluster. Its container
    /// port: the service's load balancer mapping. Its VPC: its target group's. Its listener: the candidate's, when a rule there
    /// forwards to that target group.
    /// </summary>
    private static async Task<Dictionary<string, string>?> ObserveAsync(AwsApis aws, DesiredStack candidate, CancellationToken cancellationToken)
    {
        EcsService? service;
        try
        {
            service = await ServiceModule.DescribeAsync(aws.Ecs, candidate.Service.Cluster, candidate.Service.Name, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.EcsClusterNotFound))
        {
            return null;
        }

        if (service is not { Status: EcsValues.ServiceActive } || !ServiceModule.IsOwned(service, candidate.Service.Tags)
            || service.LoadBalancers.FirstOrDefault() is not { TargetGroupArn: { } targetGroupArn } link)
        {
            return null;
        }

        try
        {
            var group = (await aws.Elb.DescribeTargetGroupsAsync(new() { TargetGroupArns = [targetGroupArn] }, cancellationToken).ConfigureAwait(false)).TargetGroups.FirstOrDefault();
            var rule = await ListenerRuleModule.FindForwardingToAsync(aws.Elb, candidate.ListenerRule.ListenerArn, targetGroupArn, cancellationToken).ConfigureAwait(false);
            if (group?.VpcId is null || rule is null)
            {
                return null;
            }

            return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["ProjectPrefix"] = candidate.Names.ProjectPrefix,
                ["ServiceName"] = candidate.Names.ServiceName,
                ["Network.ClusterName"] = candidate.Service.Cluster,
                ["Network.VpcId"] = group.VpcId,
                ["Network.ListenerArn"] = candidate.ListenerRule.ListenerArn,
                ["ContainerPort"] = link.ContainerPort.ToString(CultureInfo.InvariantCulture),
            };
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.ElbTargetGroupNotFound, AwsErrorCodes.ElbListenerNotFound))
        {
            return null;
        }
    }
}
