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

    public static ProvisioningException NotOurs(string what, string name) =>
        new($"The {what} '{name}' already exists and is not managed by this resource (its {Ownership.StackIdTag} / {Ownership.LogicalIdTag} tags name another owner). " +
            "Rename the service (ServiceName / ProjectPrefix) or remove the other resource.");

    private static bool Matches(IReadOnlyDictionary<string, string> tags, ValueMap ownerTags, string key) =>
        tags.TryGetValue(key, out var value) && ownerTags.TryGetValue(key, out var expected) && value == expected;
}
