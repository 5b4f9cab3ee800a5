using System.Text.Json;

namespace FargateApi.Cli.Templates;

/// <summary>Reads a JSON template, event or properties file; <c>{"Ref": …}</c> and <c>{"Fn::…": …}</c> become <see cref="TemplateIntrinsic"/>.</summary>
internal static class JsonTemplateParser
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <exception cref="TemplateFormatException">Not JSON.</exception>
    public static TemplateValue Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, Options);
            return Convert(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new TemplateFormatException($"not valid JSON at line {(e.LineNumber ?? 0) + 1}: {e.Message}", e);
        }
    }

    public static TemplateValue Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => Map(element),
        JsonValueKind.Array => new TemplateList([.. element.EnumerateArray().Select(Convert)]),
        JsonValueKind.String => new TemplateScalar(element.GetString() ?? string.Empty, ScalarKind.String),
        JsonValueKind.Number => new TemplateScalar(element.GetRawText(), ScalarKind.Number),
        JsonValueKind.True => new TemplateScalar("true", ScalarKind.Boolean),
        JsonValueKind.False => new TemplateScalar("false", ScalarKind.Boolean),
        _ => TemplateScalar.Null,
    };

    private static TemplateValue Map(JsonElement element)
    {
        var members = element.EnumerateObject().Select(member => new KeyValuePair<string, TemplateValue>(member.Name, Convert(member.Value))).ToList();
        return members is [{ Key: var only }] && TemplateIntrinsic.IsLongForm(only)
            ? new TemplateIntrinsic(only)
            : new TemplateMap(members);
    }
}
