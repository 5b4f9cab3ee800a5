using System.Text.Json.Serialization;

namespace FargateApi.Aws.Services.Ssm;

/// <summary>Source-generated (AOT-safe) JSON for SSM; the model spells members in PascalCase, as C# does.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetParametersRequest))]
[JsonSerializable(typeof(GetParametersResult))]
internal sealed partial class SsmJsonContext : JsonSerializerContext;
