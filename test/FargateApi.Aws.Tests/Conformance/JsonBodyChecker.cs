using System.Text.Json;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>
/// Checks a JSON value against a shape the way botocore's JSONSerializer would have written it: structures are objects
/// keyed by locationName-or-member-name, lists arrays, maps objects, timestamps epoch-second numbers, blobs base64.
/// </summary>
internal static class JsonBodyChecker
{
    public static void Check(string path, JsonElement value, Shape shape, List<Violation> violations)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            // botocore never writes null; services differ on whether null means absent, so we never send it.
            violations.Add(new(path, Rule.Kind, $"{shape.Name} is {shape.Type}: null is not sent by the AWS SDKs, omit the member"));
            return;
        }

        if (shape.IsDocument)
        {
            return;
        }

        switch (shape.Type)
        {
            case "structure":
                Structure(path, value, shape, violations);
                break;
            case "list":
                if (Expect(path, value, JsonValueKind.Array, shape, violations))
                {
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        Check($"{path}[{index++}]", item, shape.ListMember, violations);
                    }

                    ShapeChecks.Count(path, shape, index, violations);
                }

                break;
            case "map":
                if (Expect(path, value, JsonValueKind.Object, shape, violations))
                {
                    var count = 0;
                    foreach (var entry in value.EnumerateObject())
                    {
                        count++;
                        ShapeChecks.String($"{path}{{key '{entry.Name}'}}", shape.MapKey, entry.Name, violations);
                        Check($"{path}['{entry.Name}']", entry.Value, shape.MapValue, violations);
                    }

                    ShapeChecks.Count(path, shape, count, violations);
                }

                break;
            case "string":
                if (Expect(path, value, JsonValueKind.String, shape, violations))
                {
                    ShapeChecks.String(path, shape, value.GetString()!, violations);
                }

                break;
            case "blob":
                if (Expect(path, value, JsonValueKind.String, shape, violations) && !ShapeChecks.IsBase64(value.GetString()!))
                {
                    violations.Add(new(path, Rule.Kind, $"{shape.Name} is a blob: expected a base64 string"));
                }

                break;
            case "boolean":
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    violations.Add(new(path, Rule.Kind, $"{shape.Name} is boolean, got JSON {value.ValueKind}"));
                }

                break;
            case "integer" or "long":
                Integral(path, value, shape, violations);
                break;
            case "double" or "float":
                if (Expect(path, value, JsonValueKind.Number, shape, violations))
                {
                    ShapeChecks.Number(path, shape, value.GetDouble(), violations);
                }

                break;
            case "timestamp":
                Timestamp(path, value, shape, violations);
                break;
            default:
                violations.Add(new(path, Rule.Kind, $"{shape.Name}: unsupported shape type {shape.Type}"));
                break;
        }
    }

    /// <summary>The wire name of a body member: its locationName when the model gives one (rare in json protocols).</summary>
    public static string WireName(ShapeMember member) => member.Shape.LocationName ?? member.Name;

    private static void Structure(string path, JsonElement value, Shape shape, List<Violation> violations)
    {
        if (!Expect(path, value, JsonValueKind.Object, shape, violations))
        {
            return;
        }

        var present = new List<string>();
        foreach (var property in value.EnumerateObject())
        {
            var member = shape.Members.FirstOrDefault(m => m.Shape.Location is null && WireName(m) == property.Name);
            var memberPath = ShapeChecks.Join(path, property.Name);
            if (member is null)
            {
                violations.Add(new(memberPath, Rule.UnknownMember, $"{shape.Name} has no body member '{property.Name}'"));
                continue;
            }

            if (present.Contains(member.Name))
            {
                violations.Add(new(memberPath, Rule.Duplicate, $"'{property.Name}' appears twice"));
            }

            present.Add(member.Name);
            Check(memberPath, property.Value, member.Shape, violations);
        }

        // Members bound to the URI, headers or status code are checked by the rest-json validator.
        var bodyPresent = present.Concat(shape.Members.Where(m => m.Shape.Location is not null).Select(m => m.Name)).ToArray();
        ShapeChecks.Structure(path, shape, shape.IsUnion ? present : bodyPresent, violations);
    }

    private static void Integral(string path, JsonElement value, Shape shape, List<Violation> violations)
    {
        if (!Expect(path, value, JsonValueKind.Number, shape, violations))
        {
            return;
        }

        var fits = shape.Type == "integer" ? value.TryGetInt32(out _) : value.TryGetInt64(out _);
        if (!fits)
        {
            violations.Add(new(path, Rule.Kind, $"{shape.Name} is {shape.Type}: {value.GetRawText()} is not a whole number in range"));
            return;
        }

        ShapeChecks.Number(path, shape, value.GetDouble(), violations);
    }

    private static void Timestamp(string path, JsonElement value, Shape shape, List<Violation> violations)
    {
        // JSON protocols default to epoch seconds (botocore JSONSerializer.TIMESTAMP_FORMAT = 'unixtimestamp').
        var format = shape.TimestampFormat ?? "unixTimestamp";
        if (format == "unixTimestamp")
        {
            Expect(path, value, JsonValueKind.Number, shape, violations);
        }
        else if (Expect(path, value, JsonValueKind.String, shape, violations))
        {
            ShapeChecks.Text(path, shape, value.GetString()!, violations);
        }
    }

    private static bool Expect(string path, JsonElement value, JsonValueKind kind, Shape shape, List<Violation> violations)
    {
        if (value.ValueKind == kind)
        {
            return true;
        }

        violations.Add(new(path, Rule.Kind, $"{shape.Name} is {shape.Type}: expected JSON {kind}, got {value.ValueKind}"));
        return false;
    }
}
