using System.Globalization;
using System.Text.RegularExpressions;

namespace FargateApi.Properties;

/// <summary>
/// Memory is a number of MiB, but people write sizes as they speak: <c>'2GB'</c>, <c>'512 MiB'</c>, or <c>2</c> meaning
/// 2 GB. The hint turns what was written into the number meant, for the message that rejects it.
/// </summary>
internal static partial class MemoryUnits
{
    /// <summary>Below this a whole number is far more likely a count of GB than of MiB (Fargate's largest task has 120 GB).</summary>
    private const int LargestGigabytes = FargateSizes.MaxMemory / 1024;

    /// <summary>"; Memory is in MiB: write 2048 for 2 GB" for a size with a unit, else null.</summary>
    public static string? HintForText(string text)
    {
        var match = SizeWithUnit().Match(text);
        if (!match.Success || !decimal.TryParse(match.Groups["amount"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        var unit = match.Groups["unit"].Value;
        var gigabytes = unit.StartsWith('g') || unit.StartsWith('G');
        var mebibytes = gigabytes ? amount * 1024 : amount;
        var written = string.Create(CultureInfo.InvariantCulture, $"{amount.ToString("0.###", CultureInfo.InvariantCulture)} {(gigabytes ? "GB" : "MB")}");
        return mebibytes == decimal.Truncate(mebibytes) && mebibytes <= int.MaxValue
            ? string.Create(CultureInfo.InvariantCulture, $"; Memory is a number of MiB without a unit: write {(long)mebibytes} for {written}")
            : "; Memory is a number of MiB without a unit";
    }

    /// <summary>"; Memory is in MiB: 2 GB is 2048" for a number small enough to be meant as GB, else null.</summary>
    public static string? HintForNumber(long number) =>
        number is >= 1 and <= LargestGigabytes
            ? string.Create(CultureInfo.InvariantCulture, $"; Memory is in MiB: {number} GB is {number * 1024}")
            : null;

    [GeneratedRegex(@"^\s*(?<amount>[0-9]{1,7}(\.[0-9]{1,3})?)\s*(?<unit>[GgMm]([Ii]?[Bb])?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex SizeWithUnit();
}
