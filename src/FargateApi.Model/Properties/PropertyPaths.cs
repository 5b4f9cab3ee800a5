namespace FargateApi.Properties;

/// <summary>Every property path of the catalog (<c>Cpu</c>, <c>AutoScaling.MaxCapacity</c>), to place a member given at the wrong level.</summary>
internal static class PropertyPaths
{
    private static IReadOnlyList<string> All => field ??= [.. Walk(PropertyCatalog.Root, string.Empty).Select(entry => entry.Path)];

    /// <summary>Every property with its path, depth first in the catalog's order.</summary>
    public static IEnumerable<(string Path, PropertyDefinition Definition)> Definitions => Walk(PropertyCatalog.Root, string.Empty);

    /// <summary>The path whose last segment is <paramref name="name"/> or a near miss of it, else null.</summary>
    public static string? Find(string name)
    {
        var byLastSegment = All.ToLookup(path => path[(path.LastIndexOf('.') + 1)..], StringComparer.Ordinal);
        var suggestion = DidYouMean.Suggest(name, [.. byLastSegment.Select(g => g.Key)]);
        return suggestion is null ? null : byLastSegment[suggestion].First();
    }

    private static IEnumerable<(string Path, PropertyDefinition Definition)> Walk(PropertyDefinition definition, string prefix)
    {
        foreach (var member in definition.Members)
        {
            var path = prefix.Length == 0 ? member.Name : prefix + "." + member.Name;
            yield return (path, member);
            foreach (var nested in Walk(member, path))
            {
                yield return nested;
            }
        }
    }
}
