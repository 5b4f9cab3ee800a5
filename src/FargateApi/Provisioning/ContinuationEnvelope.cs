using System.Text.Json;

namespace FargateApi.Provisioning;

/// <summary>
/// The payload of the asynchronous self-invocation that carries a wait on: the original CloudFormation event, untouched
/// (its ResponseURL answers once, at the end), and the continuation. A Lambda event payload may be up to 256 KB for
/// asynchronous invocation ("Lambda quotas": "Invocation payload … 256 KB (asynchronous)"); the custom resource event is
/// far smaller.
/// </summary>
public static class ContinuationEnvelope
{
    /// <summary>The member that tells a continuation apart from a CloudFormation event (which never has it).</summary>
    public const string ContinuationMember = "fargateApiContinuation";

    public const string EventMember = "event";

    /// <summary>"Invocation payload (request and response) … 256 KB (asynchronous)" (AWS Lambda quotas).</summary>
    public const int MaxAsyncPayloadBytes = 256 * 1024;

    public static byte[] Write(LifecycleContinuation continuation, JsonElement originalEvent)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName(ContinuationMember);
            writer.WriteRawValue(continuation.ToJson());
            writer.WritePropertyName(EventMember);
            originalEvent.WriteTo(writer);
            writer.WriteEndObject();
        }

        var payload = buffer.ToArray();
        return payload.Length <= MaxAsyncPayloadBytes
            ? payload
            : throw new InvalidOperationException($"The continuation payload is {payload.Length} bytes; asynchronous invocation takes at most {MaxAsyncPayloadBytes}.");
    }

    /// <summary>The continuation and the original event, or null when <paramref name="payload"/> is an ordinary event.</summary>
    public static (LifecycleContinuation Continuation, JsonElement Event)? TryRead(ReadOnlySpan<byte> payload)
    {
        using var document = JsonDocument.Parse(payload.ToArray());
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty(ContinuationMember, out var continuation)
            || !root.TryGetProperty(EventMember, out var originalEvent))
        {
            return null;
        }

        return (LifecycleContinuation.FromJson(continuation.GetRawText()), originalEvent.Clone());
    }
}
