using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>
/// The value rules every protocol shares: required members, enums, string length, numeric range, list and map size.
/// Each protocol walker decodes its wire form and calls these with the member's path.
/// </summary>
internal static class ShapeChecks
{
    /// <summary>Every <c>required</c> member of <paramref name="shape"/> must be among <paramref name="present"/>; a union must set exactly one.</summary>
    public static void Structure(string path, Shape shape, IReadOnlyCollection<string> present, List<Violation> violations)
    {
        foreach (var required in shape.Required)
        {
            if (!present.Contains(required))
            {
                violations.Add(new(Join(path, required), Rule.MissingRequired, $"{shape.Name} requires {required}"));
            }
        }

        if (shape.IsUnion && present.Count != 1)
        {
            violations.Add(new(path, Rule.Union, $"{shape.Name} is a union: exactly one member must be set, got {present.Count}"));
        }
    }

    /// <summary>Size bounds of a list or map (min/max count entries for those shapes).</summary>
    public static void Count(string path, Shape shape, int count, List<Violation> violations)
    {
        if (shape.Min is { } min && count < min)
        {
            violations.Add(new(path, Rule.MinLength, $"{shape.Name} needs at least {min} entries, got {count}"));
        }

        if (shape.Max is { } max && count > max)
        {
            violations.Add(new(path, Rule.MaxLength, $"{shape.Name} allows at most {max} entries, got {count}"));
        }
    }

    public static void String(string path, Shape shape, string value, List<Violation> violations)
    {
        if (shape.Enum.Count > 0 && !shape.Enum.Contains(value, StringComparer.Ordinal))
        {
            violations.Add(new(path, Rule.Enum, $"'{value}' is not one of {shape.Name}: {string.Join(", ", shape.Enum)}"));
        }

        Pattern(path, shape, value, violations);

        // Smithy/botocore length is in characters (UTF-16 code units is close enough for the ASCII values we send).
        if (shape.Min is { } min && value.Length < min)
        {
            violations.Add(new(path, Rule.MinLength, $"{shape.Name} needs at least {min} characters, got {value.Length}"));
        }

        if (shape.Max is { } max && value.Length > max)
        {
            violations.Add(new(path, Rule.MaxLength, $"{shape.Name} allows at most {max} characters, got {value.Length}"));
        }
    }

    public static void Number(string path, Shape shape, double value, List<Violation> violations)
    {
        if (shape.Min is { } min && value < min)
        {
            violations.Add(new(path, Rule.MinValue, $"{shape.Name} must be >= {min}, got {value}"));
        }

        if (shape.Max is { } max && value > max)
        {
            violations.Add(new(path, Rule.MaxValue, $"{shape.Name} must be <= {max}, got {value}"));
        }
    }

    /// <summary>
    /// A scalar sent as text (query/ec2 form values, rest headers, URI labels): it must parse as the shape's type
    /// and then pass the string or numeric rules.
    /// </summary>
    public static void Text(string path, Shape shape, string text, List<Violation> violations)
    {
        switch (shape.Type)
        {
            case "string":
                String(path, shape, text, violations);
                break;
            case "integer":
                NumberText(path, shape, text, int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : null, violations);
                break;
            case "long":
                NumberText(path, shape, text, long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : null, violations);
                break;
            case "double" or "float":
                NumberText(path, shape, text, double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null, violations);
                break;
            case "boolean":
                if (text is not ("true" or "false"))
                {
                    violations.Add(new(path, Rule.Kind, $"{shape.Name} is boolean: expected 'true' or 'false', got '{text}'"));
                }

                break;
            case "timestamp":
                if (!IsTimestampText(text, shape.TimestampFormat))
                {
                    violations.Add(new(path, Rule.Kind, $"{shape.Name} is a timestamp ({shape.TimestampFormat ?? "iso8601"}), got '{text}'"));
                }

                break;
            case "blob":
                if (!IsBase64(text))
                {
                    violations.Add(new(path, Rule.Kind, $"{shape.Name} is a blob: expected base64, got '{text}'"));
                }

                break;
            default:
                violations.Add(new(path, Rule.Kind, $"{shape.Name} is a {shape.Type}, not a scalar"));
                break;
        }
    }

    /// <summary>
    /// The model's <c>pattern</c>, with Smithy's semantics: not implicitly anchored, so it must match somewhere in the value
    /// (https://smithy.io/2.0/spec/constraint-traits.html#pattern-trait). Patterns .NET cannot compile (Java-only syntax) are skipped.
    /// </summary>
    private static void Pattern(string path, Shape shape, string value, List<Violation> violations)
    {
        if (shape.Trait("pattern") is not { } pattern || Compiled(pattern) is not { } regex)
        {
            return;
        }

        if (!regex.IsMatch(value))
        {
            violations.Add(new(path, Rule.Pattern, $"'{value}' does not match {shape.Name} pattern {pattern}"));
        }
    }

    private static Regex? Compiled(string pattern) => Patterns.GetOrAdd(pattern, p =>
    {
        try
        {
            return new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return null;
        }
    });

    private static readonly ConcurrentDictionary<string, Regex?> Patterns = new(StringComparer.Ordinal);

    public static bool IsBase64(string text) => Convert.TryFromBase64String(text, new byte[text.Length], out _);

    public static string Join(string path, string member) => path.Length == 0 ? member : $"{path}.{member}";

    private static void NumberText(string path, Shape shape, string text, double? parsed, List<Violation> violations)
    {
        if (parsed is { } value)
        {
            Number(path, shape, value, violations);
        }
        else
        {
            violations.Add(new(path, Rule.Kind, $"{shape.Name} is {shape.Type}: '{text}' does not parse"));
        }
    }

    private static bool IsTimestampText(string text, string? format) => format switch
    {
        "unixTimestamp" => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        "rfc822" => DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        _ => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _) && text.Contains('T', StringComparison.Ordinal),
    };
}
