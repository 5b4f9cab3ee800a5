using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FargateApi.Properties;

/// <summary>
/// Writes the JSON Schema (draft 2020-12) of the properties from the catalog. Numbers and booleans are also accepted as
/// strings because CloudFormation stringifies them; a string number's range is checked by the provider, not the schema.
/// </summary>
internal static class PropertySchemaWriter
{
    public const string IntegerStringPattern = "^-?[0-9]+$";

    public const string BooleanStringPattern = "^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee])$";

    public static string Write(PropertyDefinition root)
    {
        using var stream = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, IndentSize = 2, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
            writer.WriteString("title", "Custom::FargateApi properties");
            WriteObjectBody(writer, root);
            WriteCpuMemoryPairs(writer);
            writer.WriteStartObject("$defs");
            writer.WriteStartObject("integerString");
            writer.WriteString("description", "A whole number as CloudFormation sends it: a string of digits.");
            writer.WriteString("type", "string");
            writer.WriteString("pattern", IntegerStringPattern);
            writer.WriteEndObject();
            writer.WriteStartObject("booleanString");
            writer.WriteString("description", "A boolean as CloudFormation sends it: \"true\" or \"false\".");
            writer.WriteString("type", "string");
            writer.WriteString("pattern", BooleanStringPattern);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// Fargate's CPU → memory table as one <c>if</c>/<c>then</c> per CPU size (and one for an absent Cpu, which is the
    /// default's), so that an editor flags a Memory that does not fit the Cpu while it is typed. Both the number and its
    /// string form are listed, as everywhere in this schema.
    /// </summary>
    private static void WriteCpuMemoryPairs(Utf8JsonWriter writer)
    {
        var cpu = PropertyCatalog.Cpu.Name;
        var memory = PropertyCatalog.Memory.Name;
        writer.WriteStartArray("allOf");
        foreach (var tier in FargateSizes.Tiers)
        {
            writer.WriteStartObject();
            writer.WriteStartObject("if");
            writer.WriteStartArray("required");
            writer.WriteStringValue(cpu);
            writer.WriteEndArray();
            writer.WriteStartObject("properties");
            writer.WriteStartObject(cpu);
            WriteNumberAndString(writer, [tier.Cpu]);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
            WriteMemoryOf(writer, tier, memory);
            writer.WriteEndObject();
        }

        if (PropertyCatalog.Cpu.DefaultInteger is { } defaultCpu && FargateSizes.For(defaultCpu) is { } defaultTier)
        {
            writer.WriteStartObject();
            writer.WriteStartObject("if");
            writer.WriteStartObject("not");
            writer.WriteStartArray("required");
            writer.WriteStringValue(cpu);
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
            WriteMemoryOf(writer, defaultTier, memory);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteMemoryOf(Utf8JsonWriter writer, FargateSizes.Tier tier, string memory)
    {
        writer.WriteStartObject("then");
        writer.WriteStartObject("properties");
        writer.WriteStartObject(memory);
        writer.WriteString("description", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"With Cpu {tier.Cpu}: {tier.Describe()} (MiB)."));
        WriteNumberAndString(writer, tier.Fixed ?? [.. Enumerable.Range(0, ((tier.To - tier.From) / tier.Step) + 1).Select(i => tier.From + (i * tier.Step))]);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteNumberAndString(Utf8JsonWriter writer, IReadOnlyList<int> values)
    {
        writer.WriteStartArray("enum");
        foreach (var value in values)
        {
            writer.WriteNumberValue(value);
        }

        foreach (var value in values)
        {
            writer.WriteStringValue(ValueText.Number(value));
        }

        writer.WriteEndArray();
    }

    private static void WriteProperty(Utf8JsonWriter writer, PropertyDefinition property)
    {
        writer.WriteStartObject(property.Name);
        switch (property.Type)
        {
            case PropertyType.Object:
                WriteObjectBody(writer, property);
                break;
            case PropertyType.Integer:
                WriteDescription(writer, property);
                if (property.DefaultInteger is { } integer)
                {
                    writer.WriteNumber("default", integer);
                }

                writer.WriteStartArray("anyOf");
                writer.WriteStartObject();
                writer.WriteString("type", "integer");
                WriteIntegerBounds(writer, property);
                writer.WriteEndObject();
                if (property.AllowedIntegers is { } allowed)
                {
                    // An enumeration can be exact in its string form too.
                    writer.WriteStartObject();
                    writer.WriteString("type", "string");
                    writer.WriteStartArray("enum");
                    allowed.ToList().ForEach(value => writer.WriteStringValue(ValueText.Number(value)));
                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }
                else
                {
                    WriteReference(writer, "integerString");
                }

                writer.WriteEndArray();
                break;
            case PropertyType.Boolean:
                WriteDescription(writer, property);
                if (property.DefaultBoolean is { } boolean)
                {
                    writer.WriteBoolean("default", boolean);
                }

                writer.WriteStartArray("anyOf");
                writer.WriteStartObject();
                writer.WriteString("type", "boolean");
                writer.WriteEndObject();
                WriteReference(writer, "booleanString");
                writer.WriteEndArray();
                break;
            case PropertyType.String:
                WriteDescription(writer, property);
                if (property.DefaultString is { } text)
                {
                    writer.WriteString("default", text);
                }

                WriteStringConstraints(writer, property);
                break;
            case PropertyType.StringList:
                WriteDescription(writer, property);
                if (property.DefaultList is { } list)
                {
                    writer.WriteStartArray("default");
                    list.ToList().ForEach(writer.WriteStringValue);
                    writer.WriteEndArray();
                }

                writer.WriteString("type", "array");
                WriteOptionalNumber(writer, "minItems", property.MinItems);
                WriteOptionalNumber(writer, "maxItems", property.MaxItems);
                writer.WriteStartObject("items");
                WriteStringConstraints(writer, property);
                writer.WriteEndObject();
                break;
            case PropertyType.StringMap:
                WriteDescription(writer, property);
                writer.WriteString("type", "object");
                WriteOptionalNumber(writer, "maxProperties", property.MaxItems);
                writer.WriteStartObject("propertyNames");
                writer.WriteNumber("minLength", 1);
                WriteOptionalNumber(writer, "maxLength", property.MaxKeyLength);
                if (property.KeyPattern is { } keyPattern)
                {
                    writer.WriteString("pattern", PropertyPatterns.Portable(keyPattern));
                }

                writer.WriteEndObject();
                writer.WriteStartObject("additionalProperties");
                WriteStringConstraints(writer, property with { MinLength = null });
                writer.WriteEndObject();
                break;
        }

        writer.WriteEndObject();
    }

    private static void WriteObjectBody(Utf8JsonWriter writer, PropertyDefinition definition)
    {
        WriteDescription(writer, definition);
        writer.WriteString("type", "object");
        var required = definition.Members.Where(m => m.Required).ToList();
        if (required.Count > 0)
        {
            writer.WriteStartArray("required");
            required.ForEach(m => writer.WriteStringValue(m.Name));
            writer.WriteEndArray();
        }

        writer.WriteBoolean("additionalProperties", false);
        writer.WriteStartObject("properties");
        foreach (var member in definition.Members)
        {
            WriteProperty(writer, member);
        }

        writer.WriteEndObject();
    }

    private static void WriteDescription(Utf8JsonWriter writer, PropertyDefinition property)
    {
        var update = property.Update == UpdateBehavior.Replacement ? " Changing it replaces the stack." : string.Empty;
        var allowed = property.Type == PropertyType.Integer && property.AllowedText is { } text ? " Allowed " + text + "." : string.Empty;
        var defaults = property.DefaultText is { } value ? " Default: " + value + "." : string.Empty;
        writer.WriteString("description", property.Description + allowed + defaults + update);
    }

    private static void WriteIntegerBounds(Utf8JsonWriter writer, PropertyDefinition property)
    {
        if (property.AllowedIntegers is { } allowed)
        {
            writer.WriteStartArray("enum");
            foreach (var value in allowed)
            {
                writer.WriteNumberValue(value);
            }

            writer.WriteEndArray();
            return;
        }

        WriteOptionalNumber(writer, "minimum", property.Minimum);
        WriteOptionalNumber(writer, "maximum", property.Maximum);
    }

    private static void WriteStringConstraints(Utf8JsonWriter writer, PropertyDefinition property)
    {
        writer.WriteString("type", "string");
        WriteOptionalNumber(writer, "minLength", property.MinLength);
        WriteOptionalNumber(writer, "maxLength", property.MaxLength);
        if (property.AllowedStrings is { } allowed)
        {
            writer.WriteStartArray("enum");
            allowed.ToList().ForEach(writer.WriteStringValue);
            writer.WriteEndArray();
        }

        if (property.Pattern is { } pattern)
        {
            writer.WriteString("pattern", PropertyPatterns.Portable(pattern));
        }
    }

    private static void WriteReference(Utf8JsonWriter writer, string definition)
    {
        writer.WriteStartObject();
        writer.WriteString("$ref", "#/$defs/" + definition);
        writer.WriteEndObject();
    }

    private static void WriteOptionalNumber(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }
}
