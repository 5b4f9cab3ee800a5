namespace FargateApi.Lambda.Continuation;

/// <summary>The key continuations are signed with (<see cref="ContinuationSignature"/>), read only when one is sent or received.</summary>
internal interface IContinuationKey
{
    /// <exception cref="Exception">The key could not be read; the message says why.</exception>
    Task<byte[]> GetAsync(CancellationToken cancellationToken);
}
