using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace FargateApi.Aws.Signing;

/// <summary>
/// Derives the SigV4 signing key, HMAC(HMAC(HMAC(HMAC("AWS4"+secret, date), region), service), "aws4_request"),
/// and remembers it: the key depends only on the day, region and service, and four HMACs per request are
/// most of the signing cost. Source: https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html
/// </summary>
internal sealed class SigningKeyCache
{
    // A provider talks to about ten services in one region on one day; more entries mean stale days or rotated keys.
    private const int MaxEntries = 64;

    private readonly ConcurrentDictionary<(string Secret, string Date, string Region, string Service), byte[]> _keys = new();

    public static SigningKeyCache Shared { get; } = new();

    public byte[] GetKey(string secretAccessKey, string date, string region, string service)
    {
        var cacheKey = (secretAccessKey, date, region, service);
        if (_keys.TryGetValue(cacheKey, out byte[]? key))
        {
            return key;
        }

        if (_keys.Count >= MaxEntries)
        {
            _keys.Clear();
        }

        key = Derive(secretAccessKey, date, region, service);
        _keys[cacheKey] = key;
        return key;
    }

    public static byte[] Derive(string secretAccessKey, string date, string region, string service)
    {
        byte[] key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("AWS4" + secretAccessKey), Encoding.UTF8.GetBytes(date));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(service));
        return HMACSHA256.HashData(key, "aws4_request"u8);
    }
}
