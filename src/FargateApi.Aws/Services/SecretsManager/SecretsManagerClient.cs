using FargateApi.Aws.Http;
using FargateApi.Aws.Protocols;

namespace FargateApi.Aws.Services.SecretsManager;

/// <summary>Secrets Manager over the json 1.1 protocol (target prefix secretsmanager).</summary>
internal sealed class SecretsManagerClient(IAwsCaller caller) : ISecretsManagerClient
{
    private static SecretsManagerJsonContext Json => SecretsManagerJsonContext.Default;

    public Task<GetSecretValueResponse> GetSecretValueAsync(GetSecretValueRequest request, CancellationToken cancellationToken)
        => JsonProtocol.CallAsync(caller, AwsServices.SecretsManager, "GetSecretValue", request, Json.GetSecretValueRequest, Json.GetSecretValueResponse, cancellationToken);
}
