using System.Globalization;
using FargateApi.Aws.Services;
using FargateApi.Aws.Services.ElasticLoadBalancing;
using FargateApi.Desired;
using FargateApi.Planning;
using FargateApi.Properties;
using FargateApi.Provisioning.Execution;
using FargateApi.Provisioning.Resources.TargetGroups;

namespace FargateApi.Provisioning.Resources.ListenerRules;

/// <summary>
/// The rule on the shared listener. Each generation's rule is the one forwarding to that generation's target group, so a
/// retry finds the rule it made. A replacement's rule starts at the highest free priority (lowest precedence: the old rule
/// keeps the traffic) and swaps with the old rule in one SetRulePriorities call once the new stack serves.
/// </summary>
internal sealed class ListenerRuleModule : ResourceModule
{
    /// <summary>The key of the listener's rules as the check step read them (<see cref="StackRun.Facts"/>).</summary>
    private const string ListenerRulesFact = "ListenerRules";

    public override ResourceKind Kind => ResourceKind.ListenerRule;

    /// <summary>
    /// Before the rule is made: the listener is one the provider may use, the declared priority is free (or held by this
    /// resource's own rule, made by an earlier attempt), and no rule of another owner matches the same requests, since the
    /// rule with the lower priority number would take them (traffic, cookies, tokens) from the other. The listing is kept
    /// for the create step.
    /// </summary>
    protected override async Task<StepOutcome> ReadAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredListenerRule>(step);
        if (run.Options.AllowedListenerArns is { } allowed && !allowed.Contains(desired.ListenerArn, StringComparer.Ordinal))
        {
            throw new ProvisioningException(
                $"The listener {desired.ListenerArn} is not one this provider may add rules to; the platform team allows: " +
                $"{(allowed.Count == 0 ? "none" : string.Join(", ", allowed))} (template parameter AllowedListenerArns). Set Network.ListenerArn " +
                "(or the SSM parameter it is read from) to one of them.");
        }

        IReadOnlyList<Rule> rules;
        try
        {
            rules = await RulePriorities.RulesAsync(run.Aws.Elb, desired.ListenerArn, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.ElbListenerNotFound))
        {
            throw new ProvisioningException(
                $"The listener {desired.ListenerArn} does not exist. Check Network.ListenerArn, or the SSM parameter alb-listener-arn " +
                "under Network.ParameterPrefix it is read from.", error);
        }

        run.Facts[ListenerRulesFact] = rules;
        var temporary = step.Changes.Any(change => change.Field == RulePriority.Field && change.New == RulePriority.Temporary);
        var suspects = rules
            .Where(rule => (!temporary && RulePriorities.Of(rule) == desired.Priority) || RuleOverlap.Overlaps(rule.Conditions, Conditions(desired)))
            .ToList();
        foreach (var batch in suspects.Chunk(ElbLimits.MaxResourcesPerDescribeTags))
        {
            var tags = await run.Aws.Elb.DescribeTagsAsync([.. batch.Select(rule => rule.RuleArn)], cancellationToken).ConfigureAwait(false);
            foreach (var rule in batch)
            {
                var own = tags.GetValueOrDefault(rule.RuleArn) ?? new Dictionary<string, string>();
                if (OwnershipCheck.IsOwnedBy(own, desired.Tags))
                {
                    continue; // An earlier attempt's rule, or another generation of this resource (a replacement beside it).
                }

                throw RulePriorities.Of(rule) == desired.Priority && !temporary
                    ? new ProvisioningException(
                        $"Listener rule priority {desired.Priority} on {desired.ListenerArn} is used by the rule of {OwnershipCheck.OwnerOf(own)} ({rule.RuleArn}). " +
                        $"Each service on the listener needs its own Priority ({PropertyLimits.MinPriority}–{PropertyLimits.MaxPriority}).")
                    : new ProvisioningException(
                        $"The rule of {OwnershipCheck.OwnerOf(own)} at priority {rule.Priority} on {desired.ListenerArn} matches requests this rule would " +
                        $"match too ({Describe(rule.Conditions)} and {Describe(Conditions(desired))}): whichever has the lower priority number would take the " +
                        "other's traffic. Choose paths or hosts of your own (PathPatterns, HostHeaders), or agree a split with the platform team.");
            }
        }

        return StepOutcome.Done;
    }

    /// <summary>
    /// CreateRule at the declared priority (a replacement's: the highest free one), forwarding to this generation's target
    /// group. A rule that already forwards there is an earlier attempt's: it is brought in line instead.
    /// </summary>
    protected override async Task<StepOutcome> CreateAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredListenerRule>(step);
        var temporary = step.Changes.Any(change => change.Field == RulePriority.Field && change.New == RulePriority.Temporary);
        var elb = run.Aws.Elb;
        var targetGroup = await TargetGroupModule.ArnAsync(run, run.Stack.TargetGroup, cancellationToken).ConfigureAwait(false);
        var rules = run.Facts.TryGetValue(ListenerRulesFact, out var listed)
            ? (IReadOnlyList<Rule>)listed
            : await RulePriorities.RulesAsync(elb, desired.ListenerArn, cancellationToken).ConfigureAwait(false);
        var existing = rules.FirstOrDefault(rule => rule.Actions.Any(action => action.TargetGroupArn == targetGroup));
        if (existing is not null)
        {
            // Found rather than made: conditions and priority as declared (a replacement's rule keeps its temporary priority).
            run.Outputs.Set(Outputs.ListenerRuleArn, existing.RuleArn);
            if (!SameConditions(existing, desired))
            {
                await elb.ModifyRuleAsync(new ModifyRuleRequest(existing.RuleArn, Conditions(desired), targetGroup), cancellationToken).ConfigureAwait(false);
            }

            if (!temporary && RulePriorities.Of(existing) != desired.Priority)
            {
                await SetPriorityAsync(run, existing.RuleArn, desired, cancellationToken).ConfigureAwait(false);
            }

            return StepOutcome.Done;
        }

        var priority = temporary ? RulePriorities.HighestFree(rules, desired.ListenerArn) : desired.Priority;
        try
        {
            var rule = await elb.CreateRuleAsync(new CreateRuleRequest(desired.ListenerArn, priority, Conditions(desired), targetGroup, desired.Tags), cancellationToken).ConfigureAwait(false);
            run.Outputs.Set(Outputs.ListenerRuleArn, rule.RuleArn);
            return StepOutcome.Done;
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.ElbPriorityInUse))
        {
            // Our own rule from an earlier attempt that the listing did not show yet (reads lag behind writes)?
            await run.SettleAsync(cancellationToken).ConfigureAwait(false);
            var ours = await FindForwardingToAsync(elb, desired.ListenerArn, targetGroup, cancellationToken).ConfigureAwait(false);
            if (ours is not null)
            {
                run.Outputs.Set(Outputs.ListenerRuleArn, ours.RuleArn);
                return StepOutcome.Done;
            }

            throw new ProvisioningException(
                $"Listener rule priority {priority} is already used by another rule on {desired.ListenerArn}. " +
                $"Each service on the listener needs its own Priority ({PropertyLimits.MinPriority}–{PropertyLimits.MaxPriority}).", error);
        }
    }

    /// <summary>
    /// ModifyRule for conditions and action; for the priority: a plain SetRulePriorities, the replacement's swap (the new
    /// rule leaves its temporary priority), or, on another generation's rule, the declared priority handed back.
    /// </summary>
    protected override async Task<StepOutcome> UpdateAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredListenerRule>(step);
        if (step.Member == RulePriority.OtherGeneration)
        {
            var sibling = run.Outputs.GetAsync(RulePriorities.SiblingRuleArn, () => Task.FromResult<string?>(null));
            if (await sibling.ConfigureAwait(false) is { } siblingArn)
            {
                var freed = await RulePriorities.FreedAsync(run).ConfigureAwait(false) ?? desired.Priority;
                await AwsErrorMatch.IgnoringAsync(
                    () => run.Aws.Elb.SetRulePrioritiesAsync([new(siblingArn, freed)], cancellationToken),
                    AwsErrorCodes.ElbPriorityInUse, AwsErrorCodes.ElbRuleNotFound).ConfigureAwait(false);
            }

            return StepOutcome.Done;
        }

        var rule = await ArnAsync(run, desired, cancellationToken).ConfigureAwait(false);
        if (ChangesUnder(step, "Conditions.") || ChangesUnder(step, "Actions."))
        {
            var targetGroup = await TargetGroupModule.ArnAsync(run, run.Stack.TargetGroup, cancellationToken).ConfigureAwait(false);
            await run.Aws.Elb.ModifyRuleAsync(new ModifyRuleRequest(rule, Conditions(desired), targetGroup), cancellationToken).ConfigureAwait(false);
        }

        if (step.Changes.FirstOrDefault(change => change.Field == RulePriority.Field) is { } priority)
        {
            if (priority.Old == RulePriority.Temporary)
            {
                await RulePriorities.SwapAsync(run, rule, desired, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await SetPriorityAsync(run, rule, desired, cancellationToken).ConfigureAwait(false);
            }
        }

        return StepOutcome.Done;
    }

    /// <summary>Deletes the rules forwarding to this generation's target group (when that group is ours).</summary>
    /// <summary>
    /// Deletes this generation's rule: the one forwarding to its target group on the declared listener, or, when the
    /// network moved since the generation was made (the platform team changed the listener parameter), on whichever
    /// listener of the load balancers the target group still serves (DescribeTargetGroups lists them).
    /// </summary>
    protected override async Task<StepOutcome> DeleteAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredListenerRule>(step);
        var targetGroup = await TargetGroupModule.OwnedArnAsync(run, run.Stack.TargetGroup, cancellationToken).ConfigureAwait(false);
        if (targetGroup is null)
        {
            return StepOutcome.FoundNothing;
        }

        run.Outputs.Set(Outputs.TargetGroupArn, targetGroup);
        return await DeleteRulesOfAsync(run, desired.ListenerArn, targetGroup, cancellationToken).ConfigureAwait(false) ? StepOutcome.Done : StepOutcome.FoundNothing;
    }

    /// <summary>The rules forwarding to the target group: on the declared listener, else on the listeners it still serves.</summary>
    /// <returns>Whether any rule was found.</returns>
    public static async Task<bool> DeleteRulesOfAsync(StackRun run, string declaredListenerArn, string targetGroupArn, CancellationToken cancellationToken)
    {
        if (declaredListenerArn.Length > 0 && await DeleteForwardingToAsync(run, declaredListenerArn, targetGroupArn, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        var deleted = false;
        foreach (var listener in await ListenersServingAsync(run, targetGroupArn, cancellationToken).ConfigureAwait(false))
        {
            deleted |= await DeleteForwardingToAsync(run, listener, targetGroupArn, cancellationToken).ConfigureAwait(false);
        }

        return deleted;
    }

    /// <summary>The listeners of every load balancer the target group is associated with (none once no rule forwards to it).</summary>
    private static async Task<IReadOnlyList<string>> ListenersServingAsync(StackRun run, string targetGroupArn, CancellationToken cancellationToken)
    {
        var elb = run.Aws.Elb;
        var page = await elb.DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest { TargetGroupArns = [targetGroupArn] }, cancellationToken).ConfigureAwait(false);
        List<string> listeners = [];
        foreach (var loadBalancer in page.TargetGroups.SelectMany(group => group.LoadBalancerArns).Distinct(StringComparer.Ordinal))
        {
            await foreach (var listener in elb.DescribeAllListenersOfLoadBalancerAsync(loadBalancer, cancellationToken).ConfigureAwait(false))
            {
                listeners.Add(listener.ListenerArn);
            }
        }

        return listeners;
    }

    protected override async Task<StepOutcome> TagAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredListenerRule>(step);
        var rule = await ArnAsync(run, desired, cancellationToken).ConfigureAwait(false);
        await ElbTagging.ApplyAsync(run.Aws.Elb, rule, desired.Tags, PreviousOf<DesiredListenerRule>(step)?.Tags, cancellationToken).ConfigureAwait(false);
        return StepOutcome.Done;
    }

    /// <summary>The rule's ARN: made by this run, or the listener's rule forwarding to the target group.</summary>
    public static Task<string> ArnAsync(StackRun run, DesiredListenerRule desired, CancellationToken cancellationToken) =>
        run.Outputs.RequireAsync(Outputs.ListenerRuleArn, async () =>
        {
            var targetGroup = await TargetGroupModule.ArnAsync(run, run.Stack.TargetGroup, cancellationToken).ConfigureAwait(false);
            return (await FindForwardingToAsync(run.Aws.Elb, desired.ListenerArn, targetGroup, cancellationToken).ConfigureAwait(false))?.RuleArn;
        });

    /// <summary>
    /// Deletes every rule of the listener that forwards to the target group; a listener already gone has none. Each must be
    /// this resource's (its tags): a rule someone else pointed at the target group is reported with its owner and left alone.
    /// </summary>
    /// <returns>Whether any rule forwarded to the target group.</returns>
    private static async Task<bool> DeleteForwardingToAsync(StackRun run, string listenerArn, string targetGroupArn, CancellationToken cancellationToken)
    {
        IReadOnlyList<Rule> rules;
        try
        {
            rules = await RulePriorities.RulesAsync(run.Aws.Elb, listenerArn, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.ElbListenerNotFound))
        {
            return false;
        }

        var forwarding = rules.Where(rule => !rule.IsDefault && rule.Actions.Any(action => action.TargetGroupArn == targetGroupArn)).Select(rule => rule.RuleArn).ToList();
        if (forwarding.Count == 0)
        {
            return false;
        }

        var tags = await run.Aws.Elb.DescribeTagsAsync(forwarding, cancellationToken).ConfigureAwait(false);
        var owner = run.Stack.ListenerRule.Tags;
        if (forwarding.FirstOrDefault(rule => !(tags.TryGetValue(rule, out var own) && OwnershipCheck.IsOwnedBy(own, owner))) is { } foreign)
        {
            throw new ProvisioningException(
                $"The listener rule '{foreign}' forwards to this resource's target group but belongs to " +
                $"{OwnershipCheck.OwnerOf(tags.TryGetValue(foreign, out var found) ? found : new Dictionary<string, string>())}; it was not deleted. " +
                "Remove the rule (or point it elsewhere) and retry the delete.");
        }

        if (rules.Where(rule => forwarding.Contains(rule.RuleArn)).Select(RulePriorities.Of).Min() is { } held)
        {
            run.Outputs.Set(RulePriorities.FreedPriority, held.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        foreach (var rule in forwarding)
        {
            await AwsErrorMatch.IgnoringAsync(() => run.Aws.Elb.DeleteRuleAsync(rule, cancellationToken), AwsErrorCodes.ElbRuleNotFound).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>The listener's rule that forwards to the target group: each generation's target group has exactly one.</summary>
    public static async Task<Rule?> FindForwardingToAsync(IElasticLoadBalancingClient elb, string listenerArn, string targetGroupArn, CancellationToken cancellationToken)
    {
        await foreach (var rule in elb.DescribeAllRulesAsync(new DescribeRulesRequest { ListenerArn = listenerArn }, cancellationToken).ConfigureAwait(false))
        {
            if (!rule.IsDefault && rule.Actions.Any(action => action.TargetGroupArn == targetGroupArn))
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>
    /// The conditions that have values: ELB refuses a condition without one ("A condition value must be specified",
    /// hashicorp/terraform-provider-aws#3216), and a rule may route by host alone (<c>PathPatterns: []</c>). Validation
    /// makes sure at least one is left (CrossPropertyRules.ListenerConditions).
    /// </summary>
    public static IReadOnlyList<RuleCondition> Conditions(DesiredListenerRule rule)
    {
        List<RuleCondition> conditions = [];
        if (rule.PathPatterns.Count > 0)
        {
            conditions.Add(RuleCondition.PathPattern([.. rule.PathPatterns]));
        }

        if (rule.HostHeaders.Count > 0)
        {
            conditions.Add(RuleCondition.HostHeader([.. rule.HostHeaders]));
        }

        return conditions;
    }

    private static string Describe(IReadOnlyList<RuleCondition> conditions) =>
        string.Join(" + ", conditions.Select(condition => $"{condition.Field} {string.Join("|", condition.Values)}"));

    private static async Task SetPriorityAsync(StackRun run, string ruleArn, DesiredListenerRule desired, CancellationToken cancellationToken)
    {
        try
        {
            await run.Aws.Elb.SetRulePrioritiesAsync([new RulePriorityPair(ruleArn, desired.Priority)], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.ElbPriorityInUse))
        {
            throw new ProvisioningException(
                $"Listener rule priority {desired.Priority.ToString(CultureInfo.InvariantCulture)} is already used by another rule on {desired.ListenerArn}.", error);
        }
    }

    /// <summary>The rule's conditions with values against the declared ones (<see cref="Conditions"/> sends no other).</summary>
    private static bool SameConditions(Rule rule, DesiredListenerRule desired)
    {
        var expected = Conditions(desired);
        var actual = rule.Conditions.Where(condition => condition.Values.Count > 0).ToList();
        return actual.Count == expected.Count
            && expected.All(condition => actual.Any(existing => existing.Field == condition.Field && existing.Values.SequenceEqual(condition.Values)));
    }
}
