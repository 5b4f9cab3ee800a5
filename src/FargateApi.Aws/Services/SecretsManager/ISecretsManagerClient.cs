namespace FargateApi.Aws.Services.SecretsManager;

/// <summary>The Secrets Manager operation the provider uses: reading a key it signs its own continuations with.</summary>
internal interface ISecretsManagerClient
{
    /// <summary>
    /// One version of a secret: AWSCURRENT unless the request names a VersionId or VersionStage. SecretId is the secret's
    /// name, its ARN, or its ARN without the 6-character suffix Secrets Manager appends. Fails with
    /// <see cref="AwsErrorCodes.SecretsManagerResourceNotFound"/> when no secret matches, or the secret has no such version.
    /// </summary>
    Task<GetSecretValueResponse> GetSecretValueAsync(GetSecretValueRequest request, CancellationToken cancellationToken);
}
