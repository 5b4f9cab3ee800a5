using System.Text;
using YamlDotNet.RepresentationModel;

namespace FargateApi.TestSupport.Templates;

/// <summary>
/// A CloudFormation YAML template read with YamlDotNet's representation model, which keeps the short-form tags
/// (<c>!Sub</c>, <c>!Ref</c>, <c>!GetAtt</c>, <c>!If</c> …) on the nodes instead of resolving them.
/// </summary>
public sealed class CloudFormationYaml
{
    private CloudFormationYaml(YamlMappingNode root) => Root = root;

    public YamlMappingNode Root { get; }

    public static CloudFormationYaml Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return new CloudFormationYaml((YamlMappingNode)stream.Documents[0].RootNode);
    }

    public static string ReadRepositoryFile(string relativePath) => RepositoryFiles.Read(relativePath);

    public YamlMappingNode Section(string name) => Get(Root, name) as YamlMappingNode ?? new YamlMappingNode();

    /// <summary>Logical id and node of every resource of the given type.</summary>
    public IEnumerable<(string LogicalId, YamlMappingNode Resource)> ResourcesOfType(string type) =>
        Section("Resources").Children
            .Where(entry => entry.Value is YamlMappingNode resource && Text(Get(resource, "Type")) == type)
            .Select(entry => (Text(entry.Key)!, (YamlMappingNode)entry.Value));

    public YamlMappingNode? Resource(string logicalId) => Get(Section("Resources"), logicalId) as YamlMappingNode;

    public static YamlNode? Get(YamlNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out node))
            {
                return null;
            }
        }

        return node;
    }

    public static string? Text(YamlNode? node) => node is YamlScalarNode scalar ? scalar.Value : null;

    public static string Tag(YamlNode node) => node.Tag.IsEmpty ? string.Empty : node.Tag.Value;

    /// <summary>A scalar, or each item of a sequence (IAM's Action and Resource take either).</summary>
    public static IReadOnlyList<YamlNode> Items(YamlNode? node) => node switch
    {
        null => [],
        YamlSequenceNode sequence when Tag(sequence).Length == 0 => [.. sequence.Children],
        _ => [node],
    };

    /// <summary>
    /// The values a node can stand for, as its scalar leaves: the branches of <c>!If</c> without the condition name,
    /// the items of <c>!Join</c>/<c>!Split</c> without the delimiter; each leaf keeps its tag (<c>!Sub</c>, <c>!Ref</c> …).
    /// </summary>
    public static IEnumerable<(string Tag, string Value)> Leaves(YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                yield return (Tag(scalar), scalar.Value ?? string.Empty);
                break;
            case YamlSequenceNode sequence:
                var skip = Tag(sequence) is "!If" or "!Join" or "!Split" ? 1 : 0;
                foreach (var leaf in sequence.Children.Skip(skip).SelectMany(Leaves))
                {
                    yield return leaf;
                }

                break;
            case YamlMappingNode mapping:
                foreach (var entry in mapping.Children)
                {
                    var key = Text(entry.Key);
                    var skipFirst = key is "Fn::If" or "Fn::Join" or "Fn::Split";
                    var children = skipFirst && entry.Value is YamlSequenceNode items ? items.Children.Skip(1) : [entry.Value];
                    foreach (var leaf in children.SelectMany(Leaves))
                    {
                        yield return key is "Ref" or "Fn::Sub" or "Fn::GetAtt" ? ($"!{key.Replace("Fn::", string.Empty, StringComparison.Ordinal)}", leaf.Value) : leaf;
                    }
                }

                break;
        }
    }

    /// <summary>A node written out with its tags, to compare two expressions for equality.</summary>
    public static string Canonical(YamlNode node)
    {
        var text = new StringBuilder(Tag(node));
        switch (node)
        {
            case YamlScalarNode scalar:
                text.Append('\'').Append(scalar.Value).Append('\'');
                break;
            case YamlSequenceNode sequence:
                text.Append('[').AppendJoin(',', sequence.Children.Select(Canonical)).Append(']');
                break;
            case YamlMappingNode mapping:
                text.Append('{').AppendJoin(',', mapping.Children.Select(entry => $"{Canonical(entry.Key)}:{Canonical(entry.Value)}")).Append('}');
                break;
        }

        return text.ToString();
    }

    /// <summary>Every mapping entry under a node, depth first (to find each Action anywhere in the template).</summary>
    public static IEnumerable<(string Key, YamlNode Value)> Entries(YamlNode node)
    {
        var children = node switch
        {
            YamlMappingNode mapping => mapping.Children.Select(entry => (Key: Text(entry.Key) ?? string.Empty, Value: entry.Value)),
            YamlSequenceNode sequence => sequence.Children.Select(child => (Key: string.Empty, Value: child)),
            _ => [],
        };
        foreach (var (key, value) in children)
        {
            if (key.Length > 0)
            {
                yield return (key, value);
            }

            foreach (var nested in Entries(value))
            {
                yield return nested;
            }
        }
    }
}
