using FargateApi.Aws.Services;
using FargateApi.Aws.Services.Ec2;
using FargateApi.Aws.Services.Ecs;
using FargateApi.Aws.Services.ElasticLoadBalancing;
using FargateApi.Planning;
using FargateApi.Properties;
using FargateApi.Provisioning.Execution;
using FargateApi.Provisioning.Resources.ListenerRules;
using FargateApi.Provisioning.Resources.Network;
using FargateApi.Provisioning.Resources.Services;

namespace FargateApi.Provisioning.Observing;

/// <summary>
/// Runs an Update's reads (<see cref="Observation"/>) before the plan is derived from them, in the same two waves the plan
/// prints, and tells the step observer of each as the executor would: the network and the service (with the task family's
/// latest revision), then what the service uses. A service of another owner stops everything here.
/// </summary>
internal sealed class StackObserver(AwsApis aws, ProvisionerOptions options)
{
    public async Task<ObservedStack> ObserveAsync(NetworkProperties network, string cluster, string serviceName, string family, Desired.ValueMap owner, CancellationToken cancellationToken)
    {
        var resolved = ReadAsync(Observation.Network, 1, () => NetworkResolver.ResolveAsync(network, aws, cancellationToken));
        var service = ReadAsync(Observation.Service, 1, () => FindServiceAsync(cluster, serviceName, cancellationToken));
        var latest = ReadAsync(Observation.TaskDefinition, 1, () => LatestRevisionAsync(family, cancellationToken));
        await Task.WhenAll(resolved, service, latest).ConfigureAwait(false);

        var found = await service.ConfigureAwait(false);
        if (found is not null && !ServiceModule.IsOwned(found, owner))
        {
            throw OwnershipCheck.NotOurs("ECS service", serviceName, found.Tags.Select(tag => KeyValuePair.Create(tag.Key, tag.Value)));
        }

        var targetGroupArn = found?.LoadBalancers.FirstOrDefault()?.TargetGroupArn;
        var groupId = found?.NetworkConfiguration?.AwsvpcConfiguration.SecurityGroups?.FirstOrDefault();
        var listenerArn = (await resolved.ConfigureAwait(false)).ListenerArn;
        var targetGroup = ReadAsync(Observation.TargetGroup, 2, () => FindTargetGroupAsync(targetGroupArn, cancellationToken));
        var rule = ReadAsync(Observation.ListenerRule, 2, () => FindRuleAsync(listenerArn, targetGroupArn, cancellationToken));
        var securityGroup = ReadAsync(Observation.SecurityGroup, 2, () => FindSecurityGroupAsync(groupId, cancellationToken));
        await Task.WhenAll(targetGroup, rule, securityGroup).ConfigureAwait(false);
        return new ObservedStack(
            await resolved.ConfigureAwait(false),
            found,
            await targetGroup.ConfigureAwait(false),
            await rule.ConfigureAwait(false),
            await securityGroup.ConfigureAwait(false),
            await latest.ConfigureAwait(false));
    }

    private async Task<T> ReadAsync<T>(string stepId, int wave, Func<Task<T>> read)
    {
        options.Steps?.Started(stepId, wave);
        var value = await read().ConfigureAwait(false);
        options.Steps?.Finished(stepId, StepOutcome.Done);
        return value;
    }

    private async Task<EcsService?> FindServiceAsync(string cluster, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await ServiceModule.DescribeAsync(aws.Ecs, cluster, name, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.EcsClusterNotFound))
        {
            return null;
        }
    }

    private async Task<TaskDefinitionResponse?> LatestRevisionAsync(string family, CancellationToken cancellationToken)
    {
        try
        {
            return await aws.Ecs.DescribeTaskDefinitionAsync(family, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.EcsClientError))
        {
            return null; // No ACTIVE revision in the family.
        }
    }

    private async Task<TargetGroup?> FindTargetGroupAsync(string? arn, CancellationToken cancellationToken)
    {
        if (arn is null)
        {
            return null;
        }

        try
        {
            return (await aws.Elb.DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest { TargetGroupArns = [arn] }, cancellationToken).ConfigureAwait(false)).TargetGroups.FirstOrDefault();
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.ElbTargetGroupNotFound))
        {
            return null;
        }
    }

    private async Task<Rule?> FindRuleAsync(string listenerArn, string? targetGroupArn, CancellationToken cancellationToken)
    {
        if (targetGroupArn is null)
        {
            return null;
        }

        try
        {
            return await ListenerRuleModule.FindForwardingToAsync(aws.Elb, listenerArn, targetGroupArn, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.ElbListenerNotFound))
        {
            return null;
        }
    }

    private async Task<SecurityGroup?> FindSecurityGroupAsync(string? groupId, CancellationToken cancellationToken)
    {
        if (groupId is null)
        {
            return null;
        }

        try
        {
            return (await aws.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [groupId] }, cancellationToken).ConfigureAwait(false)).SecurityGroups.FirstOrDefault();
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.Ec2GroupNotFound))
        {
            return null;
        }
    }
}
