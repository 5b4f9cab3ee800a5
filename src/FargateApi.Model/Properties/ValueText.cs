using System.Globalization;
using System.Text;
using System.Text.Json;

namespace FargateApi.Properties;

/// <summary>How messages show values: quoted, short (a 1 MB value must not come back in the Reason), invariant culture.</summary>
internal static class ValueText
{
    /// <summary><c>'value'</c>, or its first characters and its length when it is long; control characters shown as '?'.</summary>
    public static string Quote(string value)
    {
        var shown = value.Length <= PropertyLimits.MaxQuotedLength ? value : value[..PropertyLimits.MaxQuotedLength];
        var text = new StringBuilder(shown.Length + 32).Append('\'');
        foreach (var c in shown)
        {
            text.Append(char.IsControl(c) || char.IsSurrogate(c) ? '?' : c);
        }

        text.Append('\'');
        if (shown.Length < value.Length)
        {
            text.Append(CultureInfo.InvariantCulture, $"… ({value.Length} characters)");
        }

        return text.ToString();
    }

    /// <summary>
    /// Like <see cref="Quote"/>, but a long value is cut around <paramref name="wrongAt"/> (the first character that
    /// cannot belong to a valid value, <see cref="PatternPrefix"/>) instead of before it, with half the shown
    /// characters after it: <c>…'…:123456789012:loadbalancer/app/my-alb/…'… (109 characters, wrong from character 54)</c>.
    /// </summary>
    public static string QuoteAround(string value, int? wrongAt)
    {
        const int Shown = PropertyLimits.MaxQuotedLength;
        if (value.Length <= Shown || wrongAt is not { } at)
        {
            return Quote(value);
        }

        var end = Math.Min(value.Length, Math.Max(at, 0) + (Shown / 2));
        var start = Math.Max(0, end - Shown);
        if (start == 0)
        {
            return Quote(value);
        }

        end = Math.Min(value.Length, start + Shown);
        var text = new StringBuilder(Shown + 64).Append("…'");
        foreach (var c in value.AsSpan(start, end - start))
        {
            text.Append(char.IsControl(c) || char.IsSurrogate(c) ? '?' : c);
        }

        text.Append('\'');
        if (end < value.Length)
        {
            text.Append('…');
        }

        return text.Append(CultureInfo.InvariantCulture, $" ({value.Length} characters, wrong from character {Math.Min(at, value.Length - 1) + 1})").ToString();
    }

    /// <summary>A map key or list item as a path segment, cut like a quoted value; control characters shown as '?' (no CRLF into logs).</summary>
    public static string Segment(string key)
    {
        var shown = key.Length <= PropertyLimits.MaxQuotedLength ? key : string.Concat(key.AsSpan(0, PropertyLimits.MaxQuotedLength), "…");
        return shown.Any(c => char.IsControl(c) || char.IsSurrogate(c))
            ? string.Concat(shown.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c))
            : shown;
    }

    /// <summary>What a value that may be a secret is in messages, instead of its quote.</summary>
    public const string NotShown = "value not shown: it may be a secret";

    /// <summary>What kind of JSON value was given, for "expected X, got Y"; the value itself only when <paramref name="showValue"/>.</summary>
    public static string Kind(JsonElement value, bool showValue = true) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String when !JsonText.TryGetString(value, out _) => "a string that " + JsonText.NotValidText,
        JsonValueKind.String when !showValue => "a string (" + NotShown + ")",
        JsonValueKind.String => "the string " + Quote(value.GetString() ?? string.Empty),
        JsonValueKind.Number when !showValue => "a number (" + NotShown + ")",
        JsonValueKind.Number => "the number " + Quote(value.GetRawText()),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string List(IEnumerable<long> values) => string.Join(", ", values.Select(Number));

    /// <summary>"5 to 300", or "at least 0" when the top is only the integer range.</summary>
    public static string Range(long minimum, long maximum) =>
        maximum >= int.MaxValue / 4 ? "at least " + Number(minimum) : Number(minimum) + " to " + Number(maximum);
}
