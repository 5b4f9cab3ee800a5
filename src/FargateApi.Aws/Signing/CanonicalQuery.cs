using System.Text;

namespace FargateApi.Aws.Signing;

/// <summary>
/// The canonical query string: every <c>name=value</c> pair decoded, re-encoded with <see cref="SigV4Encoding"/>,
/// sorted by name then value (ordinal), joined with '&amp;'. A name without '=' gets an empty value.
/// '+' is taken literally (not as a space): our serializers encode spaces as %20, as SigV4 requires.
/// </summary>
internal static class CanonicalQuery
{
    public static string Build(string query)
    {
        if (query.Length > 0 && query[0] == '?')
        {
            query = query[1..];
        }

        if (query.Length == 0)
        {
            return string.Empty;
        }

        var pairs = new List<(string Name, string Value)>();
        foreach (string part in query.Split('&'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            int equals = part.IndexOf('=', StringComparison.Ordinal);
            string name = equals < 0 ? part : part[..equals];
            string value = equals < 0 ? string.Empty : part[(equals + 1)..];
            pairs.Add((SigV4Encoding.Encode(Uri.UnescapeDataString(name)), SigV4Encoding.Encode(Uri.UnescapeDataString(value))));
        }

        pairs.Sort(static (a, b) =>
        {
            int byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });

        var builder = new StringBuilder(query.Length + 16);
        for (int i = 0; i < pairs.Count; i++)
        {
            if (i > 0)
            {
                builder.Append('&');
            }

            builder.Append(pairs[i].Name).Append('=').Append(pairs[i].Value);
        }

        return builder.ToString();
    }
}
