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
    public static TemplateValue Parse(TextReader reader) => Parse(reader, null);

    /// <param name="parameters">Defaults that stand for <c>!Ref Parameter</c>; null: every Ref stays unknown.</param>
    /// <exception cref="TemplateFormatException">Not YAML, or not one document.</exception>
    public static TemplateValue Parse(TextReader reader, ParameterDefaults? parameters)
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

        if (stream.Documents.Count > 1)
        {
            throw new TemplateFormatException($"holds {stream.Documents.Count} YAML documents; a template is one");
        }

        if (stream.Documents.Count == 0)
        {
            return TemplateScalar.Null;
        }

        var root = stream.Documents[0].RootNode;
        if (parameters is not null && root is YamlMappingNode top && top.Children.TryGetValue(new YamlScalarNode("Parameters"), out var declared))
        {
            parameters.Declare(Convert(declared, null));
        }

        return Convert(root, parameters);
    }

    private static TemplateValue Convert(YamlNode node, ParameterDefaults? parameters)
    {
        if (!node.Tag.IsEmpty && node.Tag.Value.StartsWith('!') && !node.Tag.Value.StartsWith("!!", StringComparison.Ordinal))
        {
            var function = TemplateIntrinsic.FromTag(node.Tag.Value);
            return function == "Ref" && node is YamlScalarNode { Value: { } name } && parameters?.Resolve(name) is { } resolved
                ? resolved
                : new TemplateIntrinsic(function);
        }

        return node switch
        {
            YamlScalarNode scalar => Scalar(scalar),
            YamlSequenceNode sequence => new TemplateList([.. sequence.Children.Select(child => Convert(child, parameters))]),
            YamlMappingNode mapping => Map(mapping, parameters),
            _ => TemplateScalar.Null,
        };
    }

    private static TemplateValue Map(YamlMappingNode mapping, ParameterDefaults? parameters)
    {
        var members = mapping.Children
            .Select(member => new KeyValuePair<string, TemplateValue>(KeyText(member.Key), Convert(member.Value, parameters)))
            .ToList();
        if (members is not [{ Key: var only, Value: var argument }] || !TemplateIntrinsic.IsLongForm(only))
        {
            return new TemplateMap(members);
        }

        return only == "Ref" && argument is TemplateScalar { Kind: ScalarKind.String } name && parameters?.Resolve(name.Text) is { } resolved
            ? resolved
            : new TemplateIntrinsic(only);
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
