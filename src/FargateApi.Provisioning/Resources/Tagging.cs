using FargateApi.Desired;

namespace FargateApi.Provisioning.Resources;

/// <summary>
/// What a tag step removes: the keys the previous version had and the new one lacks. The ownership tags are always among
/// the desired tags, so they are rewritten, never removed.
/// </summary>
internal static class Tagging
{
    public static List<string> Removed(ValueMap? before, ValueMap after) =>
        before is null ? [] : [.. before.Keys.Where(key => !after.ContainsKey(key))];
}
