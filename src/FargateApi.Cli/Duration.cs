using System.Globalization;

namespace FargateApi.Cli;

/// <summary>A duration on the command line: whole seconds, minutes or hours (<c>90</c>, <c>90s</c>, <c>10m</c>, <c>1h</c>).</summary>
internal static class Duration
{
    /// <summary>Longer than anything CloudFormation waits for (ServiceTimeout is at most an hour) many times over.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromHours(24);

    /// <summary>The duration, or null with what is wrong in <paramref name="problem"/> (named after <paramref name="option"/>).</summary>
    public static TimeSpan? Parse(string option, string text, out string problem)
    {
        problem = string.Empty;
        var unit = text.Length > 0 && char.IsAsciiLetter(text[^1]) ? char.ToLowerInvariant(text[^1]) : 's';
        var digits = text.Length > 0 && char.IsAsciiLetter(text[^1]) ? text[..^1] : text;
        if (unit is 's' or 'm' or 'h' && digits.Length is > 0 and <= 6 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) && amount > 0)
        {
            var duration = unit switch { 'h' => TimeSpan.FromHours(amount), 'm' => TimeSpan.FromMinutes(amount), _ => TimeSpan.FromSeconds(amount) };
            if (duration <= Max)
            {
                return duration;
            }
        }

        problem = $"{option}: expected a duration of at most 24h such as 90s, 10m or 1h, got '{text}'";
        return null;
    }
}
