using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FargateApi.Cli.Templates;

/// <summary>
/// Reads a YAML template with YamlDotNet's representation model (no reflection: Native AOT-clean), turning the
/// short-form tags (<c>!Ref</c>, <c>!Sub</c>, <c>!GetAtt</c>…) and the long forms (<c>Ref:</c>, <c>Fn::Join:</c>) into
/// <see cref="TemplateIntrinsic"/>.
/// </summary>
internal static class YamlTemplateParser
{
    /// <exception cref="TemplateFormatException">Not YAML, or not one document.</exception>
    public static TemplateValue Parse(TextReader reader)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new TemplateFormatException($"not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}", e);
        }

        return stream.Documents.Count switch
        {
            0 => TemplateScalar.Null,
            1 => Convert(stream.Documents[0].RootNode),
            _ => throw new TemplateFormatException($"holds {stream.Documents.Count} YAML documents; a template is one"),
        };
    }

    private static TemplateValue Convert(YamlNode node)
    {
        if (!node.Tag.IsEmpty && node.Tag.Value.StartsWith('!') && !node.Tag.Value.StartsWith("!!", StringComparison.Ordinal))
        {
            return new TemplateIntrinsic(TemplateIntrinsic.FromTag(node.Tag.Value));
        }

        return node switch
        {
            YamlScalarNode scalar => Scalar(scalar),
            YamlSequenceNode sequence => new TemplateList([.. sequence.Children.Select(Convert)]),
            YamlMappingNode mapping => Map(mapping),
            _ => TemplateScalar.Null,
        };
    }

    private static TemplateValue Map(YamlMappingNode mapping)
    {
        var members = mapping.Children
            .Select(member => new KeyValuePair<string, TemplateValue>(KeyText(member.Key), Convert(member.Value)))
            .ToList();
        return members is [{ Key: var only }] && TemplateIntrinsic.IsLongForm(only)
            ? new TemplateIntrinsic(only)
            : new TemplateMap(members);
    }

    private static string KeyText(YamlNode key) => key is YamlScalarNode { Value: { } text } ? text : key.ToString();

    private static TemplateScalar Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && scalar.Tag.Value == "tag:yaml.org,2002:str"))
        {
            return new TemplateScalar(text, ScalarKind.String);
        }

        if (text is "" or "~" or "null" or "Null" or "NULL")
        {
            return TemplateScalar.Null;
        }

        if (text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
        {
            return new TemplateScalar(text.ToLowerInvariant(), ScalarKind.Boolean);
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && !text.Contains('_', StringComparison.Ordinal)
            ? new TemplateScalar(text, ScalarKind.Number)
            : new TemplateScalar(text, ScalarKind.String);
    }
}
