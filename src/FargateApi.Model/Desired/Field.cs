using System.Globalization;

namespace FargateApi.Desired;

/// <summary>
/// One named value of a desired resource, as text. Each resource flattens itself into fields so that the planner can
/// diff any two versions by name and the printer can show <c>Name: old → new</c> without knowing the resource.
/// </summary>
internal readonly record struct Field(string Name, string Value)
{
    /// <summary>Tags are diffed like other fields but applied by the services' tagging calls.</summary>
    public const string TagPrefix = "Tags.";

    public bool IsTag => Name.StartsWith(TagPrefix, StringComparison.Ordinal);

    public static Field Of(string name, int value) => new(name, value.ToString(CultureInfo.InvariantCulture));

    public static Field Of(string name, bool value) => new(name, value ? "true" : "false");

    public static Field Of(string name, object value) => new(name, value.ToString() ?? string.Empty);

    /// <summary>One field per entry, so a changed environment variable or tag shows alone.</summary>
    public static IEnumerable<Field> Each(string prefix, ValueMap map) =>
        map.Select(entry => new Field($"{prefix}{entry.Key}", entry.Value));

    public static IEnumerable<Field> Tags(ValueMap tags) => Each(TagPrefix, tags);
}
