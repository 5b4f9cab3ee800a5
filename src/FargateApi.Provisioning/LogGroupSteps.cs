using FargateApi.Aws.Services;
using FargateApi.Aws.Services.CloudWatchLogs;
using FargateApi.Desired;

namespace FargateApi.Provisioning;

/// <summary>The log group: one name for every generation, so ownership (the generation tag) moves to the newest one.</summary>
internal static class LogGroupSteps
{
    /// <summary>Create (or find) the log group, tag it for this generation, set its retention.</summary>
    public static async Task EnsureAsync(StackRun run, CancellationToken cancellationToken)
    {
        var desired = run.Stack.LogGroup;
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
            var tags = await logs.ListTagsForResourceAsync(TaggableArn(run), cancellationToken).ConfigureAwait(false);
            if (tags.ContainsKey(Ownership.StackIdTag) && !OwnershipCheck.IsOwnedBy(tags, desired.Tags))
            {
                throw OwnershipCheck.NotOurs("log group", desired.Name);
            }

            await logs.TagResourceAsync(TaggableArn(run), desired.Tags, cancellationToken).ConfigureAwait(false);
        }

        if (existing?.RetentionInDays != desired.RetentionDays)
        {
            await logs.PutRetentionPolicyAsync(desired.Name, desired.RetentionDays, cancellationToken).ConfigureAwait(false);
        }
    }

    public static Task PutRetentionAsync(StackRun run, CancellationToken cancellationToken) =>
        run.Aws.Logs.PutRetentionPolicyAsync(run.Stack.LogGroup.Name, run.Stack.LogGroup.RetentionDays, cancellationToken);

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
    public static string TaggableArn(StackRun run) => LogsLimits.TaggableArn(run.Stack.LogGroup.Arn);
}
