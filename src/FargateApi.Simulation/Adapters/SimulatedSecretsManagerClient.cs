using FargateApi.Aws.Services.SecretsManager;
using FargateApi.Simulation.Authorization.Access;
using FargateApi.Simulation.Core;

namespace FargateApi.Simulation.Adapters;

/// <summary><see cref="ISecretsManagerClient"/> over the secrets tests put (<see cref="SimulatedAws.PutSecret(string, string)"/>).</summary>
internal sealed class SimulatedSecretsManagerClient(SimulatedAws aws) : ISecretsManagerClient
{
    public Task<GetSecretValueResponse> GetSecretValueAsync(GetSecretValueRequest request, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(SimServices.SecretsManager, "GetSecretValue", request.SecretId, () => SecretsManagerAccess.GetSecretValue(aws, request.SecretId), () =>
        {
            var (secret, version) = aws.Stores.SecretsManager.Get(request.SecretId, request.VersionId, request.VersionStage);
            return new GetSecretValueResponse
            {
                ARN = secret.Arn,
                Name = secret.Name,
                VersionId = version.VersionId,
                SecretString = version.SecretString,
                SecretBinary = version.SecretBinary is null ? null : [.. version.SecretBinary],
                VersionStages = [.. version.Stages.Order(StringComparer.Ordinal)],
                CreatedDate = version.CreatedDate,
            };
        }, cancellationToken);
}
