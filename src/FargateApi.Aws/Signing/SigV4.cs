using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FargateApi.Aws.Credentials;

namespace FargateApi.Aws.Signing;

/// <summary>
/// AWS Signature Version 4, header-based: canonical request, string to sign, signature, Authorization header.
/// Pure: the time is an argument. Verified against every vector of the official suite
/// (test/FargateApi.Aws.Tests/Signing). Spec: https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
/// </summary>
internal static class SigV4
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    /// <summary>SHA-256 of the empty string, the payload hash of every body-less request.</summary>
    public const string EmptyPayloadSha256Hex = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>ISO 8601 basic format, the value of X-Amz-Date: 20150830T123600Z.</summary>
    public static string FormatAmzDate(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static string HashHex(ReadOnlySpan<byte> payload) =>
        payload.IsEmpty ? EmptyPayloadSha256Hex : Convert.ToHexStringLower(SHA256.HashData(payload));

    public static string BuildCanonicalRequest(SigV4Request request, out string signedHeaders)
    {
        int estimate = 128 + (request.Path.Length * 3) + (request.Query.Length * 3);
        foreach (var (name, value) in request.Headers)
        {
            estimate += name.Length + value.Length + 2;
        }

        var builder = new StringBuilder(estimate)
            .Append(request.Method).Append('\n')
            .Append(CanonicalUri.Build(request.Path)).Append('\n')
            .Append(CanonicalQuery.Build(request.Query)).Append('\n');
        signedHeaders = CanonicalHeaders.AppendTo(builder, request.Headers);
        return builder.Append('\n')
            .Append(signedHeaders).Append('\n')
            .Append(request.PayloadSha256Hex)
            .ToString();
    }

    public static SigV4Signature Sign(
        SigV4Request request,
        AwsCredentials credentials,
        string region,
        string service,
        DateTimeOffset time,
        SigningKeyCache? keys = null)
    {
        string amzDate = FormatAmzDate(time);
        string date = amzDate[..8];
        string scope = $"{date}/{region}/{service}/aws4_request";

        string canonicalRequest = BuildCanonicalRequest(request, out string signedHeaders);
        string stringToSign = string.Concat(Algorithm, "\n", amzDate, "\n", scope, "\n", HashUtf8Hex(canonicalRequest));

        byte[] key = (keys ?? SigningKeyCache.Shared).GetKey(credentials.SecretAccessKey, date, region, service);
        Span<byte> signatureBytes = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key, Utf8(stringToSign, stackalloc byte[MaxStackBytes], out byte[]? rented), signatureBytes);
        Return(rented);
        string signature = Convert.ToHexStringLower(signatureBytes);
        string authorization =
            $"{Algorithm} Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";
        return new SigV4Signature(canonicalRequest, stringToSign, signedHeaders, signature, authorization);
    }

    // Canonical requests with a session token are 1.5-3 KB; encode them on the stack, rent beyond that.
    private const int MaxStackBytes = 4096;

    private static string HashUtf8Hex(string text)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Utf8(text, stackalloc byte[MaxStackBytes], out byte[]? rented), hash);
        Return(rented);
        return Convert.ToHexStringLower(hash);
    }

    private static ReadOnlySpan<byte> Utf8(string text, Span<byte> stack, out byte[]? rented)
    {
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        rented = max > stack.Length ? System.Buffers.ArrayPool<byte>.Shared.Rent(max) : null;
        Span<byte> target = rented ?? stack;
        return target[..Encoding.UTF8.GetBytes(text, target)];
    }

    private static void Return(byte[]? rented)
    {
        if (rented is not null)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
