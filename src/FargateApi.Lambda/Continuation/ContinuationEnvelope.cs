using System.Buffers;
using System.Text;
using System.Text.Json;
using FargateApi.Provisioning;

namespace FargateApi.Lambda.Continuation;

/// <summary>A payload that carries a continuation: the event is inside; <see cref="Problem"/> says why the continuation cannot be used.</summary>
/// <param name="Event">The original CloudFormation event, byte for byte as first received; empty when the envelope has none.</param>
/// <param name="Continuation">Null when it is missing or unreadable (then <see cref="Problem"/> is set).</param>
/// <param name="HandedOffBy">The Lambda request id of the invocation that handed the wait on, for following a chain in the logs.</param>
internal sealed record ContinuedEvent(ReadOnlyMemory<byte> Event, LifecycleContinuation? Continuation, string? HandedOffBy, string? Problem);

/// <summary>
/// The payload one invocation sends to the next: <c>{"fargateApiContinuation": {…}, "handedOffBy": "…", "event": {the original event}}</c>.
/// The event travels verbatim so the next invocation validates it exactly as the first did; JsonDocument and
/// Utf8JsonWriter only (the bootstrap is Native AOT). A CloudFormation event never has the marker property.
/// </summary>
internal static class ContinuationEnvelope
{
    public const string ContinuationProperty = "fargateApiContinuation";
    public const string HandedOffByProperty = "handedOffBy";
    public const string EventProperty = "event";

    public static byte[] Write(LifecycleContinuation continuation, ReadOnlyMemory<byte> originalEvent, string handedOffBy)
    {
        var buffer = new ArrayBufferWriter<byte>(originalEvent.Length + 512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WritePropertyName(ContinuationProperty);
            json.WriteRawValue(continuation.ToJson());
            json.WriteString(HandedOffByProperty, handedOffBy);
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
            var handedOffBy = root.TryGetProperty(HandedOffByProperty, out var by) && by.ValueKind == JsonValueKind.String ? by.GetString() : null;
            try
            {
                var continuation = LifecycleContinuation.FromJson(continuationJson.GetRawText());
                return IsComplete(continuation)
                    ? new ContinuedEvent(originalEvent, continuation, handedOffBy, null)
                    : new ContinuedEvent(originalEvent, null, handedOffBy, "The continuation in the payload lacks its cluster, service or deadline.");
            }
            catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
            {
                return new ContinuedEvent(originalEvent, null, handedOffBy, $"The continuation in the payload is unreadable ({exception.Message}).");
            }
        }
    }

    /// <summary>Source-generated deserialization leaves missing members at their defaults rather than failing.</summary>
    private static bool IsComplete(LifecycleContinuation continuation) =>
        !string.IsNullOrEmpty(continuation.Cluster) && !string.IsNullOrEmpty(continuation.Service) && continuation.Deadline != default;
}
