using System.Globalization;
using FargateApi.Aws.Services;
using FargateApi.Aws.Services.ElasticLoadBalancing;
using FargateApi.Desired;
using FargateApi.Properties;
using FargateApi.Provisioning.Execution;

namespace FargateApi.Provisioning.Resources.ListenerRules;

/// <summary>
/// Priorities on the shared listener: unique per listener (ELBv2 CreateRule: PriorityInUse), so a replacement's rule starts
/// at a temporary one and takes the declared priority over from the old rule in one SetRulePriorities call ("you can
/// reorder the rules as long as there are no priority conflicts in the new order", ELBv2 SetRulePriorities), and a rolled
/// back replacement gives it back.
/// </summary>
internal static class RulePriorities
{
    /// <summary>The output a guard leaves for the step it guards: the other generation's rule that takes the priority back.</summary>
    public const string SiblingRuleArn = "SiblingRuleArn";

    /// <summary>The run's output: the priority the deleted rule of this generation held (the lowest, if it had several).</summary>
    public const string FreedPriority = "FreedPriority";

    public static int? Of(Rule rule) =>
        int.TryParse(rule.Priority, NumberStyles.Integer, CultureInfo.InvariantCulture, out var priority) ? priority : null;

    /// <summary>
    /// The highest priority no rule uses on the listener, scanning down from the maximum: deterministic for a listener, and
    /// the lowest precedence there is, so an older rule with the same conditions keeps the traffic meanwhile.
    /// </summary>
    public static int HighestFree(IReadOnlyList<Rule> rules, string listenerArn)
    {
        var used = rules.Select(Of).OfType<int>().ToHashSet();
        for (var priority = PropertyLimits.MaxPriority; priority >= PropertyLimits.MinPriority; priority--)
        {
            if (!used.Contains(priority))
            {
                return priority;
            }
        }

        throw new ProvisioningException($"Listener {listenerArn} has no free rule priority left.");
    }

    /// <summary>The listener's rules but its default one.</summary>
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

    /// <summary>The new rule takes the declared priority, the old rule the new one's temporary priority, in one call.</summary>
    public static async Task SwapAsync(StackRun run, string newRuleArn, DesiredListenerRule desired, CancellationToken cancellationToken)
    {
        var elb = run.Aws.Elb;
        var declared = desired.Priority;
        var rules = await RulesAsync(elb, desired.ListenerArn, cancellationToken).ConfigureAwait(false);
        var newRule = rules.First(rule => rule.RuleArn == newRuleArn);
        if (Of(newRule) == declared)
        {
            return;
        }

        var holder = rules.FirstOrDefault(rule => Of(rule) == declared);
        List<RulePriorityPair> pairs = [new(newRuleArn, declared)];
        if (holder is not null)
        {
            // Only a rule of another generation of this resource steps aside; anyone else's rule is a real conflict.
            if (!await IsOursAsync(elb, holder.RuleArn, desired.Tags, cancellationToken).ConfigureAwait(false))
            {
                throw new ProvisioningException($"Listener rule priority {declared} is held by a rule this resource did not make ({holder.RuleArn}).");
            }

            pairs.Add(new(holder.RuleArn, Of(newRule)!.Value));
        }
        else if (run.Previous?.ListenerRule.Priority is { } previous && previous != declared
            && rules.FirstOrDefault(rule => rule.RuleArn != newRuleArn && Of(rule) == previous) is { } serving
            && await IsOursAsync(elb, serving.RuleArn, desired.Tags, cancellationToken).ConfigureAwait(false))
        {
            // The same Update changed Priority: the old generation's rule still serves at the old priority, and a lower number
            // wins, so it steps aside to the temporary priority the new rule leaves (its cleanup Delete then frees that one).
            pairs.Add(new(serving.RuleArn, Of(newRule)!.Value));
        }

        await elb.SetRulePrioritiesAsync(pairs, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The priority this run's deleted rule held (<see cref="FreedPriority"/>); null when it deleted none.</summary>
    public static async Task<int?> FreedAsync(StackRun run) =>
        await run.Outputs.GetAsync(FreedPriority, () => Task.FromResult<string?>(null)).ConfigureAwait(false) is { } text
        && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var freed)
            ? freed
            : null;

    /// <summary>
    /// After this generation's rule is gone: the rule of another generation of this resource that should take the priority it
    /// held (a replacement that rolled back left the sibling at a temporary one), or null when none remains or the priority is
    /// taken. Only a sibling at a higher number than the freed one waits for it: the rule being deleted was the one serving.
    /// In the usual sequences the deleted rule is the one at the temporary priority (the cleanup of the old generation after
    /// the swap, the Delete of the new one after its rollback), and the sibling keeps the priority its own properties gave
    /// it, also when the same Update changed Priority. Only rules forwarding to one of this resource's target groups can be a sibling generation's:
    /// other teams' rules on the shared listener are neither read nor touched (and may vanish under us while their
    /// stacks are deleted).
    /// </summary>
    public static async Task<string?> SiblingAwaitingPriorityAsync(StackRun run, DesiredListenerRule desired, string ourTargetGroupArn, CancellationToken cancellationToken)
    {
        var elb = run.Aws.Elb;
        IReadOnlyList<Rule> rules;
        try
        {
            rules = await RulesAsync(elb, desired.ListenerArn, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.ElbListenerNotFound))
        {
            return null;
        }

        if (await FreedAsync(run).ConfigureAwait(false) is not { } freed)
        {
            return null;
        }

        var remaining = rules.Where(rule => rule.Actions.All(action => action.TargetGroupArn != ourTargetGroupArn)).ToList();
        if (remaining.Any(rule => Of(rule) == freed))
        {
            return null;
        }

        var ourTargetGroup = TargetGroupBaseName(ourTargetGroupArn);
        var generation = OwnershipCheck.GenerationOf(desired.Tags);
        var candidates = remaining.Where(rule => Of(rule) > freed && rule.Actions.Any(action => TargetGroupBaseName(action.TargetGroupArn) == ourTargetGroup));
        foreach (var batch in candidates.Chunk(ElbLimits.MaxResourcesPerDescribeTags))
        {
            IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> tags;
            try
            {
                tags = await elb.DescribeTagsAsync([.. batch.Select(rule => rule.RuleArn)], cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error.Is(AwsErrorCodes.ElbRuleNotFound))
            {
                continue; // A rule of the batch was deleted since the listing: none of it is left to hand the priority to.
            }

            var sibling = batch.FirstOrDefault(rule => tags.TryGetValue(rule.RuleArn, out var own)
                && OwnershipCheck.IsOwnedBy(own, desired.Tags)
                && OwnershipCheck.GenerationOf(own) != generation);
            if (sibling is not null)
            {
                return sibling.RuleArn;
            }
        }

        return null;
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

    private static async Task<bool> IsOursAsync(IElasticLoadBalancingClient elb, string ruleArn, ValueMap owner, CancellationToken cancellationToken)
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

        return tags.TryGetValue(ruleArn, out var own) && OwnershipCheck.IsOwnedBy(own, owner);
    }
}
