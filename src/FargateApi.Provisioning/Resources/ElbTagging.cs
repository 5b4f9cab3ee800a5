using FargateApi.Aws.Services.ElasticLoadBalancing;
using FargateApi.Desired;

namespace FargateApi.Provisioning.Resources;

/// <summary>ELBv2's tagging calls, shared by the target group and the listener rule: AddTags, then RemoveTags for removed keys.</summary>
internal static class ElbTagging
{
    public static async Task ApplyAsync(IElasticLoadBalancingClient elb, string arn, ValueMap tags, ValueMap? previous, CancellationToken cancellationToken)
    {
        await elb.AddTagsAsync([arn], tags, cancellationToken).ConfigureAwait(false);
        if (Tagging.Removed(previous, tags) is { Count: > 0 } keys)
        {
            await elb.RemoveTagsAsync([arn], keys, cancellationToken).ConfigureAwait(false);
        }
    }
}
