using System.Globalization;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>
/// The scalar values the response generator fills in: deterministic, inside the model's min/max, enums take their first value.
/// </summary>
internal static class SampleValues
{
    /// <summary>2026-01-01T00:00:00Z: a fixed instant so generated responses never depend on the clock.</summary>
    public static readonly DateTimeOffset Timestamp = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const string RequestId = "11111111-2222-3333-4444-555555555555";

    /// <summary>Items in every generated list: two, so a parser that keeps only the first or last one shows.</summary>
    public const int ListItems = 2;

    /// <summary>Deeper structures are omitted: some shapes are recursive (ECS ContainerDefinition has none, but IAM policies and EC2 filters nest).</summary>
    public const int MaxDepth = 10;

    public static string String(Shape shape, string memberName, int index)
    {
        if (shape.Enum.Count > 0)
        {
            return shape.Enum[0];
        }

        var text = memberName.EndsWith("Arn", StringComparison.OrdinalIgnoreCase) || memberName.EndsWith("Arns", StringComparison.OrdinalIgnoreCase)
            ? $"arn:aws:sample:us-east-1:123456789012:{memberName.ToLowerInvariant()}/sample-{index}"
            : $"sample-{memberName}-{index}";
        var min = (int)(shape.Min ?? 0);
        if (text.Length < min)
        {
            text = text.PadRight(min, 'x');
        }

        return shape.Max is { } max && text.Length > max ? text[..Math.Max((int)max, min)] : text;
    }

    public static string Integer(Shape shape) => ((long)Clamp(2, shape)).ToString(CultureInfo.InvariantCulture);

    public static string Double(Shape shape) => Clamp(1.5, shape).ToString(CultureInfo.InvariantCulture);

    public static string Blob => Convert.ToBase64String("sample"u8.ToArray());

    public static long EpochSeconds => Timestamp.ToUnixTimeSeconds();

    public static string TimestampText(string? format) => format switch
    {
        "unixTimestamp" => EpochSeconds.ToString(CultureInfo.InvariantCulture),
        "rfc822" => Timestamp.ToString("r", CultureInfo.InvariantCulture),
        _ => Timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    };

    /// <summary>The text form of any scalar, as XML elements, headers and query strings carry it.</summary>
    public static string Text(Shape shape, string memberName, int index) => shape.Type switch
    {
        "string" => String(shape, memberName, index),
        "integer" or "long" => Integer(shape),
        "double" or "float" => Double(shape),
        "boolean" => "true",
        "timestamp" => TimestampText(shape.TimestampFormat),
        "blob" => Blob,
        _ => throw new ArgumentException($"{shape} is not a scalar", nameof(shape)),
    };

    private static double Clamp(double preferred, Shape shape)
    {
        var value = preferred;
        if (shape.Min is { } min && value < min)
        {
            value = min;
        }

        if (shape.Max is { } max && value > max)
        {
            value = max;
        }

        return value;
    }
}
