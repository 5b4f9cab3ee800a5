using System.Text.Json.Serialization;

namespace FargateApi.Aws.Services.SecretsManager;

/// <summary>Source-generated (AOT-safe) JSON for Secrets Manager; the model spells members in PascalCase, as C# does.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetSecretValueRequest))]
[JsonSerializable(typeof(GetSecretValueResponse))]
internal sealed partial class SecretsManagerJsonContext : JsonSerializerContext;
