using System.Globalization;
using System.Text.Json;

namespace FargateApi.Properties;

/// <summary>
/// Reads one member as its definition's type, accepting CloudFormation's stringified forms ("512", "true"), and checks
/// it against the definition. Each method returns null when the value is absent without a default, or invalid (then a
/// problem is recorded); it never throws on bad input.
/// </summary>
internal static class JsonValueReader
{
    /// <summary>Lists and maps longer than this are not inspected item by item: one problem says they are too long.</summary>
    private const int MaxInspectedItems = 256;

    public static int? Integer(ObjectSection section, PropertyDefinition definition)
    {
        var path = section.PathOf(definition);
        if (section.Get(definition) is not { } value)
        {
            return Missing(section, definition, path) ? null : (int?)definition.DefaultInteger;
        }

        if (!TryInteger(value, out var number))
        {
            var hint = definition == PropertyCatalog.Memory && JsonText.TryGetString(value, out var text) ? MemoryUnits.HintForText(text) : null;
            section.Problems.Add(path, "expected a whole number, got " + ValueText.Kind(value) + hint);
            return null;
        }

        if (definition.AllowedIntegers is { } allowed && !allowed.Contains(number))
        {
            section.Problems.Add(path, ValueText.Number(number) + " is not allowed; allowed: " + ValueText.List(allowed));
            return null;
        }

        var minimum = definition.Minimum ?? int.MinValue;
        var maximum = definition.Maximum ?? int.MaxValue;
        if (number < minimum || number > maximum)
        {
            var hint = definition == PropertyCatalog.Memory ? MemoryUnits.HintForNumber(number) : null;
            section.Problems.Add(path, ValueText.Number(number) + " is out of range; allowed: " + ValueText.Range(minimum, maximum) + hint);
            return null;
        }

        return (int)number;
    }

    public static bool? Boolean(ObjectSection section, PropertyDefinition definition)
    {
        var path = section.PathOf(definition);
        if (section.Get(definition) is not { } value)
        {
            return Missing(section, definition, path) ? null : definition.DefaultBoolean;
        }

        JsonText.TryGetString(value, out var text);
        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.String when string.Equals(text, "true", StringComparison.OrdinalIgnoreCase):
                return true;
            case JsonValueKind.String when string.Equals(text, "false", StringComparison.OrdinalIgnoreCase):
                return false;
            default:
                section.Problems.Add(path, "expected true or false, got " + ValueText.Kind(value));
                return null;
        }
    }

    public static string? String(ObjectSection section, PropertyDefinition definition)
    {
        var path = section.PathOf(definition);
        if (section.Get(definition) is not { } value)
        {
            return Missing(section, definition, path) ? null : definition.DefaultString;
        }

        return Text(section.Problems, path, value, definition, "a string") is { } text
            && StringRules.Check(section.Problems, path, text, definition) ? text : null;
    }

    public static IReadOnlyList<string>? List(ObjectSection section, PropertyDefinition definition)
    {
        var path = section.PathOf(definition);
        if (section.Get(definition) is not { } value)
        {
            return Missing(section, definition, path) ? null : definition.DefaultList;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            var hint = value.ValueKind == JsonValueKind.String ? "; a comma-separated string is not accepted, write a list" : string.Empty;
            section.Problems.Add(path, "expected a list of strings, got " + ValueText.Kind(value) + hint);
            return null;
        }

        var count = value.GetArrayLength();
        if (!CheckCount(section.Problems, path, count, definition, "items"))
        {
            return null;
        }

        var items = new List<string>(count);
        var valid = true;
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
            index++;
            if (Text(section.Problems, itemPath, item, definition, "a string") is not { } text)
            {
                valid = false;
                continue;
            }

            valid &= StringRules.Check(section.Problems, itemPath, text, definition);
            items.Add(text);
        }

        return valid ? items : null;
    }

    public static IReadOnlyDictionary<string, string>? Map(ObjectSection section, PropertyDefinition definition)
    {
        var path = section.PathOf(definition);
        if (section.Get(definition) is not { } value)
        {
            return Missing(section, definition, path) ? null : new Dictionary<string, string>(StringComparer.Ordinal);
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            section.Problems.Add(path, "expected an object of name/value strings, got " + ValueText.Kind(value, showValue: !definition.Sensitive));
            return null;
        }

        var count = 0;
        foreach (var unused in value.EnumerateObject())
        {
            if (++count > MaxInspectedItems)
            {
                break;
            }
        }

        if (!CheckCount(section.Problems, path, count, definition, "entries"))
        {
            return null;
        }

        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        var valid = true;
        foreach (var entry in value.EnumerateObject())
        {
            if (!JsonText.TryGetName(entry, out var name))
            {
                section.Problems.Add(path, "a name " + JsonText.NotValidText);
                valid = false;
                continue;
            }

            var entryPath = path + "." + ValueText.Segment(name);
            valid &= StringRules.CheckKey(section.Problems, entryPath, name, definition);
            if (Text(section.Problems, entryPath, entry.Value, definition, "a string value") is not { } text)
            {
                valid = false;
                continue;
            }

            valid &= StringRules.Check(section.Problems, entryPath, text, definition);
            if (!entries.TryAdd(name, text))
            {
                section.Problems.Add(entryPath, "given more than once; give it once");
                valid = false;
            }
        }

        return valid ? entries : null;
    }

    /// <summary>True when a required member is absent (and records it).</summary>
    private static bool Missing(ObjectSection section, PropertyDefinition definition, string path)
    {
        if (definition.Required)
        {
            section.Problems.Add(path, "required; " + definition.Description);
            return true;
        }

        return false;
    }

    private static bool CheckCount(ProblemCollector problems, string path, int count, PropertyDefinition definition, string noun)
    {
        var maximum = Math.Min(definition.MaxItems ?? MaxInspectedItems, MaxInspectedItems);
        if (count > maximum)
        {
            var shown = count > MaxInspectedItems ? "more than " + ValueText.Number(MaxInspectedItems) : ValueText.Number(count);
            problems.Add(path, $"has {shown} {noun}; at most {ValueText.Number(maximum)} allowed");
            return false;
        }

        if (count < (definition.MinItems ?? 0))
        {
            problems.Add(path, $"has {ValueText.Number(count)} {noun}; at least {ValueText.Number(definition.MinItems ?? 0)} needed");
            return false;
        }

        return true;
    }

    /// <summary>A JSON integer, or a string holding one (CloudFormation stringifies numbers).</summary>
    private static bool TryInteger(JsonElement value, out long number)
    {
        number = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out number),
            JsonValueKind.String => JsonText.TryGetString(value, out var text) && text.Length is > 0 and <= 20
                && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }

    /// <summary>
    /// A JSON string, or a number or boolean CloudFormation would have sent as a string anyway; else null, with the
    /// problem recorded (text that cannot be read, or "expected <paramref name="expected"/>").
    /// </summary>
    private static string? Text(ProblemCollector problems, string path, JsonElement value, PropertyDefinition definition, string expected)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when JsonText.TryGetString(value, out var text):
                return text;
            case JsonValueKind.String:
                problems.Add(path, JsonText.NotValidText);
                return null;
            case JsonValueKind.Number:
                return value.GetRawText();
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            default:
                problems.Add(path, "expected " + expected + ", got " + ValueText.Kind(value, showValue: !definition.Sensitive));
                return null;
        }
    }
}
