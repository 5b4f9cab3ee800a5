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

    /// <summary>Create (or find) the log group, tag it for this generation, set its retention.</summary>
    protected override async Task<StepOutcome> CreateAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredLogGroup>(step);
        var logs = run.Aws.Logs;
        var existing = await FindAsync(logs, desired.Name, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            try
            {
                await logs.CreateLogGroupAsync(desired.Name, desired.Tags, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error.Is(AwsErrorCodes.LogsResourceAlreadyExists))
            {
                // A retry racing an earlier attempt: the group is there, the tags below make it ours.
            }
        }
        else
        {
            // A group kept by LogRemovalPolicy Retain, or made by an earlier generation: the tags hand it to this one.
            // One that carries another owner's tags is someone else's.
            var tags = await logs.ListTagsForResourceAsync(TaggableArn(desired), cancellationToken).ConfigureAwait(false);
            if (tags.ContainsKey(Ownership.StackIdTag) && !OwnershipCheck.IsOwnedBy(tags, desired.Tags))
            {
                throw OwnershipCheck.NotOurs("log group", desired.Name);
            }

            await logs.TagResourceAsync(TaggableArn(desired), desired.Tags, cancellationToken).ConfigureAwait(false);
        }

        if (existing?.RetentionInDays != desired.RetentionDays)
        {
            await logs.PutRetentionPolicyAsync(desired.Name, desired.RetentionDays, cancellationToken).ConfigureAwait(false);
        }

        return StepOutcome.Done;
    }

    /// <summary>Retention is the one setting that changes in place (PutRetentionPolicy).</summary>
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
        var group = await FindAsync(logs, desired.Name, cancellationToken).ConfigureAwait(false);
        if (group?.Arn is null)
        {
            return StepOutcome.FoundNothing;
        }

        var tags = await logs.ListTagsForResourceAsync(LogsLimits.TaggableArn(group.Arn), cancellationToken).ConfigureAwait(false);
        if (OwnershipCheck.IsOwnedBy(tags, desired.Tags))
        {
            await AwsErrorMatch.IgnoringAsync(() => logs.DeleteLogGroupAsync(desired.Name, cancellationToken), AwsErrorCodes.LogsResourceNotFound).ConfigureAwait(false);
        }

        return StepOutcome.Done;
    }

    protected override async Task<StepOutcome> TagAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredLogGroup>(step);
        var arn = TaggableArn(desired);
        await run.Aws.Logs.TagResourceAsync(arn, desired.Tags, cancellationToken).ConfigureAwait(false);
        if (Tagging.Removed(PreviousOf<DesiredLogGroup>(step)?.Tags, desired.Tags) is { Count: > 0 } keys)
        {
            await run.Aws.Logs.UntagResourceAsync(arn, keys, cancellationToken).ConfigureAwait(false);
        }

        return StepOutcome.Done;
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
