namespace FargateApi.Aws.Tests.Conformance;

/// <summary>Decodes an <c>application/x-www-form-urlencoded</c> body into ordered key/value pairs, flagging repeated keys.</summary>
internal static class FormEncoding
{
    public static List<KeyValuePair<string, string>> Parse(string body, string path, List<Violation> violations)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (FirstUnencoded(part, equals) is { } raw)
            {
                violations.Add(new(path, Rule.FormEncoding, $"'{part}' carries '{raw}' unencoded: percent-encode all but A-Z a-z 0-9 - _ . ~"));
            }

            var key = Decode(equals < 0 ? part : part[..equals]);
            var value = equals < 0 ? "" : Decode(part[(equals + 1)..]);
            if (!seen.Add(key))
            {
                violations.Add(new(ShapeChecks.Join(path, key), Rule.Duplicate, $"form key '{key}' appears more than once"));
            }

            pairs.Add(new(key, value));
        }

        return pairs;
    }

    /// <summary>
    /// A character left raw that a form encoder must escape (everything but RFC 3986 unreserved characters, '%' escapes and
    /// '+' for a space, as botocore's urlencode writes), other than the one '=' between key and value.
    /// </summary>
    private static char? FirstUnencoded(string part, int equals)
    {
        for (var i = 0; i < part.Length; i++)
        {
            var c = part[i];
            if (i == equals || char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' or '+')
            {
                continue;
            }

            if (c == '%' && i + 2 < part.Length && char.IsAsciiHexDigit(part[i + 1]) && char.IsAsciiHexDigit(part[i + 2]))
            {
                i += 2;
                continue;
            }

            return c;
        }

        return null;
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
