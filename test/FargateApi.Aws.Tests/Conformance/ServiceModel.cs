using System.Collections.Concurrent;
using System.Text.Json;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>One botocore <c>service-2.json</c>, read with <see cref="JsonDocument"/>: metadata, operations, shapes.</summary>
internal sealed class ServiceModel
{
    private static readonly ConcurrentDictionary<string, ServiceModel> Cache = new(StringComparer.Ordinal);

    private readonly JsonElement _root;
    private readonly JsonElement _shapes;
    private readonly JsonElement _operations;

    public ServiceModel(string service, string apiVersion, byte[] serviceJson, byte[]? paginatorsJson = null, byte[]? waitersJson = null)
    {
        Service = service;
        _root = JsonDocument.Parse(serviceJson).RootElement;
        _shapes = _root.GetProperty("shapes");
        _operations = _root.GetProperty("operations");
        var metadata = _root.GetProperty("metadata");
        ApiVersion = Str(metadata, "apiVersion") ?? apiVersion;
        Protocol = Str(metadata, "protocol") ?? throw new InvalidDataException($"{service}: metadata.protocol missing");
        TargetPrefix = Str(metadata, "targetPrefix");
        JsonVersion = Str(metadata, "jsonVersion");
        XmlNamespace = Str(metadata, "xmlNamespace");
        Paginators = paginatorsJson is null ? null : JsonDocument.Parse(paginatorsJson).RootElement.GetProperty("pagination");
        Waiters = waitersJson is null ? null : JsonDocument.Parse(waitersJson).RootElement.GetProperty("waiters");
    }

    /// <summary>The botocore folder name (ecs, elbv2, logs, …), the name OperationCatalog uses.</summary>
    public string Service { get; }

    public string ApiVersion { get; }

    /// <summary>json, query, ec2 or rest-json.</summary>
    public string Protocol { get; }

    public string? TargetPrefix { get; }

    public string? JsonVersion { get; }

    public string? XmlNamespace { get; }

    public JsonElement? Paginators { get; }

    public JsonElement? Waiters { get; }

    public IEnumerable<string> OperationNames => _operations.EnumerateObject().Select(op => op.Name);

    /// <summary>Loads (once per process) the newest model of <paramref name="service"/> found by <see cref="ModelSearch.Default"/>.</summary>
    public static ServiceModel Load(string service) =>
        Cache.GetOrAdd(service, name => FromFiles(AwsModelLocator.Locate(name, ModelSearch.Default)));

    public static ServiceModel FromFiles(ModelFiles files) => new(
        files.Service,
        files.ApiVersion,
        AwsModelLocator.ReadAllBytes(files.ServicePath),
        files.PaginatorsPath is { } paginators ? AwsModelLocator.ReadAllBytes(paginators) : null,
        files.WaitersPath is { } waiters ? AwsModelLocator.ReadAllBytes(waiters) : null);

    /// <summary>A string from the model's metadata block (endpointPrefix, signingName, serviceId…).</summary>
    public string? Metadata(string field) => Str(_root.GetProperty("metadata"), field);

    public bool HasOperation(string name) => _operations.TryGetProperty(name, out _);

    public OperationModel Operation(string name)
    {
        if (!_operations.TryGetProperty(name, out var op))
        {
            throw new KeyNotFoundException($"{Service} has no operation {name}");
        }

        var http = op.TryGetProperty("http", out var h) ? h : default;
        var hasOutput = op.TryGetProperty("output", out var output);
        return new OperationModel(
            name,
            http.ValueKind == JsonValueKind.Object ? Str(http, "method") ?? "POST" : "POST",
            http.ValueKind == JsonValueKind.Object ? Str(http, "requestUri") ?? "/" : "/",
            http.ValueKind == JsonValueKind.Object && http.TryGetProperty("responseCode", out var code) ? code.GetInt32() : 200,
            op.TryGetProperty("input", out var input) ? Resolve(input) : null,
            hasOutput ? Resolve(output) : null,
            hasOutput ? Str(output, "resultWrapper") : null);
    }

    public bool HasShape(string name) => _shapes.TryGetProperty(name, out _);

    /// <summary>Resolves a <c>{"shape": …, member traits…}</c> reference; the reference's traits win over the shape's, as in botocore's ShapeResolver.</summary>
    public Shape Resolve(JsonElement shapeRef)
    {
        var name = shapeRef.GetProperty("shape").GetString()!;
        if (!_shapes.TryGetProperty(name, out var definition))
        {
            throw new KeyNotFoundException($"{Service}: dangling shape reference {name}");
        }

        return new Shape(this, name, definition, shapeRef);
    }

    internal static string? Str(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

/// <param name="Name">The operation name as in the model (PascalCase).</param>
/// <param name="ResultWrapper">query protocol: the element between the Response root and the output members.</param>
internal sealed record OperationModel(
    string Name,
    string HttpMethod,
    string RequestUri,
    int ResponseCode,
    Shape? Input,
    Shape? Output,
    string? ResultWrapper);
