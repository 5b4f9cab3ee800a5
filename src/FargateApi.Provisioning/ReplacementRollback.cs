using FargateApi.Aws.Services;
using FargateApi.Aws.Services.Ecs;
using FargateApi.Desired;
using FargateApi.Naming;
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
    /// <remarks>
    /// Generations alternate between two slots (<see cref="Generations"/>), so the one before the id's is the other slot, and
    /// so is the one after it; a rename keeps the id's slot under other names. So any service but the id's own counts as the
    /// generation that kept serving only when it is older than the id's. A newer one is this very update's replacement, half
    /// built by an attempt that died and now delivered again.
    /// </remarks>
    public static async Task<DesiredStack?> FindServingGenerationAsync(AwsApis aws, DesiredStack next, ServiceId id, CancellationToken cancellationToken)
    {
        DateTimeOffset? idCreated = null;
        foreach (var generation in new[] { id.Generation, Generations.Other(id.Generation) }.Distinct())
        {
            var candidate = next.AtGeneration(generation);
            if (await ObserveAsync(aws, candidate, cancellationToken).ConfigureAwait(false) is not ({ } built, var created)
                || !ReplacementTriggers.All.All(trigger => built.TryGetValue(trigger.Path, out var value) && value == trigger.Value(candidate)))
            {
                continue;
            }

            if (candidate.Service.Name != id.Service || candidate.Service.Cluster != id.Cluster)
            {
                idCreated ??= await CreatedAtAsync(aws, id, cancellationToken).ConfigureAwait(false);
                if (idCreated is { } idTime && created is { } candidateTime && candidateTime >= idTime)
                {
                    continue;
                }
            }

            return candidate;
        }

        return null;
    }

    private static async Task<DateTimeOffset?> CreatedAtAsync(AwsApis aws, ServiceId id, CancellationToken cancellationToken)
    {
        try
        {
            return (await ServiceModule.DescribeAsync(aws.Ecs, id.Cluster, id.Service, cancellationToken).ConfigureAwait(false))?.CreatedAt;
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.EcsClusterNotFound))
        {
            return null;
        }
    }

    /// <summary>
    /// What a live generation of ours was built with, per replacement property, read from AWS; null when it does not serve.
    /// Its names and cluster: it answers DescribeServices by the candidate's name in the candidate's cluster. Its VPC: its
    /// target group's. Its listener: the candidate's, when a rule there forwards to that target group.
    /// </summary>
    private static async Task<(Dictionary<string, string> Built, DateTimeOffset? CreatedAt)?> ObserveAsync(AwsApis aws, DesiredStack candidate, CancellationToken cancellationToken)
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
            || service.LoadBalancers.FirstOrDefault() is not { TargetGroupArn: { } targetGroupArn })
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

            return (new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["ProjectPrefix"] = candidate.Names.ProjectPrefix,
                ["ServiceName"] = candidate.Names.ServiceName,
                ["Network.ClusterName"] = candidate.Service.Cluster,
                ["Network.VpcId"] = group.VpcId,
                ["Network.ListenerArn"] = candidate.ListenerRule.ListenerArn,
            }, service.CreatedAt);
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.ElbTargetGroupNotFound, AwsErrorCodes.ElbListenerNotFound))
        {
            return null;
        }
    }
}
