using System.Text.Json;

namespace FargateApi.Cli.Templates;

/// <summary>Reads a JSON template, event or properties file; <c>{"Ref": …}</c> and <c>{"Fn::…": …}</c> become <see cref="TemplateIntrinsic"/>.</summary>
internal static class JsonTemplateParser
{
    /// <summary>Strict JSON, as CloudFormation reads a template: no comments, no trailing commas.</summary>
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false };

    /// <exception cref="TemplateFormatException">Not JSON.</exception>
    public static TemplateValue Parse(string text) => Parse(text, null);

    /// <param name="parameters">Defaults that stand for <c>{"Ref": …}</c> to a parameter; null: every Ref stays unknown.</param>
    /// <exception cref="TemplateFormatException">Not JSON.</exception>
    public static TemplateValue Parse(string text, ParameterDefaults? parameters)
    {
        using var document = Document(text);
        try
        {
            if (parameters is not null && document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("Parameters", out var declared))
            {
                parameters.Declare(Convert(declared, null));
            }

            return Convert(document.RootElement, parameters);
        }
        catch (InvalidOperationException e)
        {
            // JsonDocument accepts an escaped lone surrogate ("\ud800") that no .NET string can hold; reading it throws.
            throw new TemplateFormatException("holds a string or name that is not valid text (an escaped unpaired UTF-16 surrogate)", e);
        }
    }

    /// <exception cref="TemplateFormatException">Not JSON.</exception>
    public static JsonDocument Document(string text)
    {
        try
        {
            return JsonDocument.Parse(text, Options);
        }
        catch (JsonException e)
        {
            throw new TemplateFormatException(JsonSyntaxError.Describe(text, e), e);
        }
    }

    public static TemplateValue Convert(JsonElement element) => Convert(element, null);

    private static TemplateValue Convert(JsonElement element, ParameterDefaults? parameters) => element.ValueKind switch
    {
        JsonValueKind.Object => Map(element, parameters),
        JsonValueKind.Array => new TemplateList([.. element.EnumerateArray().Select(item => Convert(item, parameters))]),
        JsonValueKind.String => new TemplateScalar(element.GetString() ?? string.Empty, ScalarKind.String),
        JsonValueKind.Number => new TemplateScalar(element.GetRawText(), ScalarKind.Number),
        JsonValueKind.True => new TemplateScalar("true", ScalarKind.Boolean),
        JsonValueKind.False => new TemplateScalar("false", ScalarKind.Boolean),
        _ => TemplateScalar.Null,
    };

    private static TemplateValue Map(JsonElement element, ParameterDefaults? parameters)
    {
        var members = element.EnumerateObject().Select(member => new KeyValuePair<string, TemplateValue>(member.Name, Convert(member.Value, parameters))).ToList();
        if (members is not [{ Key: var only, Value: var argument }] || !TemplateIntrinsic.IsLongForm(only))
        {
            return new TemplateMap(members);
        }

        return only == "Ref" && argument is TemplateScalar { Kind: ScalarKind.String } name && parameters?.Resolve(name.Text) is { } resolved
            ? resolved
            : new TemplateIntrinsic(only);
    }
}
