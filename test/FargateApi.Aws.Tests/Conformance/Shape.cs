using System.Text.Json;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>A model shape as seen through one reference to it: traits on the reference (locationName, location, flattened…) override the shape's.</summary>
internal sealed class Shape
{
    private readonly ServiceModel _model;
    private readonly JsonElement _definition;
    private readonly JsonElement _reference;
    private IReadOnlyList<ShapeMember>? _members;

    public Shape(ServiceModel model, string name, JsonElement definition, JsonElement reference)
    {
        _model = model;
        Name = name;
        _definition = definition;
        _reference = reference;
        Type = definition.GetProperty("type").GetString()!;
    }

    public string Name { get; }

    /// <summary>structure, list, map, string, integer, long, boolean, double, float, timestamp, blob.</summary>
    public string Type { get; }

    public bool IsScalar => Type is not ("structure" or "list" or "map");

    public bool IsDocument => Flag("document");

    public bool IsUnion => Flag("union");

    public bool IsFlattened => Flag("flattened");

    public string? LocationName => Trait("locationName");

    public string? QueryName => Trait("queryName");

    /// <summary>uri, querystring, header, headers, statusCode; null for body members.</summary>
    public string? Location => Trait("location");

    public string? TimestampFormat => Trait("timestampFormat");

    public IReadOnlyList<string> Enum => Strings("enum");

    public IReadOnlyList<string> Required => Strings("required");

    public double? Min => Number("min");

    public double? Max => Number("max");

    public IReadOnlyList<ShapeMember> Members => _members ??= LoadMembers();

    public Shape ListMember => _model.Resolve(_definition.GetProperty("member"));

    public Shape MapKey => _model.Resolve(_definition.GetProperty("key"));

    public Shape MapValue => _model.Resolve(_definition.GetProperty("value"));

    /// <summary>rest-json: the member that is the whole HTTP body.</summary>
    public string? Payload => Trait("payload");

    public ShapeMember? Member(string name) => Members.FirstOrDefault(m => m.Name == name);

    public string? Trait(string name) =>
        ServiceModel.Str(_reference, name) ?? ServiceModel.Str(_definition, name);

    public bool Flag(string name) =>
        (_reference.TryGetProperty(name, out var onRef) && onRef.ValueKind == JsonValueKind.True)
        || (_definition.TryGetProperty(name, out var onShape) && onShape.ValueKind == JsonValueKind.True);

    public override string ToString() => $"{Name} ({Type})";

    private double? Number(string name) =>
        _reference.TryGetProperty(name, out var onRef) && onRef.ValueKind == JsonValueKind.Number ? onRef.GetDouble()
        : _definition.TryGetProperty(name, out var onShape) && onShape.ValueKind == JsonValueKind.Number ? onShape.GetDouble()
        : null;

    private IReadOnlyList<string> Strings(string name) =>
        _definition.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(item => item.GetString()!).ToArray()
            : [];

    private ShapeMember[] LoadMembers() =>
        _definition.TryGetProperty("members", out var members)
            ? members.EnumerateObject().Select(m => new ShapeMember(m.Name, _model.Resolve(m.Value))).ToArray()
            : [];
}

/// <summary>A structure member: its model name and its shape as the member reference sees it.</summary>
internal sealed record ShapeMember(string Name, Shape Shape);
