using System.Globalization;
using System.Text.Json;
using FargateApi.Properties;

namespace FargateApi.Cli.Templates;

/// <summary>
/// A template resource's <c>Properties</c> as the JSON CloudFormation would send in <c>ResourceProperties</c>, with
/// each intrinsic function replaced by a plausible value of the property's type (<see cref="PlausibleValues"/>) and
/// recorded in <see cref="UnknownValues"/>, so <see cref="PropertiesReader"/> checks everything that is known.
/// </summary>
internal static class PropertiesJson
{
    public static byte[] Write(TemplateValue properties, UnknownValues unknowns)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            Value(json, properties, PropertyCatalog.Root, string.Empty, unknowns);
        }

        return buffer.ToArray();
    }

    private static void Value(Utf8JsonWriter json, TemplateValue value, PropertyDefinition? definition, string path, UnknownValues unknowns)
    {
        if (value is TemplateIntrinsic intrinsic)
        {
            unknowns.Add(path, intrinsic.Function);
            PlausibleValues.Write(json, definition);
            return;
        }

        switch (value, definition?.Type)
        {
            case (TemplateMap map, PropertyType.Object):
                json.WriteStartObject();
                foreach (var (key, member) in map.Members)
                {
                    json.WritePropertyName(key);
                    Value(json, member, definition!.Member(key), path.Length == 0 ? key : path + "." + key, unknowns);
                }

                json.WriteEndObject();
                break;
            case (TemplateMap map, PropertyType.StringMap):
                json.WriteStartObject();
                foreach (var (key, member) in map.Members)
                {
                    json.WritePropertyName(key);
                    Item(json, member, definition!, path + "." + ValueText.Segment(key), unknowns);
                }

                json.WriteEndObject();
                break;
            case (TemplateList list, PropertyType.StringList):
                json.WriteStartArray();
                for (var i = 0; i < list.Items.Count; i++)
                {
                    Item(json, list.Items[i], definition!, path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", unknowns);
                }

                json.WriteEndArray();
                break;
            default:
                Literal(json, value, unknowns, path);
                break;
        }
    }

    private static void Item(Utf8JsonWriter json, TemplateValue item, PropertyDefinition definition, string path, UnknownValues unknowns)
    {
        if (item is TemplateIntrinsic intrinsic)
        {
            unknowns.Add(path, intrinsic.Function);
            json.WriteStringValue(PlausibleValues.Item(definition));
        }
        else
        {
            Literal(json, item, unknowns, path);
        }
    }

    /// <summary>Written as given: the reader reports whatever does not fit the property.</summary>
    private static void Literal(Utf8JsonWriter json, TemplateValue value, UnknownValues unknowns, string path)
    {
        switch (value)
        {
            case TemplateIntrinsic intrinsic:
                unknowns.Add(path, intrinsic.Function);
                json.WriteStringValue("unknown");
                break;
            case TemplateScalar { Kind: ScalarKind.Null }:
                json.WriteNullValue();
                break;
            case TemplateScalar { Kind: ScalarKind.Boolean } scalar:
                json.WriteBooleanValue(scalar.Text == "true");
                break;
            case TemplateScalar { Kind: ScalarKind.Number } scalar when long.TryParse(scalar.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole):
                json.WriteNumberValue(whole);
                break;
            case TemplateScalar { Kind: ScalarKind.Number } scalar when double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real):
                json.WriteNumberValue(real);
                break;
            case TemplateScalar scalar:
                json.WriteStringValue(scalar.Text);
                break;
            case TemplateList list:
                json.WriteStartArray();
                for (var i = 0; i < list.Items.Count; i++)
                {
                    Literal(json, list.Items[i], unknowns, path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]");
                }

                json.WriteEndArray();
                break;
            case TemplateMap map:
                json.WriteStartObject();
                foreach (var (key, member) in map.Members)
                {
                    json.WritePropertyName(key);
                    Literal(json, member, unknowns, path.Length == 0 ? key : path + "." + key);
                }

                json.WriteEndObject();
                break;
        }
    }
}
