using System.Buffers.Binary;
using System.Numerics;

namespace FargateApi.Lambda.CloudFormation;

/// <summary>
/// SHA-256 as FIPS 180-4 defines it (https://nvlpubs.nist.gov/nistpubs/FIPS/NIST.FIPS.180-4.pdf, sections 4.1.2, 4.2.2,
/// 5.1.1, 5.3.3 and 6.2), in managed code, for the one hash the edge takes while answering an event that needs no AWS
/// call (<see cref="FailedCreateId"/>). System.Security.Cryptography's SHA256 on Linux loads and initialises OpenSSL
/// (libssl and libcrypto, reading openssl.cnf): 3.3 MiB of the bootstrap's peak memory and 10 of the 27 million
/// instructions of such an event's cold start (docs/benchmarks.md). The digest is the same, so the ids are too. It hashes
/// public ids, never secrets: constant time does not matter here.
/// </summary>
internal static class Sha256
{
    public const int DigestBytes = 32;

    private const int BlockBytes = 64;

    /// <summary>The length field that closes the padding: the message length in bits, 64-bit big-endian (5.1.1).</summary>
    private const int LengthBytes = 8;

    /// <summary>K: the first 32 bits of the fractional parts of the cube roots of the first 64 primes (4.2.2).</summary>
    private static ReadOnlySpan<uint> RoundConstants =>
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    /// <summary>H(0): the first 32 bits of the fractional parts of the square roots of the first 8 primes (5.3.3).</summary>
    private static ReadOnlySpan<uint> InitialHash =>
    [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ];

    public static byte[] HashData(ReadOnlySpan<byte> message)
    {
        Span<uint> hash = stackalloc uint[8];
        InitialHash.CopyTo(hash);
        Span<uint> schedule = stackalloc uint[64];

        var whole = message.Length - (message.Length % BlockBytes);
        for (var offset = 0; offset < whole; offset += BlockBytes)
        {
            Compress(hash, message.Slice(offset, BlockBytes), schedule);
        }

        // Padding (5.1.1): the last partial block, a single 1 bit, zeros, then the length; one block or, when the
        // length does not fit behind the rest, two.
        var rest = message[whole..];
        Span<byte> tail = stackalloc byte[2 * BlockBytes];
        tail.Clear();
        rest.CopyTo(tail);
        tail[rest.Length] = 0x80;
        var tailLength = rest.Length + 1 + LengthBytes <= BlockBytes ? BlockBytes : 2 * BlockBytes;
        BinaryPrimitives.WriteUInt64BigEndian(tail[(tailLength - LengthBytes)..], (ulong)message.Length * 8);
        for (var offset = 0; offset < tailLength; offset += BlockBytes)
        {
            Compress(hash, tail.Slice(offset, BlockBytes), schedule);
        }

        var digest = new byte[DigestBytes];
        for (var i = 0; i < hash.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(digest.AsSpan(i * 4), hash[i]);
        }

        return digest;
    }

    /// <summary>One block of the hash computation (6.2.2), folded into <paramref name="hash"/>.</summary>
    private static void Compress(Span<uint> hash, ReadOnlySpan<byte> block, Span<uint> schedule)
    {
        for (var t = 0; t < 16; t++)
        {
            schedule[t] = BinaryPrimitives.ReadUInt32BigEndian(block[(t * 4)..]);
        }

        for (var t = 16; t < 64; t++)
        {
            schedule[t] = SmallSigma1(schedule[t - 2]) + schedule[t - 7] + SmallSigma0(schedule[t - 15]) + schedule[t - 16];
        }

        var (a, b, c, d) = (hash[0], hash[1], hash[2], hash[3]);
        var (e, f, g, h) = (hash[4], hash[5], hash[6], hash[7]);
        var k = RoundConstants;
        for (var t = 0; t < 64; t++)
        {
            var t1 = h + BigSigma1(e) + Choose(e, f, g) + k[t] + schedule[t];
            var t2 = BigSigma0(a) + Majority(a, b, c);
            (h, g, f, e) = (g, f, e, d + t1);
            (d, c, b, a) = (c, b, a, t1 + t2);
        }

        hash[0] += a;
        hash[1] += b;
        hash[2] += c;
        hash[3] += d;
        hash[4] += e;
        hash[5] += f;
        hash[6] += g;
        hash[7] += h;
    }

    // The six logical functions of 4.1.2.
    private static uint Choose(uint x, uint y, uint z) => (x & y) ^ (~x & z);

    private static uint Majority(uint x, uint y, uint z) => (x & y) ^ (x & z) ^ (y & z);

    private static uint BigSigma0(uint x) => BitOperations.RotateRight(x, 2) ^ BitOperations.RotateRight(x, 13) ^ BitOperations.RotateRight(x, 22);

    private static uint BigSigma1(uint x) => BitOperations.RotateRight(x, 6) ^ BitOperations.RotateRight(x, 11) ^ BitOperations.RotateRight(x, 25);

    private static uint SmallSigma0(uint x) => BitOperations.RotateRight(x, 7) ^ BitOperations.RotateRight(x, 18) ^ (x >> 3);

    private static uint SmallSigma1(uint x) => BitOperations.RotateRight(x, 17) ^ BitOperations.RotateRight(x, 19) ^ (x >> 10);
}
