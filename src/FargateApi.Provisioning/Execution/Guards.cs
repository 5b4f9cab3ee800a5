using FargateApi.Aws.Services;
using FargateApi.Aws.Services.Ecs;
using FargateApi.Naming;
using FargateApi.Planning;
using FargateApi.Provisioning.Resources.ListenerRules;
using FargateApi.Provisioning.Resources.Services;

namespace FargateApi.Provisioning.Execution;

/// <summary>
/// The conditions a plan cannot know without reading AWS (<see cref="StepGuard"/>), evaluated by the executor right before
/// the step would run. A guard may leave what it found for the step (<see cref="RulePriorities.SiblingRuleArn"/>).
/// </summary>
internal static class Guards
{
    /// <summary>How many other generations are checked for life before the shared log group goes (one DescribeServices call).</summary>
    private const int GenerationsChecked = EcsLimits.MaxServicesPerDescribe;

    public static async Task<bool> HoldsAsync(Step step, StackRun run, CancellationToken cancellationToken) => step.Guard switch
    {
        StepGuard.Always => true,
        StepGuard.NoOtherGenerationRemains => !await OtherGenerationLivesAsync(run, cancellationToken).ConfigureAwait(false),
        StepGuard.OtherGenerationRuleRemains => await SiblingRuleAwaitsPriorityAsync(run, cancellationToken).ConfigureAwait(false),
        _ => throw new ProvisioningException($"Internal error: step '{step.Id}' has the unknown guard {step.Guard}."),
    };

    /// <summary>
    /// The log group is shared by every generation (its name has no generation suffix): it goes only with the last one, in
    /// either direction (the cleanup Delete of the old id after a replacement, the Delete of the new id after its rollback).
    /// A generation lives while its service is not INACTIVE or its task family still has an ACTIVE revision of this
    /// resource's (a Delete deregisters them; a generation that never got a service has one from its first wave). The
    /// family answers wherever the generation runs: a ClusterName replacement puts the two generations in two clusters.
    /// </summary>
    private static async Task<bool> OtherGenerationLivesAsync(StackRun run, CancellationToken cancellationToken)
    {
        var stack = run.Stack;
        var properties = stack.Inputs.Value.Properties;
        var generation = stack.Generation;

        // A replacement lives in the other slot (Generations), or beside a generation numbered before the slots alternated.
        var neighbours = new[] { Generations.Seed, Generations.Alternate, generation - 1, generation + 1 }
            .Where(other => other >= 0 && other != generation)
            .Distinct()
            .Select(other => ResourceNames.For(properties, other).TaskFamily);
        var families = neighbours.Select(family => FamilyIsLiveAsync(run, family, cancellationToken)).ToList();
        var services = ServiceOfAnotherGenerationLivesAsync(run, cancellationToken);
        return (await Task.WhenAll(families).ConfigureAwait(false)).Any(live => live) || await services.ConfigureAwait(false);
    }

    private static async Task<bool> FamilyIsLiveAsync(StackRun run, string family, CancellationToken cancellationToken)
    {
        try
        {
            // A family alone names its latest ACTIVE revision; a family without one is a ClientException.
            var latest = await run.Aws.Ecs.DescribeTaskDefinitionAsync(family, cancellationToken).ConfigureAwait(false);
            return latest.TaskDefinition is { Status: not EcsValues.TaskDefinitionInactive }
                && OwnershipCheck.IsOwnedBy(latest.Tags.Select(tag => KeyValuePair.Create(tag.Key, tag.Value)).ToList(), run.Stack.TaskDefinition.Tags);
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.EcsClientError))
        {
            return false;
        }
    }

    /// <summary>The services of the nearest generations in this stack's cluster (one DescribeServices call).</summary>
    private static async Task<bool> ServiceOfAnotherGenerationLivesAsync(StackRun run, CancellationToken cancellationToken)
    {
        var stack = run.Stack;
        var cluster = stack.Service.Cluster;
        if (cluster.Length == 0)
        {
            return false;
        }

        var properties = stack.Inputs.Value.Properties;
        var generation = stack.Generation;
        var others = Enumerable.Range(0, generation + GenerationsChecked)
            .Where(other => other != generation)
            .OrderBy(other => Math.Abs(other - generation))
            .Take(GenerationsChecked)
            .Select(other => ResourceNames.For(properties, other).Service)
            .ToList();
        try
        {
            var response = await run.Aws.Ecs.DescribeServicesAsync(cluster, others, cancellationToken).ConfigureAwait(false);
            return response.Services.Any(service => service.Status != EcsValues.ServiceInactive && ServiceModule.IsOwned(service, stack.Service.Tags));
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.EcsClusterNotFound))
        {
            return false;
        }
    }

    private static async Task<bool> SiblingRuleAwaitsPriorityAsync(StackRun run, CancellationToken cancellationToken)
    {
        var ourTargetGroup = await run.Outputs.GetAsync(Outputs.TargetGroupArn, () => Task.FromResult<string?>(null)).ConfigureAwait(false);
        if (ourTargetGroup is null || run.Stack.ListenerRule.ListenerArn.Length == 0)
        {
            return false;
        }

        var sibling = await RulePriorities.SiblingAwaitingPriorityAsync(run, run.Stack.ListenerRule, ourTargetGroup, cancellationToken).ConfigureAwait(false);
        if (sibling is null)
        {
            return false;
        }

        run.Outputs.Set(RulePriorities.SiblingRuleArn, sibling);
        return true;
    }
}
