using System.Security.Cryptography;
using System.Text;

namespace FargateApi.Aws.Services.Ecs;

/// <summary>
/// CreateService's <c>clientToken</c> from the caller's idempotency key. ECS answers a repeated CreateService that carries
/// the same token with the service it already made, instead of "Creation of service was not idempotent"; so a provisioning
/// step that died after sending CreateService can simply send it again. The key must be stable across retries of the same
/// logical create and differ between creates (e.g. stack id + logical id + service name + the CloudFormation request id
/// of the Create event); the token is the first 16 bytes of its SHA-256, as 32 lowercase hex characters, which fits
/// <see cref="EcsLimits.MaxClientTokenLength"/> and the model's ASCII 33–126 range.
/// </summary>
internal static class EcsClientToken
{
    public static string FromIdempotencyKey(string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
