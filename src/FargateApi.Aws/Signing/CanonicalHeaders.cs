using System.Text;

namespace FargateApi.Aws.Signing;

/// <summary>The canonical headers block and the SignedHeaders list, built from the headers chosen for signing.</summary>
internal static class CanonicalHeaders
{
    /// <summary>
    /// Appends the lines <c>name:value\n</c> and returns the names joined with ';'. Names are lower-cased and sorted;
    /// values are trimmed with inner runs of whitespace folded to one space; repeated names keep their values in request
    /// order joined by ',' (vectors get-header-key-duplicate, get-header-value-order, get-header-value-trim,
    /// get-header-value-multiline).
    /// </summary>
    public static string AppendTo(StringBuilder builder, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        var order = new (string Name, int Index)[headers.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = (Lower(headers[i].Key.Trim()), i);
        }

        // Sorting by (name, index) keeps repeated names in request order.
        Array.Sort(order, static (a, b) =>
        {
            int byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : a.Index.CompareTo(b.Index);
        });

        var signed = new StringBuilder(order.Length * 16);
        for (int i = 0; i < order.Length; i++)
        {
            bool sameAsPrevious = i > 0 && order[i].Name == order[i - 1].Name;
            if (sameAsPrevious)
            {
                builder.Append(',');
            }
            else
            {
                if (i > 0)
                {
                    builder.Append('\n');
                    signed.Append(';');
                }

                builder.Append(order[i].Name).Append(':');
                signed.Append(order[i].Name);
            }

            AppendFolded(builder, headers[order[i].Index].Value);
        }

        if (order.Length > 0)
        {
            builder.Append('\n');
        }

        return signed.ToString();
    }

    private static string Lower(string name)
    {
        foreach (char c in name)
        {
            if (char.IsUpper(c))
            {
                return name.ToLowerInvariant();
            }
        }

        return name;
    }

    private static void AppendFolded(StringBuilder builder, string value)
    {
        ReadOnlySpan<char> trimmed = value.AsSpan().Trim();
        bool inWhitespace = false;
        int runStart = 0;
        for (int i = 0; i < trimmed.Length; i++)
        {
            if (char.IsWhiteSpace(trimmed[i]))
            {
                if (!inWhitespace)
                {
                    builder.Append(trimmed[runStart..i]);
                    inWhitespace = true;
                }

                continue;
            }

            if (inWhitespace)
            {
                builder.Append(' ');
                runStart = i;
                inWhitespace = false;
            }
        }

        builder.Append(trimmed[runStart..]);
    }
}
