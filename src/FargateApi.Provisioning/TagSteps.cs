using FargateApi.Aws.Services.CloudWatchLogs;
using FargateApi.Aws.Services.Ecs;
using FargateApi.Desired;

namespace FargateApi.Provisioning;

/// <summary>
/// The user's tags changed: each service's own tagging calls add the new ones and drop the removed ones. The ownership
/// tags are always among the desired tags, so they are rewritten, never removed. EC2 and Application Auto Scaling offer
/// no removal through our clients: removed user tags stay on the security group and the scalable target.
/// </summary>
internal static class TagSteps
{
    public static async Task ApplyAsync(StackRun run, string stepId, CancellationToken cancellationToken)
    {
        var stack = run.Stack;
        var previous = run.Previous;
        var aws = run.Aws;
        switch (stepId)
        {
            case "tag-log-group":
                var logGroup = LogsLimits.TaggableArn(stack.LogGroup.Arn);
                await aws.Logs.TagResourceAsync(logGroup, stack.LogGroup.Tags, cancellationToken).ConfigureAwait(false);
                if (Removed(previous?.LogGroup.Tags, stack.LogGroup.Tags) is { Count: > 0 } logKeys)
                {
                    await aws.Logs.UntagResourceAsync(logGroup, logKeys, cancellationToken).ConfigureAwait(false);
                }

                break;
            case "tag-execution-role" or "tag-task-role":
                var role = stepId == "tag-execution-role" ? stack.ExecutionRole : stack.TaskRole;
                if (role is not null)
                {
                    await aws.Iam.TagRoleAsync(role.Name, role.Tags, cancellationToken).ConfigureAwait(false);
                }

                break;
            case "tag-task-definition":
                var taskDefinition = await ServiceSteps.TaskDefinitionArnAsync(run, cancellationToken).ConfigureAwait(false);
                await EcsTagsAsync(run, taskDefinition, stack.TaskDefinition.Tags, previous?.TaskDefinition.Tags, cancellationToken).ConfigureAwait(false);
                break;
            case "tag-service":
                await EcsTagsAsync(run, stack.Service.Arn, stack.Service.Tags, previous?.Service.Tags, cancellationToken).ConfigureAwait(false);
                break;
            case "tag-security-group":
                var group = await run.SecurityGroupIdAsync(cancellationToken).ConfigureAwait(false);
                await aws.Ec2.CreateTagsAsync([group], stack.SecurityGroup.Tags, cancellationToken).ConfigureAwait(false);
                break;
            case "tag-target-group":
                var targetGroup = await run.TargetGroupArnAsync(cancellationToken).ConfigureAwait(false);
                await ElbTagsAsync(run, targetGroup, stack.TargetGroup.Tags, previous?.TargetGroup.Tags, cancellationToken).ConfigureAwait(false);
                break;
            case "tag-listener-rule":
                var rule = await run.ListenerRuleArnAsync(cancellationToken).ConfigureAwait(false);
                await ElbTagsAsync(run, rule, stack.ListenerRule.Tags, previous?.ListenerRule.Tags, cancellationToken).ConfigureAwait(false);
                break;
            case "tag-scalable-target":
                // RegisterScalableTarget with Tags on an existing target adds them.
                await ScalingSteps.RegisterAsync(run, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new ProvisioningException($"No tagging call is known for step '{stepId}'.");
        }
    }

    private static async Task EcsTagsAsync(StackRun run, string arn, ValueMap tags, ValueMap? previous, CancellationToken cancellationToken)
    {
        await run.Aws.Ecs.TagResourceAsync(arn, EcsTag.From(tags), cancellationToken).ConfigureAwait(false);
        if (Removed(previous, tags) is { Count: > 0 } keys)
        {
            await run.Aws.Ecs.UntagResourceAsync(arn, keys, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task ElbTagsAsync(StackRun run, string arn, ValueMap tags, ValueMap? previous, CancellationToken cancellationToken)
    {
        await run.Aws.Elb.AddTagsAsync([arn], tags, cancellationToken).ConfigureAwait(false);
        if (Removed(previous, tags) is { Count: > 0 } keys)
        {
            await run.Aws.Elb.RemoveTagsAsync([arn], keys, cancellationToken).ConfigureAwait(false);
        }
    }

    private static List<string> Removed(ValueMap? before, ValueMap after) =>
        before is null ? [] : [.. before.Keys.Where(key => !after.ContainsKey(key))];
}
