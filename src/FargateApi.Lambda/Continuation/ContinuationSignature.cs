using System.Buffers.Binary;
using System.Security.Cryptography;

namespace FargateApi.Lambda.Continuation;

/// <summary>
/// HMAC-SHA256 over everything in a continuation that drives what the next invocation does: the continuation's JSON (its
/// operation, deadline, hop count, the steps done and the ids learnt) and the original event byte for byte (RequestId,
/// StackId, LogicalResourceId, PhysicalResourceId, the properties and the ResponseURL). Only the provider's role can read
/// the key (<see cref="IContinuationKey"/>), so a payload that claims to continue an operation but was not written by the
/// provider (unsigned, or changed in any byte) is told apart and ignored. The two parts are length-prefixed under a
/// version label, so no split of the same bytes between them verifies.
/// </summary>
internal static class ContinuationSignature
{
    private static ReadOnlySpan<byte> Label => "fargate-api-continuation-v1\0"u8;

    public static string Sign(ReadOnlySpan<byte> key, ReadOnlySpan<byte> continuationJson, ReadOnlySpan<byte> originalEvent) =>
        Convert.ToBase64String(Mac(key, continuationJson, originalEvent));

    public static bool IsValid(ReadOnlySpan<byte> key, ReadOnlySpan<byte> continuationJson, ReadOnlySpan<byte> originalEvent, string signature)
    {
        Span<byte> given = stackalloc byte[HMACSHA256.HashSizeInBytes];
        return Convert.TryFromBase64String(signature, given, out var written)
            && written == HMACSHA256.HashSizeInBytes
            && CryptographicOperations.FixedTimeEquals(given, Mac(key, continuationJson, originalEvent));
    }

    private static byte[] Mac(ReadOnlySpan<byte> key, ReadOnlySpan<byte> continuationJson, ReadOnlySpan<byte> originalEvent)
    {
        using var mac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        Span<byte> length = stackalloc byte[8];
        mac.AppendData(Label);
        BinaryPrimitives.WriteInt64BigEndian(length, continuationJson.Length);
        mac.AppendData(length);
        mac.AppendData(continuationJson);
        BinaryPrimitives.WriteInt64BigEndian(length, originalEvent.Length);
        mac.AppendData(length);
        mac.AppendData(originalEvent);
        return mac.GetHashAndReset();
    }
}
