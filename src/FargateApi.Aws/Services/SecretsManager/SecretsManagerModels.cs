using System.Text;
using System.Text.Json.Serialization;
using FargateApi.Aws.Protocols;

namespace FargateApi.Aws.Services.SecretsManager;

// Secrets Manager members are PascalCase in the model, as the properties here.

/// <summary>GetSecretValueRequest: SecretId is required; VersionId and VersionStage, when both given, must name the same version.</summary>
internal sealed record GetSecretValueRequest(string SecretId, string? VersionId = null, string? VersionStage = null);

/// <summary>
/// GetSecretValueResponse: the value is in <see cref="SecretString"/> or, for a secret stored as bytes, in
/// <see cref="SecretBinary"/> (base64 on the wire, decoded here). Both are sensitive (the model says so), so the record's
/// text form leaves them out: logging a response never logs the secret.
/// </summary>
internal sealed record GetSecretValueResponse
{
    public string? ARN { get; init; }
    public string? Name { get; init; }
    public string? VersionId { get; init; }
    public byte[]? SecretBinary { get; init; }
    public string? SecretString { get; init; }
    public IReadOnlyList<string> VersionStages { get; init; } = [];

    [JsonConverter(typeof(EpochSecondsConverter))]
    public DateTimeOffset? CreatedDate { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("ARN = ").Append(ARN).Append(", Name = ").Append(Name).Append(", VersionId = ").Append(VersionId)
            .Append(", VersionStages = [").Append(string.Join(", ", VersionStages)).Append("], CreatedDate = ").Append(CreatedDate)
            .Append(", SecretString = ").Append(SecretString is null ? "null" : "(redacted)")
            .Append(", SecretBinary = ").Append(SecretBinary is null ? "null" : "(redacted)");
        return true;
    }
}
