using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FargateApi.Aws.Protocols;

/// <summary>
/// JSON-protocol timestamps are epoch seconds, possibly fractional (e.g. <c>1700000000.123</c>), unless the shape sets
/// another timestampFormat. See https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html (timestamp serialization).
/// </summary>
internal sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var seconds = reader.TokenType switch
        {
            JsonTokenType.Number => reader.GetDouble(),
            JsonTokenType.String => double.Parse(reader.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
            _ => throw new JsonException($"Expected epoch seconds, found {reader.TokenType}."),
        };
        return DateTimeOffset.UnixEpoch.AddMilliseconds(Math.Round(seconds * 1000));
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
        => writer.WriteNumberValue((value - DateTimeOffset.UnixEpoch).TotalSeconds);
}
