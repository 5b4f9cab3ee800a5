using System.Text;
using FargateApi.Aws.Services.SecretsManager;

namespace FargateApi.Lambda.Continuation;

/// <summary>
/// The continuation key from the Secrets Manager secret template.yaml creates (ContinuationKey: a generated 64-character
/// string, readable only by the provider's role), named by <see cref="Variable"/>. Read at the first continuation sent or
/// received, never at start-up or for an event that needs none (the cold start of an invalid event makes no AWS call),
/// then kept for the life of the execution environment. A failed read is not kept: the next continuation tries again.
/// </summary>
internal sealed class SecretsManagerContinuationKey(Func<ISecretsManagerClient> client, string? secretArn) : IContinuationKey
{
    public const string Variable = "FARGATE_API_CONTINUATION_KEY_ARN";

    /// <summary>HMAC-SHA256 keys shorter than the hash (32 bytes) weaken it (RFC 2104, section 3).</summary>
    public const int MinimumKeyBytes = 32;

    private readonly SemaphoreSlim _reading = new(1, 1);
    private byte[]? _key;

    public async Task<byte[]> GetAsync(CancellationToken cancellationToken)
    {
        if (_key is { } known)
        {
            return known;
        }

        if (string.IsNullOrEmpty(secretArn))
        {
            throw new InvalidOperationException(
                $"{Variable} is not set: continuations are signed with the key in that Secrets Manager secret (template.yaml creates it as ContinuationKey).");
        }

        await _reading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_key is null)
            {
                var secret = await client().GetSecretValueAsync(new GetSecretValueRequest(secretArn), cancellationToken).ConfigureAwait(false);
                var key = secret.SecretBinary ?? (secret.SecretString is { } text ? Encoding.UTF8.GetBytes(text) : []);
                if (key.Length < MinimumKeyBytes)
                {
                    throw new InvalidOperationException($"The continuation key in {secretArn} is {key.Length} bytes; at least {MinimumKeyBytes} are needed.");
                }

                _key = key;
            }

            return _key;
        }
        finally
        {
            _reading.Release();
        }
    }
}
