using FargateApi.Aws.Services.Ecs;
using FargateApi.Desired;

namespace FargateApi.Provisioning.Resources;

/// <summary>ECS's tagging calls, shared by the service and the task definition: TagResource, then UntagResource for removed keys.</summary>
internal static class EcsTagging
{
    public static async Task ApplyAsync(IEcsClient ecs, string arn, ValueMap tags, ValueMap? previous, CancellationToken cancellationToken)
    {
        await ecs.TagResourceAsync(arn, EcsTag.From(tags), cancellationToken).ConfigureAwait(false);
        if (Tagging.Removed(previous, tags) is { Count: > 0 } keys)
        {
            await ecs.UntagResourceAsync(arn, keys, cancellationToken).ConfigureAwait(false);
        }
    }
}
