using System.Text;
using FargateApi.Lambda.Continuation;
using FargateApi.Provisioning;

namespace FargateApi.Lambda.Tests;

/// <summary>Continuation payloads as the provider writes them: signed with the test's key (<see cref="FixedContinuationKey"/>).</summary>
internal static class SignedEnvelope
{
    public static byte[] Write(LifecycleContinuation continuation, ReadOnlyMemory<byte> originalEvent, string handedOffBy, byte[]? key = null) =>
        Write(continuation.ToJson(), originalEvent, handedOffBy, key);

    /// <param name="continuationJson">Any JSON, also one the provider would never write (to show what a signed but unreadable one does).</param>
    public static byte[] Write(string continuationJson, ReadOnlyMemory<byte> originalEvent, string handedOffBy, byte[]? key = null)
    {
        var json = Encoding.UTF8.GetBytes(continuationJson);
        var signature = ContinuationSignature.Sign(key ?? FixedContinuationKey.Default, json, originalEvent.Span);
        return ContinuationEnvelope.Write(json, originalEvent, handedOffBy, signature);
    }
}
