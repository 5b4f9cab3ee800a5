using System.Buffers;
using System.Text;
using System.Text.Json;
using FargateApi.Provisioning;

namespace FargateApi.Lambda.Continuation;

/// <summary>A payload that carries a continuation: the event is inside; <see cref="Problem"/> says why the continuation cannot be used.</summary>
/// <param name="Event">The original CloudFormation event, byte for byte as first received; empty when the envelope has none.</param>
/// <param name="Continuation">Null when it is missing or unreadable (then <see cref="Problem"/> is set).</param>
/// <param name="HandedOffBy">The Lambda request id of the invocation that handed the wait on, for following a chain in the logs.</param>
internal sealed record ContinuedEvent(ReadOnlyMemory<byte> Event, LifecycleContinuation? Continuation, string? HandedOffBy, string? Problem)
{
    /// <summary>The continuation's JSON as it arrived, the bytes <see cref="Signature"/> covers; empty when there was none.</summary>
    public ReadOnlyMemory<byte> ContinuationJson { get; init; }

    /// <summary>The <see cref="ContinuationSignature"/> the sender put on it; null when there is none.</summary>
    public string? Signature { get; init; }
}

/// <summary>
/// The payload one invocation sends to the next: <c>{"fargateApiContinuation": {…}, "handedOffBy": "…", "signature": "…",
/// "event": {the original event}}</c>. The event and the continuation travel verbatim, so the next invocation validates
/// the event exactly as the first did and checks the signature over the very bytes that were signed; JsonDocument and
/// Utf8JsonWriter only (the bootstrap is Native AOT). A CloudFormation event never has the marker property.
/// </summary>
internal static class ContinuationEnvelope
{
    public const string ContinuationProperty = "fargateApiContinuation";
    public const string HandedOffByProperty = "handedOffBy";
    public const string SignatureProperty = "signature";
    public const string EventProperty = "event";

    /// <param name="continuationJson">The continuation's JSON (<see cref="LifecycleContinuation.ToJson"/>), as signed.</param>
    public static byte[] Write(ReadOnlySpan<byte> continuationJson, ReadOnlyMemory<byte> originalEvent, string handedOffBy, string signature)
    {
        var buffer = new ArrayBufferWriter<byte>(originalEvent.Length + continuationJson.Length + 256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WritePropertyName(ContinuationProperty);
            json.WriteRawValue(continuationJson);
            json.WriteString(HandedOffByProperty, handedOffBy);
            json.WriteString(SignatureProperty, signature);
            json.WritePropertyName(EventProperty);
            json.WriteRawValue(originalEvent.Span);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <returns>Null when the payload is not an envelope (an ordinary event, or not even JSON: the event parser says what is wrong).</returns>
    public static ContinuedEvent? TryRead(ReadOnlyMemory<byte> payload)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(ContinuationProperty, out var continuationJson))
            {
                return null;
            }

            var originalEvent = root.TryGetProperty(EventProperty, out var eventJson)
                ? Encoding.UTF8.GetBytes(eventJson.GetRawText())
                : [];
            var handedOffBy = StringOrNull(root, HandedOffByProperty);
            var continuationText = continuationJson.GetRawText();
            var signed = new ContinuedEvent(originalEvent, null, handedOffBy, null)
            {
                ContinuationJson = Encoding.UTF8.GetBytes(continuationText),
                Signature = StringOrNull(root, SignatureProperty),
            };
            try
            {
                var continuation = LifecycleContinuation.FromJson(continuationText);
                return IsComplete(continuation)
                    ? signed with { Continuation = continuation }
                    : signed with { Problem = "The continuation in the payload lacks its cluster, service or deadline." };
            }
            catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
            {
                return signed with { Problem = $"The continuation in the payload is unreadable ({exception.Message})." };
            }
        }
    }

    private static string? StringOrNull(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Source-generated deserialization leaves missing members at their defaults rather than failing.</summary>
    private static bool IsComplete(LifecycleContinuation continuation) =>
        !string.IsNullOrEmpty(continuation.Cluster) && !string.IsNullOrEmpty(continuation.Service) && continuation.Deadline != default;
}
