namespace FargateApi.Cli;

/// <summary>The arguments of one verb: <c>--name value</c> options, <c>--flag</c>s and positional arguments.</summary>
internal sealed record CommandLine(IReadOnlyDictionary<string, string> Values, IReadOnlySet<string> Flags, IReadOnlyList<string> Positional, string? Problem)
{
    public string? Value(string name) => Values.TryGetValue(name, out var value) ? value : null;

    public bool Flag(string name) => Flags.Contains(name);

    /// <summary>Unknown options, an option without its value and a repeated option are problems; the first one is reported.</summary>
    public static CommandLine Parse(IReadOnlyList<string> arguments, IReadOnlyCollection<string> valued, IReadOnlyCollection<string> flags)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var set = new HashSet<string>(StringComparer.Ordinal);
        var positional = new List<string>();
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (valued.Contains(argument))
            {
                if (i + 1 >= arguments.Count || arguments[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return new CommandLine(values, set, positional, $"{argument} needs a value");
                }

                if (!values.TryAdd(argument, arguments[++i]))
                {
                    return new CommandLine(values, set, positional, $"{argument} given twice");
                }
            }
            else if (flags.Contains(argument))
            {
                set.Add(argument);
            }
            else if (argument.StartsWith('-') && argument.Length > 1)
            {
                return new CommandLine(values, set, positional, $"unknown option '{argument}'");
            }
            else
            {
                positional.Add(argument);
            }
        }

        return new CommandLine(values, set, positional, null);
    }
}
