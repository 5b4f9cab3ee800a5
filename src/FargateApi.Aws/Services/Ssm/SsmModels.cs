namespace FargateApi.Aws.Services.Ssm;

// SSM members are PascalCase in the model, as the properties here.

internal sealed record GetParametersRequest(IReadOnlyList<string> Names, bool? WithDecryption = null);

/// <summary>Shape Parameter; Type is String, StringList or SecureString (ParameterType enum).</summary>
internal sealed record Parameter
{
    public string? Name { get; init; }
    public string? Type { get; init; }
    public string? Value { get; init; }
    public long? Version { get; init; }
    public string? ARN { get; init; }
}

/// <summary>GetParametersResult: names that do not exist come back in InvalidParameters, not as an error.</summary>
internal sealed record GetParametersResult
{
    public IReadOnlyList<Parameter> Parameters { get; init; } = [];
    public IReadOnlyList<string> InvalidParameters { get; init; } = [];
}
