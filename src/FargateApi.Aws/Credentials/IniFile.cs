namespace FargateApi.Aws.Credentials;

/// <summary>
/// The INI dialect of ~/.aws/credentials and ~/.aws/config: <c>[section]</c> headers, <c>key = value</c> lines,
/// full-line comments starting with '#' or ';'. Indented lines (sub-settings such as <c>s3 =</c> blocks) are skipped;
/// keys are case-insensitive. Format: https://docs.aws.amazon.com/sdkref/latest/guide/file-format.html
/// </summary>
internal static class IniFile
{
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Parse(string text)
    {
        var sections = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        foreach (string rawLine in text.Split('\n'))
        {
            string line = rawLine.TrimEnd('\r');
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';')
            {
                continue;
            }

            if (trimmed[0] == '[')
            {
                int close = trimmed.IndexOf(']', StringComparison.Ordinal);
                string name = (close < 0 ? trimmed[1..] : trimmed[1..close]).Trim();
                if (!sections.TryGetValue(name, out var existing))
                {
                    existing = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    sections[name] = existing;
                }

                current = (Dictionary<string, string>)existing;
                continue;
            }

            int equals = trimmed.IndexOf('=', StringComparison.Ordinal);
            if (current is null || equals <= 0 || char.IsWhiteSpace(line[0]))
            {
                continue;
            }

            current[trimmed[..equals].Trim()] = trimmed[(equals + 1)..].Trim();
        }

        return sections;
    }
}
