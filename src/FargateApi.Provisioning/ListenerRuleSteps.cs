using System.Globalization;
using FargateApi.Aws.Services;
using FargateApi.Aws.Services.ElasticLoadBalancing;
using FargateApi.Desired;
using FargateApi.Planning;

namespace FargateApi.Provisioning;

/// <summary>
/// The rule on the shared listener. Each generation's rule is the one forwarding to that generation's target group, so a
/// retry finds the rule it made. A replacement's rule starts at the highest free priority (lowest precedence: the old rule
/// keeps the traffic) and swaps with the old rule in one SetRulePriorities call once the new stack serves.
/// </summary>
internal static class ListenerRuleSteps
{
    public static async Task EnsureAsync(StackRun run, CancellationToken cancellationToken)
    {
        var desired = run.Stack.ListenerRule;
        var elb = run.Aws.Elb;
        var targetGroup = await run.TargetGroupArnAsync(cancellationToken).ConfigureAwait(false);
        var existing = await StackRun.FindRuleForwardingToAsync(elb, desired.ListenerArn, targetGroup, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            // Found rather than made: conditions and priority as declared (a replacement's rule keeps its temporary priority).
            run.Outputs.Set(StackOutputs.ListenerRuleArn, existing.RuleArn);
            if (!SameConditions(existing, desired))
            {
                await ModifyAsync(run, cancellationToken).ConfigureAwait(false);
            }

            if (run.Plan.Kind != PlanKind.Replace && PriorityOf(existing) != desired.Priority)
            {
                await SetPriorityAsync(run, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var temporary = run.Plan.Kind == PlanKind.Replace;
        var priority = temporary
            ? await HighestFreePriorityAsync(elb, desired.ListenerArn, cancellationToken).ConfigureAwait(false)
            : desired.Priority;
        try
        {
            var rule = await elb.CreateRuleAsync(new CreateRuleRequest(desired.ListenerArn, priority, Conditions(desired), targetGroup, desired.Tags), cancellationToken).ConfigureAwait(false);
            run.Outputs.Set(StackOutputs.ListenerRuleArn, rule.RuleArn);
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.ElbPriorityInUse))
        {
            // Our own rule from an earlier attempt that the first listing did not show yet (reads lag behind writes)?
            await Task.Delay(run.Options.ConsistencyDelay, run.Time, cancellationToken).ConfigureAwait(false);
            var ours = await StackRun.FindRuleForwardingToAsync(elb, desired.ListenerArn, targetGroup, cancellationToken).ConfigureAwait(false);
            if (ours is not null)
            {
                run.Outputs.Set(StackOutputs.ListenerRuleArn, ours.RuleArn);
                return;
            }

            throw new ProvisioningException(
                $"Listener rule priority {priority} is already used by another rule on {desired.ListenerArn}. " +
                "Each service on the listener needs its own Priority (1–50000).", error);
        }
    }

    public static async Task ModifyAsync(StackRun run, CancellationToken cancellationToken)
    {
        var rule = await run.ListenerRuleArnAsync(cancellationToken).ConfigureAwait(false);
        var targetGroup = await run.TargetGroupArnAsync(cancellationToken).ConfigureAwait(false);
        await run.Aws.Elb.ModifyRuleAsync(new ModifyRuleRequest(rule, Conditions(run.Stack.ListenerRule), targetGroup), cancellationToken).ConfigureAwait(false);
    }

    public static async Task SetPriorityAsync(StackRun run, CancellationToken cancellationToken)
    {
        var rule = await run.ListenerRuleArnAsync(cancellationToken).ConfigureAwait(false);
        var priority = run.Stack.ListenerRule.Priority;
        try
        {
            await run.Aws.Elb.SetRulePrioritiesAsync([new RulePriorityPair(rule, priority)], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.ElbPriorityInUse))
        {
            throw new ProvisioningException($"Listener rule priority {priority} is already used by another rule on {run.Stack.ListenerRule.ListenerArn}.", error);
        }
    }

    /// <summary>The new rule takes the declared priority, the old rule the new one's temporary priority, in one call.</summary>
    public static async Task SwapAsync(StackRun run, CancellationToken cancellationToken)
    {
        var elb = run.Aws.Elb;
        var listener = run.Stack.ListenerRule.ListenerArn;
        var declared = run.Stack.ListenerRule.Priority;
        var newRuleArn = await run.ListenerRuleArnAsync(cancellationToken).ConfigureAwait(false);
        var rules = await RulesAsync(elb, listener, cancellationToken).ConfigureAwait(false);
        var newRule = rules.First(rule => rule.RuleArn == newRuleArn);
        if (PriorityOf(newRule) == declared)
        {
            return;
        }

        var holder = rules.FirstOrDefault(rule => PriorityOf(rule) == declared);
        List<RulePriorityPair> pairs = [new(newRuleArn, declared)];
        if (holder is not null)
        {
            // Only a rule of an older generation of this resource steps aside; anyone else's rule is a real conflict.
            if (!await IsOursAsync(run, elb, holder.RuleArn, cancellationToken).ConfigureAwait(false))
            {
                throw new ProvisioningException($"Listener rule priority {declared} is held by a rule this resource did not make ({holder.RuleArn}).");
            }

            pairs.Add(new(holder.RuleArn, PriorityOf(newRule)!.Value));
        }

        await elb.SetRulePrioritiesAsync(pairs, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The highest priority no rule uses on the listener, scanning down from 50000: deterministic for a listener, and the
    /// lowest precedence there is, so an older rule with the same conditions keeps the traffic meanwhile.
    /// </summary>
    public static async Task<int> HighestFreePriorityAsync(IElasticLoadBalancingClient elb, string listenerArn, CancellationToken cancellationToken)
    {
        var used = (await RulesAsync(elb, listenerArn, cancellationToken).ConfigureAwait(false)).Select(PriorityOf).OfType<int>().ToHashSet();
        for (var priority = DesiredListenerRule.MaxPriority; priority >= DesiredListenerRule.MinPriority; priority--)
        {
            if (!used.Contains(priority))
            {
                return priority;
            }
        }

        throw new ProvisioningException($"Listener {listenerArn} has no free rule priority left.");
    }

    public static async Task<IReadOnlyList<Rule>> RulesAsync(IElasticLoadBalancingClient elb, string listenerArn, CancellationToken cancellationToken)
    {
        var rules = new List<Rule>();
        await foreach (var rule in elb.DescribeAllRulesAsync(new DescribeRulesRequest { ListenerArn = listenerArn }, cancellationToken).ConfigureAwait(false))
        {
            if (!rule.IsDefault)
            {
                rules.Add(rule);
            }
        }

        return rules;
    }

    public static int? PriorityOf(Rule rule) =>
        int.TryParse(rule.Priority, NumberStyles.Integer, CultureInfo.InvariantCulture, out var priority) ? priority : null;

    public static IReadOnlyList<RuleCondition> Conditions(DesiredListenerRule rule)
    {
        List<RuleCondition> conditions = [RuleCondition.PathPattern([.. rule.PathPatterns])];
        if (rule.HostHeaders.Count > 0)
        {
            conditions.Add(RuleCondition.HostHeader([.. rule.HostHeaders]));
        }

        return conditions;
    }

    private static bool SameConditions(Rule rule, DesiredListenerRule desired)
    {
        var expected = Conditions(desired);
        return rule.Conditions.Count == expected.Count
            && expected.All(condition => rule.Conditions.Any(actual => actual.Field == condition.Field && actual.Values.SequenceEqual(condition.Values)));
    }

    private static async Task<bool> IsOursAsync(StackRun run, IElasticLoadBalancingClient elb, string ruleArn, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> tags;
        try
        {
            tags = await elb.DescribeTagsAsync([ruleArn], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.ElbRuleNotFound))
        {
            return false; // Deleted since it was listed (another stack on the shared listener): not ours to adopt.
        }

        return tags.TryGetValue(ruleArn, out var own) && OwnershipCheck.IsOwnedBy(own, run.Stack.ListenerRule.Tags);
    }

    /// <summary>
    /// The name of a target group ARN (<c>…:targetgroup/NAME/ID</c>) without its replacement suffix (<c>-gN</c>): the same
    /// for every generation of one resource (ResourceNames).
    /// </summary>
    public static string TargetGroupBaseName(string? targetGroupArn)
    {
        if (targetGroupArn is null)
        {
            return string.Empty;
        }

        const string Marker = ":targetgroup/";
        var at = targetGroupArn.IndexOf(Marker, StringComparison.Ordinal);
        var name = at < 0 ? targetGroupArn : targetGroupArn[(at + Marker.Length)..].Split('/')[0];
        var suffix = name.LastIndexOf("-g", StringComparison.Ordinal);
        return suffix > 0 && name[(suffix + 2)..] is { Length: > 0 } digits && digits.All(char.IsAsciiDigit) ? name[..suffix] : name;
    }
}
