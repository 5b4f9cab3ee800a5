using System.Globalization;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>
/// Maps every key of a query/ec2 form body back onto the input shape, following botocore's QuerySerializer and
/// EC2Serializer (botocore/serialize.py): reports keys that no member path produces, then checks the decoded values.
/// </summary>
/// <remarks>
/// query: member key = locationName ?? member name; lists <c>Key.member.N</c> (or <c>Key.{member locationName}.N</c>),
/// flattened lists <c>Key.N</c> with Key replaced by the list member's locationName when it has one, empty lists as <c>Key=</c>;
/// maps <c>Key.entry.N.key/value</c> (flattened: <c>Key.N.key/value</c>). ec2: member key = queryName ?? Capitalized(locationName)
/// ?? member name, and every list is <c>Key.N</c>, the list member's locationName ignored.
/// </remarks>
internal sealed class QueryBodyChecker(bool ec2, List<Violation> violations)
{
    /// <summary>One segment of the dotted keys, as a tree: "Tags.member.1.Key" becomes Tags → member → 1 → Key.</summary>
    private sealed class Node
    {
        public Dictionary<string, Node> Children { get; } = new(StringComparer.Ordinal);

        public string? Value { get; set; }

        public string Key { get; set; } = "";
    }

    public void Check(string operation, Shape input, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var root = new Node();
        foreach (var (key, value) in parameters)
        {
            var node = root;
            foreach (var segment in key.Split('.'))
            {
                if (!node.Children.TryGetValue(segment, out var child))
                {
                    child = new Node { Key = node.Key.Length == 0 ? segment : $"{node.Key}.{segment}" };
                    node.Children[segment] = child;
                }

                node = child;
            }

            node.Value = value;
        }

        Structure(operation, root, input);
    }

    /// <summary>The key segment a member is serialized under.</summary>
    public string KeyName(ShapeMember member)
    {
        var shape = member.Shape;
        if (ec2)
        {
            return shape.QueryName ?? (shape.LocationName is { Length: > 0 } name ? char.ToUpperInvariant(name[0]) + name[1..] : member.Name);
        }

        // botocore QuerySerializer._serialize_type_list: a flattened list with a named member replaces the last key segment.
        if (shape.Type == "list" && shape.IsFlattened && shape.ListMember.LocationName is { } memberName)
        {
            return memberName;
        }

        return shape.LocationName ?? member.Name;
    }

    private void Structure(string path, Node node, Shape shape)
    {
        if (!ExpectContainer(path, node, shape))
        {
            return;
        }

        var present = new List<string>();
        foreach (var (segment, child) in node.Children)
        {
            var member = shape.Members.FirstOrDefault(m => KeyName(m) == segment);
            var memberPath = ShapeChecks.Join(path, segment);
            if (member is null)
            {
                var expected = string.Join(", ", shape.Members.Select(KeyName));
                violations.Add(new(memberPath, Rule.UnknownMember, $"key '{child.Key}…' maps to no member of {shape.Name} (members: {expected})"));
                continue;
            }

            present.Add(member.Name);
            Value(memberPath, child, member.Shape);
        }

        ShapeChecks.Structure(path, shape, present, violations);
    }

    private void Value(string path, Node node, Shape shape)
    {
        switch (shape.Type)
        {
            case "structure":
                Structure(path, node, shape);
                break;
            case "list":
                List(path, node, shape);
                break;
            case "map":
                Map(path, node, shape);
                break;
            default:
                if (node.Children.Count > 0 || node.Value is null)
                {
                    violations.Add(new(path, Rule.Kind, $"{shape.Name} is a {shape.Type}, but keys continue below '{node.Key}'"));
                    return;
                }

                ShapeChecks.Text(path, shape, node.Value, violations);
                break;
        }
    }

    private void List(string path, Node node, Shape shape)
    {
        // The query protocol sends an empty list as the bare key with an empty value; ec2 sends nothing.
        if (!ec2 && node.Value == "" && node.Children.Count == 0)
        {
            ShapeChecks.Count(path, shape, 0, violations);
            return;
        }

        if (!ExpectContainer(path, node, shape))
        {
            return;
        }

        var items = node;
        if (!ec2 && !shape.IsFlattened)
        {
            var wrapper = shape.ListMember.LocationName ?? "member";
            if (node.Children.Count != 1 || !node.Children.TryGetValue(wrapper, out var inner))
            {
                violations.Add(new(path, Rule.UnknownMember, $"{shape.Name} is a list: expected '{node.Key}.{wrapper}.N', got {Describe(node)}"));
                return;
            }

            items = inner;
        }

        var ordered = Indexed(path, items);
        foreach (var (index, item) in ordered)
        {
            Value($"{path}[{index - 1}]", item, shape.ListMember);
        }

        ShapeChecks.Count(path, shape, ordered.Count, violations);
    }

    private void Map(string path, Node node, Shape shape)
    {
        if (!ExpectContainer(path, node, shape))
        {
            return;
        }

        var entries = node;
        if (!shape.IsFlattened)
        {
            if (node.Children.Count != 1 || !node.Children.TryGetValue("entry", out var inner))
            {
                violations.Add(new(path, Rule.UnknownMember, $"{shape.Name} is a map: expected '{node.Key}.entry.N.key/value', got {Describe(node)}"));
                return;
            }

            entries = inner;
        }

        var keyName = shape.MapKey.LocationName ?? "key";
        var valueName = shape.MapValue.LocationName ?? "value";
        var ordered = Indexed(path, entries);
        foreach (var (index, entry) in ordered)
        {
            var entryPath = $"{path}{{entry {index}}}";
            foreach (var segment in entry.Children.Keys.Where(k => k != keyName && k != valueName))
            {
                violations.Add(new(ShapeChecks.Join(entryPath, segment), Rule.UnknownMember, $"map entries hold only '{keyName}' and '{valueName}'"));
            }

            if (entry.Children.TryGetValue(keyName, out var key))
            {
                Value($"{entryPath}.{keyName}", key, shape.MapKey);
            }
            else
            {
                violations.Add(new($"{entryPath}.{keyName}", Rule.MissingRequired, "map entry without a key"));
            }

            if (entry.Children.TryGetValue(valueName, out var value))
            {
                Value($"{entryPath}.{valueName}", value, shape.MapValue);
            }
            else
            {
                violations.Add(new($"{entryPath}.{valueName}", Rule.MissingRequired, "map entry without a value"));
            }
        }

        ShapeChecks.Count(path, shape, ordered.Count, violations);
    }

    /// <summary>List positions must be 1, 2, … N with no gap: AWS reads them as a 1-based sequence.</summary>
    private List<(int Index, Node Item)> Indexed(string path, Node node)
    {
        var items = new List<(int, Node)>();
        foreach (var (segment, child) in node.Children)
        {
            if (int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index >= 1 && segment[0] != '0')
            {
                items.Add((index, child));
            }
            else
            {
                violations.Add(new(path, Rule.ListIndex, $"'{child.Key}': expected a 1-based position, got '{segment}'"));
            }
        }

        items.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Item1 != i + 1)
            {
                violations.Add(new(path, Rule.ListIndex, $"positions must run 1..{items.Count} without gaps, found {string.Join(",", items.Select(x => x.Item1))}"));
                break;
            }
        }

        return items;
    }

    private bool ExpectContainer(string path, Node node, Shape shape)
    {
        if (node.Value is null)
        {
            return true;
        }

        violations.Add(new(path, Rule.Kind, $"{shape.Name} is a {shape.Type}: '{node.Key}' cannot carry a value itself"));
        return false;
    }

    private static string Describe(Node node) =>
        node.Children.Count == 0 ? "nothing below it" : string.Join(", ", node.Children.Values.Select(c => $"'{c.Key}'"));
}
