using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace FargateApi.Properties;

/// <summary>Length, enumeration and pattern checks of one string (a value, a list item or a map value or key).</summary>
internal static class StringRules
{
    private static readonly ConcurrentDictionary<string, Regex> Compiled = new(StringComparer.Ordinal);

    /// <summary>Length first, so a huge value is rejected before any pattern runs on it. A <see cref="PropertyDefinition.Sensitive"/> value is never quoted.</summary>
    public static bool Check(ProblemCollector problems, string path, string text, PropertyDefinition definition)
    {
        // "'value' is …", or "is … (value not shown: it may be a secret)": the message reads the same either way.
        var shown = definition.Sensitive ? string.Empty : ValueText.Quote(text) + " ";
        var hidden = definition.Sensitive ? " (" + ValueText.NotShown + ")" : string.Empty;
        if (definition.MaxLength is { } maximum && text.Length > maximum)
        {
            problems.Add(path, $"{shown}is too long ({ValueText.Number(text.Length)} characters{(definition.Sensitive ? "; " + ValueText.NotShown : string.Empty)}); at most {ValueText.Number(maximum)}");
            return false;
        }

        if (definition.MinLength is { } minimum && text.Length < minimum)
        {
            problems.Add(path, text.Length == 0
                ? "must not be empty"
                : $"{shown}is too short{hidden}; at least {ValueText.Number(minimum)} characters");
            return false;
        }

        if (definition.AllowedStrings is { } allowed && !allowed.Contains(text, StringComparer.Ordinal))
        {
            problems.Add(path, $"{shown}is not allowed{hidden}; allowed: {string.Join(", ", allowed)}");
            return false;
        }

        if (definition.Pattern is { } pattern && !Matches(pattern, text))
        {
            // A long value is shown around the part that is wrong, not only its beginning.
            shown = definition.Sensitive ? shown : ValueText.QuoteAround(text, PatternPrefix.MatchedLength(pattern, text)) + " ";
            problems.Add(path, $"{shown}is not {definition.ShapeName ?? "valid"}{hidden}; expected {definition.ValueAllowedText ?? definition.AllowedText ?? pattern}");
            return false;
        }

        return true;
    }

    /// <summary>A map key: non-empty, within <see cref="PropertyDefinition.MaxKeyLength"/>, matching <see cref="PropertyDefinition.KeyPattern"/>.</summary>
    public static bool CheckKey(ProblemCollector problems, string path, string key, PropertyDefinition definition)
    {
        if (key.Length == 0)
        {
            problems.Add(path, "an empty name is not allowed");
            return false;
        }

        if (definition.MaxKeyLength is { } maximum && key.Length > maximum)
        {
            problems.Add(path, $"the name is too long ({ValueText.Number(key.Length)} characters); at most {ValueText.Number(maximum)}");
            return false;
        }

        if (definition.KeyPattern is { } pattern && !Matches(pattern, key))
        {
            problems.Add(path, $"{ValueText.Quote(key)} is not a valid name; expected {definition.KeyAllowedText ?? definition.AllowedText ?? pattern}");
            return false;
        }

        return true;
    }

    /// <summary>Whole-string match (.NET's '$' would also match before a final newline).</summary>
    public static bool Matches(string pattern, string text)
    {
        var regex = Compiled.GetOrAdd(pattern, static p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2)));
        try
        {
            var match = regex.Match(text);
            return match.Success && match.Index == 0 && match.Length == text.Length;
        }
        catch (RegexMatchTimeoutException)
        {
            // Inputs are length-checked and the patterns have no nested ambiguity; a timeout still must not throw.
            return false;
        }
    }
}
