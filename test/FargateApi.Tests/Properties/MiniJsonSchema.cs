using System.Text.Json;
using System.Text.RegularExpressions;

namespace FargateApi.Tests.Properties;

/// <summary>
/// A small JSON Schema (draft 2020-12) validator for exactly the keywords the generated schema uses; any other
/// keyword makes it throw, so the schema cannot silently grow beyond what these tests check.
/// </summary>
internal sealed class MiniJsonSchema(JsonElement root)
{
    /// <summary>Keywords that only annotate.</summary>
    private static readonly HashSet<string> Annotations = ["$schema", "title", "description", "default", "$defs"];

    public static readonly HashSet<string> Supported =
    [
        "type", "enum", "pattern", "minLength", "maxLength", "minimum", "maximum", "minItems", "maxItems", "items",
        "properties", "required", "additionalProperties", "propertyNames", "maxProperties", "anyOf", "$ref", "allOf", "if",
        "then", "not",
    ];

    /// <summary>Every place the instance breaks the schema, as "path: keyword" lines; empty when valid.</summary>
    public List<string> Validate(JsonElement instance)
    {
        var errors = new List<string>();
        Check(root, instance, "$", errors);
        return errors;
    }

    private void Check(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        foreach (var keyword in schema.EnumerateObject())
        {
            if (Annotations.Contains(keyword.Name))
            {
                continue;
            }

            if (!Supported.Contains(keyword.Name))
            {
                throw new NotSupportedException("schema keyword not understood by the test validator: " + keyword.Name);
            }

            if (!Holds(keyword.Name, keyword.Value, schema, value, path, errors))
            {
                errors.Add(path + ": " + keyword.Name);
            }
        }
    }

    private bool Holds(string keyword, JsonElement argument, JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        switch (keyword)
        {
            case "type":
                return argument.GetString() switch
                {
                    "string" => value.ValueKind == JsonValueKind.String,
                    "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
                    "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
                    "array" => value.ValueKind == JsonValueKind.Array,
                    "object" => value.ValueKind == JsonValueKind.Object,
                    var other => throw new NotSupportedException("type " + other),
                };
            case "enum":
                return argument.EnumerateArray().Any(option => JsonElement.DeepEquals(option, value));
            case "pattern":
                return value.ValueKind != JsonValueKind.String || Regex.IsMatch(value.GetString()!, argument.GetString()!, RegexOptions.ECMAScript);
            case "minLength":
                return value.ValueKind != JsonValueKind.String || Length(value.GetString()!) >= argument.GetInt32();
            case "maxLength":
                return value.ValueKind != JsonValueKind.String || Length(value.GetString()!) <= argument.GetInt32();
            case "minimum":
                return value.ValueKind != JsonValueKind.Number || value.GetDouble() >= argument.GetDouble();
            case "maximum":
                return value.ValueKind != JsonValueKind.Number || value.GetDouble() <= argument.GetDouble();
            case "minItems":
                return value.ValueKind != JsonValueKind.Array || value.GetArrayLength() >= argument.GetInt32();
            case "maxItems":
                return value.ValueKind != JsonValueKind.Array || value.GetArrayLength() <= argument.GetInt32();
            case "maxProperties":
                return value.ValueKind != JsonValueKind.Object || value.EnumerateObject().Count() <= argument.GetInt32();
            case "items":
                if (value.ValueKind == JsonValueKind.Array)
                {
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        Check(argument, item, $"{path}[{index++}]", errors);
                    }
                }

                return true;
            case "properties":
                if (value.ValueKind == JsonValueKind.Object)
                {
                    foreach (var member in value.EnumerateObject())
                    {
                        if (argument.TryGetProperty(member.Name, out var memberSchema))
                        {
                            Check(memberSchema, member.Value, path + "." + member.Name, errors);
                        }
                    }
                }

                return true;
            case "required":
                return value.ValueKind != JsonValueKind.Object || argument.EnumerateArray().All(name => value.TryGetProperty(name.GetString()!, out _));
            case "additionalProperties":
                if (value.ValueKind != JsonValueKind.Object)
                {
                    return true;
                }

                var declared = schema.TryGetProperty("properties", out var properties) ? properties : default;
                foreach (var member in value.EnumerateObject())
                {
                    if (declared.ValueKind == JsonValueKind.Object && declared.TryGetProperty(member.Name, out _))
                    {
                        continue;
                    }

                    if (argument.ValueKind == JsonValueKind.False)
                    {
                        errors.Add(path + "." + member.Name + ": not allowed");
                    }
                    else if (argument.ValueKind == JsonValueKind.Object)
                    {
                        Check(argument, member.Value, path + "." + member.Name, errors);
                    }
                }

                return true;
            case "propertyNames":
                if (value.ValueKind == JsonValueKind.Object)
                {
                    foreach (var member in value.EnumerateObject())
                    {
                        using var name = JsonDocument.Parse("\"" + JsonEncodedText.Encode(member.Name).ToString() + "\"");
                        Check(argument, name.RootElement, path + ".(name " + member.Name + ")", errors);
                    }
                }

                return true;
            case "anyOf":
                return argument.EnumerateArray().Any(option =>
                {
                    var optionErrors = new List<string>();
                    Check(option, value, path, optionErrors);
                    return optionErrors.Count == 0;
                });
            case "allOf":
                return argument.EnumerateArray().All(option =>
                {
                    var optionErrors = new List<string>();
                    Check(option, value, path, optionErrors);
                    errors.AddRange(optionErrors);
                    return true;
                });
            case "if":
                // Draft 2020-12: when the instance passes "if", it must pass "then" (no "else" in our schema).
                var condition = new List<string>();
                Check(argument, value, path, condition);
                if (condition.Count == 0 && schema.TryGetProperty("then", out var then))
                {
                    Check(then, value, path, errors);
                }

                return true;
            case "then":
                return true; // Applied by "if".
            case "not":
                var negated = new List<string>();
                Check(argument, value, path, negated);
                return negated.Count > 0;
            case "$ref":
                var reference = argument.GetString()!;
                const string Prefix = "#/$defs/";
                if (!reference.StartsWith(Prefix, StringComparison.Ordinal))
                {
                    throw new NotSupportedException("$ref " + reference);
                }

                Check(root.GetProperty("$defs").GetProperty(reference[Prefix.Length..]), value, path, errors);
                return true;
            default:
                throw new NotSupportedException(keyword);
        }
    }

    /// <summary>JSON Schema counts code points, not UTF-16 units.</summary>
    private static int Length(string text) => text.EnumerateRunes().Count();
}
