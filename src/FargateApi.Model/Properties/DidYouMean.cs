namespace FargateApi.Properties;

/// <summary>Suggests the known name an unknown one was probably meant to be (case-insensitive edit distance).</summary>
internal static class DidYouMean
{
    /// <summary>Longer keys are not typos of our names: skip them so a 1 MB key costs nothing.</summary>
    private const int MaxComparedLength = 64;

    /// <summary>Shorter given names are too ambiguous to complete ("Id" would match half the catalog).</summary>
    private const int MinPrefixLength = 4;

    /// <summary>
    /// The closest candidate within max(1, length / 4) edits (a case-only difference always counts), else the one
    /// candidate the name is a prefix of ("Interval" → "IntervalSeconds"), else null.
    /// </summary>
    public static string? Suggest(string given, IReadOnlyList<string> candidates)
    {
        if (given.Length == 0 || given.Length > MaxComparedLength)
        {
            return null;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(given, candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        var allowed = Math.Max(1, Math.Max(given.Length, best?.Length ?? 0) / 4);
        if (bestDistance <= allowed)
        {
            return best;
        }

        var completions = given.Length < MinPrefixLength
            ? []
            : candidates.Where(c => c.StartsWith(given, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        return completions.Count == 1 ? completions[0] : null;
    }

    /// <summary>
    /// Edit distance ignoring case, where swapping two neighbouring letters is one edit, not two ("Memroy" is one edit
    /// from "Memory"): the optimal string alignment distance (Levenshtein plus adjacent transpositions).
    /// </summary>
    public static int Distance(string a, string b)
    {
        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = Same(a[i - 1], b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && Same(a[i - 1], b[j - 2]) && Same(a[i - 2], b[j - 1]))
                {
                    current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
                }
            }

            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }

        return previous[b.Length];
    }

    private static bool Same(char a, char b) => char.ToUpperInvariant(a) == char.ToUpperInvariant(b);
}
