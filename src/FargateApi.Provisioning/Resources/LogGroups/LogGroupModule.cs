using FargateApi.Aws.Services;
using FargateApi.Aws.Services.CloudWatchLogs;
using FargateApi.Desired;
using FargateApi.Planning;
using FargateApi.Provisioning.Execution;

namespace FargateApi.Provisioning.Resources.LogGroups;

/// <summary>The log group: one name for every generation, so ownership (the generation tag) moves to the newest one.</summary>
internal sealed class LogGroupModule : ResourceModule
{
    public override ResourceKind Kind => ResourceKind.LogGroup;

    /// <summary>
    /// CreateLogGroup with this generation's tags. One that exists is this resource's only if its tags say so (a group kept
    /// by LogRemovalPolicy Retain, or made by another generation): its tags then move to this generation. A group without
    /// this resource's tags is someone else's, tagged or not: nothing of it is changed.
    /// </summary>
    protected override async Task<StepOutcome> CreateAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredLogGroup>(step);
        var logs = run.Aws.Logs;
        try
        {
            await logs.CreateLogGroupAsync(desired.Name, desired.Tags, cancellationToken).ConfigureAwait(false);
            return StepOutcome.Done;
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.LogsResourceAlreadyExists))
        {
            // Found rather than made: whose is it?
        }

        var tags = await ReadAfterWrite.ReadAsync(
            run,
            $"log group {desired.Name}",
            async token =>
            {
                try
                {
                    return await logs.ListTagsForResourceAsync(TaggableArn(desired), token).ConfigureAwait(false);
                }
                catch (Exception error) when (error.Is(AwsErrorCodes.LogsResourceNotFound))
                {
                    return null;
                }
            },
            cancellationToken).ConfigureAwait(false);
        if (!OwnershipCheck.IsOwnedBy(tags, desired.Tags))
        {
            throw OwnershipCheck.NotOurs("log group", desired.Name, tags);
        }

        await TagAsync(logs, desired, PreviousOf<DesiredLogGroup>(step), cancellationToken).ConfigureAwait(false);
        return StepOutcome.Done;
    }

    /// <summary>Retention is the one setting that changes in place (PutRetentionPolicy, an upsert).</summary>
    protected override async Task<StepOutcome> UpdateAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredLogGroup>(step);
        await run.Aws.Logs.PutRetentionPolicyAsync(desired.Name, desired.RetentionDays, cancellationToken).ConfigureAwait(false);
        return StepOutcome.Done;
    }

    protected override async Task<StepOutcome> DeleteAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredLogGroup>(step);
        var logs = run.Aws.Logs;

        // The group's ARN follows from its name, account and region, so one ListTagsForResource both finds it (a missing
        // group answers ResourceNotFoundException) and says whose it is.
        IReadOnlyDictionary<string, string> tags;
        try
        {
            tags = await logs.ListTagsForResourceAsync(TaggableArn(desired), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.LogsResourceNotFound))
        {
            return StepOutcome.FoundNothing;
        }

        if (OwnershipCheck.IsOwnedBy(tags, desired.Tags))
        {
            await AwsErrorMatch.IgnoringAsync(() => logs.DeleteLogGroupAsync(desired.Name, cancellationToken), AwsErrorCodes.LogsResourceNotFound).ConfigureAwait(false);
        }

        return StepOutcome.Done;
    }

    protected override async Task<StepOutcome> TagAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        await TagAsync(run.Aws.Logs, SpecOf<DesiredLogGroup>(step), PreviousOf<DesiredLogGroup>(step), cancellationToken).ConfigureAwait(false);
        return StepOutcome.Done;
    }

    /// <summary>TagResource with the declared tags, then UntagResource for the keys the previous declaration had and this one lacks.</summary>
    private static async Task TagAsync(ICloudWatchLogsClient logs, DesiredLogGroup desired, DesiredLogGroup? previous, CancellationToken cancellationToken)
    {
        var arn = TaggableArn(desired);
        await logs.TagResourceAsync(arn, desired.Tags, cancellationToken).ConfigureAwait(false);
        if (Tagging.Removed(previous?.Tags, desired.Tags) is { Count: > 0 } keys)
        {
            await logs.UntagResourceAsync(arn, keys, cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task<LogGroup?> FindAsync(ICloudWatchLogsClient logs, string name, CancellationToken cancellationToken)
    {
        await foreach (var group in logs.DescribeAllLogGroupsAsync(new DescribeLogGroupsRequest { LogGroupNamePrefix = name }, cancellationToken).ConfigureAwait(false))
        {
            if (group.LogGroupName == name)
            {
                return group;
            }
        }

        return null;
    }

    /// <summary>The tagging APIs take the ARN without <c>:*</c> (LogsLimits.TaggableArn).</summary>
    private static string TaggableArn(DesiredLogGroup group) => LogsLimits.TaggableArn(group.Arn);
}
