using FargateApi.Desired;

namespace FargateApi.Provisioning;

/// <summary>
/// Whether a resource found by name is ours: its tags name this stack and logical id. A same-named resource that is not
/// ours is never adopted, changed or deleted; the step fails (or Delete skips it) instead.
/// </summary>
internal static class OwnershipCheck
{
    public static bool IsOwnedBy(IReadOnlyDictionary<string, string> tags, ValueMap ownerTags) =>
        Matches(tags, ownerTags, Ownership.StackIdTag) && Matches(tags, ownerTags, Ownership.LogicalIdTag);

    public static bool IsOwnedBy(IEnumerable<KeyValuePair<string, string>> tags, ValueMap ownerTags) =>
        IsOwnedBy(tags.ToDictionary(tag => tag.Key, tag => tag.Value, StringComparer.Ordinal), ownerTags);

    /// <summary>The generation tag's value, or null when the resource carries none.</summary>
    public static int? GenerationOf(IReadOnlyDictionary<string, string> tags) =>
        tags.TryGetValue(Ownership.GenerationTag, out var text) && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var generation)
            ? generation
            : null;

    /// <summary>The failure for a resource found by name that is not this resource's: it names the resource and its owner.</summary>
    public static ProvisioningException NotOurs(string what, string name, IReadOnlyDictionary<string, string> tags) =>
        new($"The {what} '{name}' already exists and belongs to {OwnerOf(tags)}, not to this resource; nothing of it was changed. " +
            "Rename the service (ServiceName / ProjectPrefix) or remove the other resource.");

    public static ProvisioningException NotOurs(string what, string name, IEnumerable<KeyValuePair<string, string>> tags) =>
        NotOurs(what, name, tags.ToDictionary(tag => tag.Key, tag => tag.Value, StringComparer.Ordinal));

    /// <summary>Who a resource's tags say owns it: another stack's resource, or nobody this provider knows.</summary>
    public static string OwnerOf(IReadOnlyDictionary<string, string> tags) =>
        tags.TryGetValue(Ownership.StackIdTag, out var stack)
            ? $"resource {(tags.TryGetValue(Ownership.LogicalIdTag, out var logical) ? logical : "(unknown)")} of stack {stack}"
            : $"an owner outside this provider (no {Ownership.StackIdTag} tag)";

    private static bool Matches(IReadOnlyDictionary<string, string> tags, ValueMap ownerTags, string key) =>
        tags.TryGetValue(key, out var value) && ownerTags.TryGetValue(key, out var expected) && value == expected;
}
