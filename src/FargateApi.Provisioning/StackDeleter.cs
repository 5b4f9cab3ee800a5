using FargateApi.Aws.Services;
using FargateApi.Aws.Services.Ecs;
using FargateApi.Desired;
using FargateApi.Naming;
using FargateApi.Properties;

namespace FargateApi.Provisioning;

/// <summary>
/// Delete in reverse order (the order of <see cref="Planning.DeletePlanner"/>), idempotent and tolerant of whatever is
/// already gone: stop scaling, drain and delete the service, wait until it is INACTIVE, delete the rule, then the target
/// group, the security group (retrying DependencyViolation while task ENIs drain), the task definition revisions, the
/// roles, and the log group unless it is retained or another generation still lives. Only resources tagged for this
/// stack and logical id are touched.
/// </summary>
internal sealed class StackDeleter(AwsApis aws, TimeProvider time, ProvisionerOptions options)
{
    /// <summary>How many other generations are checked for life before the shared log group goes (one DescribeServices call).</summary>
    private const int GenerationsChecked = EcsLimits.MaxServicesPerDescribe;

    /// <summary>DeleteTargetGroup attempts while a not-yet-visible rule holds the group.</summary>
    private const int MaxTargetGroupAttempts = 4;

    /// <summary>Set when a look-up of this pass found nothing (gone already, or not yet visible).</summary>
    private bool _missed;

    /// <summary>
    /// One pass, and a second one after <see cref="ProvisionerOptions.ConsistencyDelay"/> when the first found something
    /// missing: reads lag behind writes, and a Delete that follows a failed Create by seconds may not yet see what it made.
    /// </summary>
    public async Task DeleteAsync(ResourceIdentity identity, ServiceId target, ServiceProperties? properties, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        _missed = false;
        await PassAsync(identity, target, properties, deadline, cancellationToken).ConfigureAwait(false);
        if (_missed && time.GetUtcNow() + options.ConsistencyDelay < deadline)
        {
            await Task.Delay(options.ConsistencyDelay, time, cancellationToken).ConfigureAwait(false);
            await PassAsync(identity, target, properties, deadline, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PassAsync(ResourceIdentity identity, ServiceId target, ServiceProperties? properties, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var owner = new Ownership(identity.StackId, identity.LogicalResourceId).Tags(target.Generation);
        string? listenerArn = null;
        string? vpcId = null;
        var cluster = target.Cluster;
        if (properties is not null)
        {
            var network = await NetworkResolver.ResolveLenientlyAsync(properties.Network, aws, cancellationToken).ConfigureAwait(false);
            listenerArn = network.ListenerArn;
            vpcId = network.VpcId;
            if (cluster.Length > 0 && network.ClusterName is { } expected && expected != cluster)
            {
                return; // A service in another cluster than the properties' network: not one of our stacks.
            }

            cluster = cluster.Length > 0 ? cluster : network.ClusterName ?? string.Empty;
        }

        var names = properties is null ? null : ResourceNames.For(properties, target.Generation);
        if (names is not null && target.Service.Length > 0 && target.Service != names.Service)
        {
            // The id names a service these properties would never have made: it is not one of our stacks.
            return;
        }

        var serviceName = target.Service.Length > 0 ? target.Service : names?.Service;
        if (cluster.Length > 0 && serviceName is not null)
        {
            await DeleteServiceAsync(cluster, serviceName, owner, deadline, cancellationToken).ConfigureAwait(false);
        }

        if (names is not null)
        {
            var targetGroup = await OwnedTargetGroupAsync(names.TargetGroup, owner, cancellationToken).ConfigureAwait(false);
            if (targetGroup is not null && listenerArn is not null)
            {
                await DeleteRuleAsync(listenerArn, targetGroup, owner, properties!.Priority, target.Generation, cancellationToken).ConfigureAwait(false);
            }

            if (targetGroup is not null)
            {
                await DeleteTargetGroupAsync(targetGroup, listenerArn, owner, properties!.Priority, target.Generation, cancellationToken).ConfigureAwait(false);
            }
        }

        if (names is not null)
        {
            await DeregisterTaskDefinitionsAsync(names.TaskFamily, owner, cancellationToken).ConfigureAwait(false);
            if (properties!.ExecutionRoleArn is null)
            {
                Found(await RoleSteps.DeleteAsync(aws.Iam, names.ExecutionRole, owner, cancellationToken).ConfigureAwait(false));
            }

            if (properties.TaskRoleArn is null)
            {
                Found(await RoleSteps.DeleteAsync(aws.Iam, names.TaskRole, owner, cancellationToken).ConfigureAwait(false));
            }

            if (properties.LogRemovalPolicy == RemovalPolicy.Destroy
                && !await OtherGenerationLivesAsync(cluster, properties, target.Generation, owner, cancellationToken).ConfigureAwait(false))
            {
                await DeleteLogGroupAsync(names.LogGroup, owner, cancellationToken).ConfigureAwait(false);
            }
        }

        // Last: its retries wait for the task ENIs to drain, and if they outlast the deadline everything else is gone already.
        Found(await new SecurityGroupDeleter(aws, time, options).DeleteAsync(names?.SecurityGroup, vpcId, owner, target.Generation, deadline, cancellationToken).ConfigureAwait(false));
    }

    private async Task DeleteServiceAsync(string cluster, string serviceName, ValueMap owner, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        EcsService? service;
        try
        {
            service = await ServiceSteps.DescribeAsync(aws.Ecs, cluster, serviceName, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.EcsClusterNotFound))
        {
            return;
        }

        if (!Found(service is not null) || !IsOwned(service!, owner))
        {
            return;
        }

        // First: an active scalable target would push the count back up after the scale to zero (policies go with it).
        await ScalingSteps.DeregisterAsync(aws.AutoScaling, $"service/{cluster}/{serviceName}", cancellationToken).ConfigureAwait(false);
        if (service!.Status == EcsValues.ServiceInactive)
        {
            return;
        }

        if (service.Status == EcsValues.ServiceActive)
        {
            // Scaling to zero first stops the tasks in an orderly way; force deletes even if that did not take.
            await AwsErrorMatch.IgnoringAsync(
                () => aws.Ecs.UpdateServiceAsync(new UpdateServiceRequest { Cluster = cluster, Service = serviceName, DesiredCount = 0 }, cancellationToken),
                AwsErrorCodes.EcsServiceNotFound, AwsErrorCodes.EcsServiceNotActive).ConfigureAwait(false);
            await AwsErrorMatch.IgnoringAsync(
                () => aws.Ecs.DeleteServiceAsync(new DeleteServiceRequest(cluster, serviceName, Force: true), cancellationToken),
                AwsErrorCodes.EcsServiceNotFound, AwsErrorCodes.EcsServiceNotActive).ConfigureAwait(false);
        }

        // botocore ServicesInactive: DescribeServices until status INACTIVE (or MISSING). Bounded: the security group retries wait for the ENIs anyway.
        for (var poll = 0; poll < options.MaxInactivePolls && time.GetUtcNow() < deadline; poll++)
        {
            var current = await ServiceSteps.DescribeAsync(aws.Ecs, cluster, serviceName, cancellationToken).ConfigureAwait(false);
            if (current is null || current.Status == EcsValues.ServiceInactive)
            {
                return;
            }

            await Task.Delay(options.PollDelay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<string?> OwnedTargetGroupAsync(string name, ValueMap owner, CancellationToken cancellationToken)
    {
        var arn = await StackRun.FindTargetGroupArnAsync(aws.Elb, name, cancellationToken).ConfigureAwait(false);
        if (!Found(arn is not null) || arn is null)
        {
            return null;
        }

        var tags = await aws.Elb.DescribeTagsAsync([arn], cancellationToken).ConfigureAwait(false);
        return tags.TryGetValue(arn, out var own) && OwnershipCheck.IsOwnedBy(own, owner) ? arn : null;
    }

    /// <summary>Deletes this generation's rule; if another generation's rule remains at a temporary priority (a replacement
    /// that rolled back) and the declared priority is now free, that rule takes it back.</summary>
    private async Task DeleteRuleAsync(string listenerArn, string targetGroupArn, ValueMap owner, int declaredPriority, int generation, CancellationToken cancellationToken)
    {
        IReadOnlyList<Aws.Services.ElasticLoadBalancing.Rule> rules;
        try
        {
            rules = await ListenerRuleSteps.RulesAsync(aws.Elb, listenerArn, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.ElbListenerNotFound))
        {
            return;
        }

        foreach (var rule in rules.Where(rule => rule.Actions.Any(action => action.TargetGroupArn == targetGroupArn)))
        {
            await AwsErrorMatch.IgnoringAsync(() => aws.Elb.DeleteRuleAsync(rule.RuleArn, cancellationToken), AwsErrorCodes.ElbRuleNotFound).ConfigureAwait(false);
        }

        var remaining = rules.Where(rule => rule.Actions.All(action => action.TargetGroupArn != targetGroupArn)).ToList();
        if (remaining.Any(rule => ListenerRuleSteps.PriorityOf(rule) == declaredPriority))
        {
            return;
        }

        // Only rules forwarding to one of this resource's target groups can be a sibling generation's: other teams' rules on
        // the shared listener are neither read nor touched (and may vanish under us while their stacks are deleted).
        var ourTargetGroup = ListenerRuleSteps.TargetGroupBaseName(targetGroupArn);
        var candidates = remaining.Where(rule => rule.Actions.Any(action => ListenerRuleSteps.TargetGroupBaseName(action.TargetGroupArn) == ourTargetGroup));
        foreach (var batch in candidates.Chunk(Aws.Services.ElasticLoadBalancing.ElbLimits.MaxResourcesPerDescribeTags))
        {
            IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> tags;
            try
            {
                tags = await aws.Elb.DescribeTagsAsync([.. batch.Select(rule => rule.RuleArn)], cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error.Is(AwsErrorCodes.ElbRuleNotFound))
            {
                continue; // A rule of the batch was deleted since the listing: none of it is left to hand the priority to.
            }

            var sibling = batch.FirstOrDefault(rule => tags.TryGetValue(rule.RuleArn, out var own)
                && OwnershipCheck.IsOwnedBy(own, owner)
                && OwnershipCheck.GenerationOf(own) != generation);
            if (sibling is not null)
            {
                await AwsErrorMatch.IgnoringAsync(
                    () => aws.Elb.SetRulePrioritiesAsync([new(sibling.RuleArn, declaredPriority)], cancellationToken),
                    AwsErrorCodes.ElbPriorityInUse, AwsErrorCodes.ElbRuleNotFound).ConfigureAwait(false);
                return;
            }
        }
    }

    /// <summary>
    /// ResourceInUse means a rule still forwards to the group: one the rule listing did not show yet (reads lag behind
    /// writes). Look again and retry, a bounded number of times.
    /// </summary>
    private async Task DeleteTargetGroupAsync(string targetGroup, string? listenerArn, ValueMap owner, int declaredPriority, int generation, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await AwsErrorMatch.IgnoringAsync(() => aws.Elb.DeleteTargetGroupAsync(targetGroup, cancellationToken), AwsErrorCodes.ElbTargetGroupNotFound).ConfigureAwait(false);
                return;
            }
            catch (Exception error) when (error.Is(AwsErrorCodes.ElbResourceInUse) && attempt < MaxTargetGroupAttempts && listenerArn is not null)
            {
                await Task.Delay(options.ConsistencyDelay, time, cancellationToken).ConfigureAwait(false);
                await DeleteRuleAsync(listenerArn, targetGroup, owner, declaredPriority, generation, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task DeregisterTaskDefinitionsAsync(string family, ValueMap owner, CancellationToken cancellationToken)
    {
        var revisions = await TaskDefinitionSteps.ActiveRevisionsAsync(aws.Ecs, family, cancellationToken).ConfigureAwait(false);
        Found(revisions.Count > 0);
        foreach (var arn in revisions)
        {
            var described = await aws.Ecs.DescribeTaskDefinitionAsync(arn, cancellationToken).ConfigureAwait(false);
            if (OwnershipCheck.IsOwnedBy(described.Tags.Select(tag => KeyValuePair.Create(tag.Key, tag.Value)), owner))
            {
                await aws.Ecs.DeregisterTaskDefinitionAsync(arn, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The log group is shared by every generation: it goes only with the last one.</summary>
    private async Task<bool> OtherGenerationLivesAsync(string cluster, ServiceProperties properties, int generation, ValueMap owner, CancellationToken cancellationToken)
    {
        if (cluster.Length == 0)
        {
            return false;
        }

        // The nearest generations: a replacement lives beside the one before or after it.
        var others = Enumerable.Range(0, generation + GenerationsChecked)
            .Where(other => other != generation)
            .OrderBy(other => Math.Abs(other - generation))
            .Take(GenerationsChecked)
            .Select(other => ResourceNames.For(properties, other).Service)
            .ToList();
        try
        {
            var response = await aws.Ecs.DescribeServicesAsync(cluster, others, cancellationToken).ConfigureAwait(false);
            return response.Services.Any(service => service.Status != EcsValues.ServiceInactive && IsOwned(service, owner));
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.EcsClusterNotFound))
        {
            return false;
        }
    }

    private async Task DeleteLogGroupAsync(string name, ValueMap owner, CancellationToken cancellationToken)
    {
        var group = await LogGroupSteps.FindAsync(aws.Logs, name, cancellationToken).ConfigureAwait(false);
        if (!Found(group?.Arn is not null) || group?.Arn is null)
        {
            return;
        }

        var tags = await aws.Logs.ListTagsForResourceAsync(Aws.Services.CloudWatchLogs.LogsLimits.TaggableArn(group.Arn), cancellationToken).ConfigureAwait(false);
        if (OwnershipCheck.IsOwnedBy(tags, owner))
        {
            await AwsErrorMatch.IgnoringAsync(() => aws.Logs.DeleteLogGroupAsync(name, cancellationToken), AwsErrorCodes.LogsResourceNotFound).ConfigureAwait(false);
        }
    }

    /// <summary>Notes a look-up that found nothing; returns <paramref name="found"/>.</summary>
    private bool Found(bool found)
    {
        _missed |= !found;
        return found;
    }

    private static bool IsOwned(EcsService service, ValueMap owner) =>
        OwnershipCheck.IsOwnedBy(service.Tags.Select(tag => KeyValuePair.Create(tag.Key, tag.Value)), owner);
}
