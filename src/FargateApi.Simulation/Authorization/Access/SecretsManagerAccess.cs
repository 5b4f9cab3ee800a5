namespace FargateApi.Simulation.Authorization.Access;

/// <summary>
/// GetSecretValue is authorized on the secret (SAR, AWS Secrets Manager: GetSecretValue, resource type Secret,
/// <c>arn:…:secretsmanager:region:account:secret:name-suffix</c>); a secret named by its name is checked under that name
/// with any suffix.
/// </summary>
internal static class SecretsManagerAccess
{
    public static IEnumerable<AccessCheck> GetSecretValue(SimulatedAws aws, string secretId) =>
        [AccessCheck.For("secretsmanager:GetSecretValue", secretId.StartsWith("arn:", StringComparison.Ordinal) ? secretId : aws.Context.Arn("secretsmanager", $"secret:{secretId}-??????"))];
}
