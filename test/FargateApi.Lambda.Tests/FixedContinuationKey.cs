using FargateApi.Lambda.Continuation;

namespace FargateApi.Lambda.Tests;

/// <summary>A continuation key known to the test, as the secret would hold it; counts its reads.</summary>
internal sealed class FixedContinuationKey(byte[]? key = null) : IContinuationKey
{
    public static readonly byte[] Default = "test-continuation-key-0123456789abcdefghijklmnopqrstuvwxyz"u8.ToArray();

    private int _reads;

    public byte[] Key { get; } = key ?? Default;

    public int Reads => _reads;

    public Task<byte[]> GetAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        return Task.FromResult(Key);
    }
}
