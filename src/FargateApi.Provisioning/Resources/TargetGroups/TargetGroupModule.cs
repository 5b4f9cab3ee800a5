using FargateApi.Aws.Services;
using FargateApi.Aws.Services.ElasticLoadBalancing;
using FargateApi.Desired;
using FargateApi.Planning;
using FargateApi.Provisioning.Execution;
using FargateApi.Provisioning.Resources.ListenerRules;
using FargateApi.Provisioning.Waiting;

namespace FargateApi.Provisioning.Resources.TargetGroups;

/// <summary>The target group: found by name (unique per account and region), owned by tags; health check and attributes in place.</summary>
internal sealed class TargetGroupModule : ResourceModule
{
    /// <summary>DeleteTargetGroup attempts while a rule not yet visible to DescribeRules still forwards to the group.</summary>
    public const int MaxDeleteAttempts = 4;

    public override ResourceKind Kind => ResourceKind.TargetGroup;

    /// <summary>
    /// CreateTargetGroup with this generation's tags. ELBv2 answers a create with the same name and settings with the
    /// existing group ("If you attempt to create multiple target groups with the same settings, each call succeeds",
    /// CreateTargetGroup), whoever made it: <see cref="StepAction.CheckTargetGroupOwner"/> reads whose it is before anything
    /// uses it. A group of that name with other settings is this resource's (a health check that moved while the old
    /// properties could not be read) only if its tags say so and its fixed settings match.
    /// </summary>
    protected override async Task<StepOutcome> CreateAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredTargetGroup>(step);
        var elb = run.Aws.Elb;
        try
        {
            var created = await elb.CreateTargetGroupAsync(
                new CreateTargetGroupRequest(desired.Name, desired.Port, desired.VpcId, HealthCheck(desired.HealthCheck), desired.Tags)
                {
                    Protocol = desired.Protocol,
                    TargetType = desired.TargetType,
                },
                cancellationToken).ConfigureAwait(false);
            run.Outputs.Set(Outputs.TargetGroupArn, created.TargetGroupArn);
            return StepOutcome.Done;
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.ElbDuplicateTargetGroupName))
        {
            var existing = (await elb.DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest { Names = [desired.Name] }, cancellationToken).ConfigureAwait(false)).TargetGroups.FirstOrDefault();
            var tags = existing is null ? null : (await elb.DescribeTagsAsync([existing.TargetGroupArn], cancellationToken).ConfigureAwait(false)).GetValueOrDefault(existing.TargetGroupArn);
            if (existing is null || tags is null || !OwnershipCheck.IsOwnedBy(tags, desired.Tags))
            {
                throw OwnershipCheck.NotOurs("target group", desired.Name, tags ?? new Dictionary<string, string>());
            }

            // Its port may differ: it is fixed at creation but ECS registers each task on the container port (ContainerPort
            // changes in place), so only the protocol and the VPC must match.
            if (existing.VpcId != desired.VpcId || existing.Protocol != desired.Protocol)
            {
                throw new ProvisioningException(
                    $"Target group '{desired.Name}' exists with another protocol or VPC ({existing.Protocol} in {existing.VpcId}); " +
                    "these cannot change in place. Delete it or change ServiceName.", error);
            }

            await elb.ModifyTargetGroupAsync(existing.TargetGroupArn, HealthCheck(desired.HealthCheck), cancellationToken).ConfigureAwait(false);
            run.Outputs.Set(Outputs.TargetGroupArn, existing.TargetGroupArn);
            return StepOutcome.Done;
        }
    }

    /// <summary>The group the create step answered with carries this resource's tags, or nothing goes on.</summary>
    protected override async Task<StepOutcome> ReadAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredTargetGroup>(step);
        var arn = await ArnAsync(run, desired, cancellationToken).ConfigureAwait(false);
        var tags = await ReadAfterWrite.ReadAsync(
            run,
            $"target group {desired.Name}",
            async token =>
            {
                try
                {
                    return (await run.Aws.Elb.DescribeTagsAsync([arn], token).ConfigureAwait(false)).GetValueOrDefault(arn);
                }
                catch (Exception error) when (error.Is(AwsErrorCodes.ElbTargetGroupNotFound))
                {
                    return null;
                }
            },
            cancellationToken).ConfigureAwait(false);
        return OwnershipCheck.IsOwnedBy(tags, desired.Tags) ? StepOutcome.Done : throw OwnershipCheck.NotOurs("target group", desired.Name, tags);
    }

    /// <summary>ModifyTargetGroup for the health check, ModifyTargetGroupAttributes for the attributes: whichever moved.</summary>
    protected override async Task<StepOutcome> UpdateAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredTargetGroup>(step);
        var arn = await ArnAsync(run, desired, cancellationToken).ConfigureAwait(false);
        if (ChangesUnder(step, "HealthCheck."))
        {
            await run.Aws.Elb.ModifyTargetGroupAsync(arn, HealthCheck(desired.HealthCheck), cancellationToken).ConfigureAwait(false);
        }

        if (ChangesUnder(step, "Attributes."))
        {
            await run.Aws.Elb.ModifyTargetGroupAttributesAsync(arn, desired.Attributes, cancellationToken).ConfigureAwait(false);
        }

        return StepOutcome.Done;
    }

    /// <summary>
    /// ResourceInUse means a rule still forwards to the group: one the rule listing did not show yet (reads lag behind
    /// writes). The rules forwarding to it are deleted again and the delete retried, a bounded number of times.
    /// </summary>
    protected override async Task<StepOutcome> DeleteAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredTargetGroup>(step);
        var arn = await OwnedArnAsync(run, desired, cancellationToken).ConfigureAwait(false);
        if (arn is null)
        {
            return StepOutcome.FoundNothing;
        }

        var listener = run.Stack.ListenerRule.ListenerArn;
        var waiter = new Waiter<DeleteAttempt>(
            $"target group {desired.Name} to be deleted",
            async cancellationToken =>
            {
                try
                {
                    await AwsErrorMatch.IgnoringAsync(() => run.Aws.Elb.DeleteTargetGroupAsync(arn, cancellationToken), AwsErrorCodes.ElbTargetGroupNotFound).ConfigureAwait(false);
                    return DeleteAttempt.Deleted;
                }
                catch (Exception error) when (error.Is(AwsErrorCodes.ElbResourceInUse))
                {
                    await run.SettleAsync(cancellationToken).ConfigureAwait(false);
                    await ListenerRuleModule.DeleteRulesOfAsync(run, listener, arn, cancellationToken).ConfigureAwait(false);
                    return DeleteAttempt.InUse;
                }
            },
            [Acceptor<DeleteAttempt>.Success(attempt => attempt == DeleteAttempt.Deleted)],
            TimeSpan.Zero,
            TimeSpan.Zero,
            (_, _) => Task.FromResult<Exception?>(new ProvisioningException(
                $"Target group {desired.Name} could not be deleted after {MaxDeleteAttempts} attempts: a listener rule still forwards to it.")))
        {
            MaxAttempts = MaxDeleteAttempts,
        };
        await Poller.RunAsync(waiter, run.PollBudget, run.Time, cancellationToken).ConfigureAwait(false);
        return StepOutcome.Done;
    }

    /// <summary>
    /// DescribeTargetHealth until at least as many targets are healthy as the service wants tasks: ELB marks a new target
    /// healthy only after HealthyThresholdCount checks in a row, every HealthCheckIntervalSeconds (ELBv2 "Health checks for
    /// your target groups"); until then it is <c>initial</c> and takes no traffic. Polled every
    /// <see cref="ProvisionerOptions.PollDelay"/>, bounded by the operation's deadline.
    /// </summary>
    protected override async Task<StepOutcome> WaitAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredTargetGroup>(step);
        var arn = await ArnAsync(run, desired, cancellationToken).ConfigureAwait(false);
        var wanted = Math.Max(1, run.Stack.Service.DesiredCount);
        static int Healthy(IReadOnlyList<TargetHealthDescription> targets) => targets.Count(target => target.TargetHealth.State == ElbValues.TargetHealthHealthy);
        var waiter = new Waiter<IReadOnlyList<TargetHealthDescription>>(
            $"{wanted} healthy targets in {desired.Name}",
            token => run.Aws.Elb.DescribeTargetHealthAsync(arn, token),
            [Acceptor<IReadOnlyList<TargetHealthDescription>>.Success(targets => Healthy(targets) >= wanted)],
            run.Options.PollDelay,
            run.Options.PollDelay,
            (targets, _) => Task.FromResult<Exception?>(new ProvisioningException(
                $"Target group {desired.Name} has {Healthy(targets)} healthy targets of the {wanted} needed before traffic can move to it; " +
                $"its targets: {(targets.Count == 0 ? "none registered" : string.Join(", ", targets.Select(target => $"{target.Target.Id} {target.TargetHealth.State}{(target.TargetHealth.Reason is { } reason ? $" ({reason})" : string.Empty)}")))}. " +
                "The old generation keeps serving.")));
        var result = await Poller.RunAsync(waiter, run.PollBudget, run.Time, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? StepOutcome.Done : StepOutcome.ContinueLater;
    }

    protected override async Task<StepOutcome> TagAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredTargetGroup>(step);
        var arn = await ArnAsync(run, desired, cancellationToken).ConfigureAwait(false);
        await ElbTagging.ApplyAsync(run.Aws.Elb, arn, desired.Tags, PreviousOf<DesiredTargetGroup>(step)?.Tags, cancellationToken).ConfigureAwait(false);
        return StepOutcome.Done;
    }

    /// <summary>The group's ARN: made by this run, or found by name.</summary>
    public static Task<string> ArnAsync(StackRun run, DesiredTargetGroup desired, CancellationToken cancellationToken) =>
        run.Outputs.RequireAsync(Outputs.TargetGroupArn, () => FindArnAsync(run.Aws.Elb, desired.Name, cancellationToken));

    /// <summary>
    /// The group's ARN if it exists and carries this resource's tags. An owned one is remembered for the run, so the Delete's
    /// target group step reuses what its listener rule step read (two calls off the path that waits for the service to
    /// drain); one not found (perhaps not yet visible) or not ours is read again.
    /// </summary>
    public static async Task<string?> OwnedArnAsync(StackRun run, DesiredTargetGroup desired, CancellationToken cancellationToken)
    {
        var key = "OwnedTargetGroup:" + desired.Name;
        if (run.Facts.TryGetValue(key, out var known) && known is string remembered)
        {
            return remembered;
        }

        var arn = await FindArnAsync(run.Aws.Elb, desired.Name, cancellationToken).ConfigureAwait(false);
        if (arn is null)
        {
            return null;
        }

        var tags = await run.Aws.Elb.DescribeTagsAsync([arn], cancellationToken).ConfigureAwait(false);
        if (!tags.TryGetValue(arn, out var own) || !OwnershipCheck.IsOwnedBy(own, desired.Tags))
        {
            return null;
        }

        run.Facts[key] = arn;
        return arn;
    }

    public static async Task<string?> FindArnAsync(IElasticLoadBalancingClient elb, string name, CancellationToken cancellationToken)
    {
        try
        {
            var page = await elb.DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest { Names = [name] }, cancellationToken).ConfigureAwait(false);
            return page.TargetGroups.FirstOrDefault()?.TargetGroupArn;
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.ElbTargetGroupNotFound))
        {
            return null;
        }
    }

    public static TargetGroupHealthCheck HealthCheck(DesiredTargetHealthCheck check) =>
        new(check.Path, check.IntervalSeconds, check.TimeoutSeconds, check.HealthyThresholdCount, check.UnhealthyThresholdCount, check.HttpCodes);

    private enum DeleteAttempt
    {
        Deleted,
        InUse,
    }
}
