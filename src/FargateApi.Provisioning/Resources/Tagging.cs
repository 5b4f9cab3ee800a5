using FargateApi.Desired;

namespace FargateApi.Provisioning.Resources;

/// <summary>
/// What a tag step removes: the keys the previous declaration had and the new one lacks, as CloudFormation removes a tag
/// dropped from a resource's Tags. Keys the provider never declared (another tool's) are left alone. The ownership tags
/// (<c>fargate-api:*</c>) are always among the desired tags, and are never removed even if a previous version lacked one.
/// </summary>
internal static class Tagging
{
    public const string OwnershipPrefix = "fargate-api:";

    public static List<string> Removed(ValueMap? before, ValueMap after) =>
        before is null
            ? []
            : [.. before.Keys.Where(key => !after.ContainsKey(key) && !key.StartsWith(OwnershipPrefix, StringComparison.Ordinal))];
}
