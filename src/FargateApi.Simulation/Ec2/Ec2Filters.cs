namespace FargateApi.Simulation.Ec2;

/// <summary>EC2's <c>Filter.N.Name/Value.M</c> semantics: names AND together, values of one name OR together.</summary>
internal static class Ec2Filters
{
    public static bool Match(IReadOnlyDictionary<string, IReadOnlyList<string>>? filters, Func<string, IEnumerable<string?>> valuesOf)
    {
        if (filters is null)
        {
            return true;
        }

        foreach (var (name, wanted) in filters)
        {
            var actual = valuesOf(name).Where(v => v is not null).ToList();
            if (!wanted.Any(w => actual.Any(a => Like(a!, w))))
            {
                return false;
            }
        }

        return true;
    }

    public static IEnumerable<string?> Tags(Dictionary<string, string> tags, string filterName) =>
        filterName == "tag-key" ? tags.Keys
        : filterName.StartsWith("tag:", StringComparison.Ordinal) && tags.TryGetValue(filterName[4..], out var v) ? [v]
        : [];

    /// <summary>EC2 filter values allow <c>*</c> wildcards.</summary>
    private static bool Like(string actual, string pattern)
    {
        if (!pattern.Contains('*', StringComparison.Ordinal))
        {
            return string.Equals(actual, pattern, StringComparison.Ordinal);
        }

        var parts = pattern.Split('*');
        var position = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            var index = actual.IndexOf(parts[i], position, StringComparison.Ordinal);
            if (index < 0 || (i == 0 && index != 0))
            {
                return false;
            }

            position = index + parts[i].Length;
        }

        return parts[^1].Length == 0 || actual.EndsWith(parts[^1], StringComparison.Ordinal);
    }
}
