using System.Text;
using System.Text.Json;

namespace FargateApi.Lambda.CloudFormation;

/// <summary>
/// Reads a custom resource event with <see cref="JsonDocument"/> (no reflection, AOT-safe), salvaging enough of a
/// broken event to answer it whenever that is possible: a stack left waiting for an answer hangs for up to an hour.
/// </summary>
internal static class RequestParser
{
    /// <summary>PhysicalResourceId "can't exceed 1 KB" (crpg-ref-responses.html); measured in UTF-8 bytes.</summary>
    public const int MaxPhysicalResourceIdBytes = 1024;

    public static ParsedEvent Parse(ReadOnlyMemory<byte> payload)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException exception)
        {
            return new UnanswerableEvent($"The event is not JSON ({exception.Message}).");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new UnanswerableEvent($"The event is a JSON {root.ValueKind}, not an object.");
            }

            return Parse(root);
        }
    }

    private static ParsedEvent Parse(JsonElement root)
    {
        var problems = new List<string>();
        var responseUrl = RequiredString(root, "ResponseURL", problems);
        var stackId = RequiredString(root, "StackId", problems);
        var requestId = RequiredString(root, "RequestId", problems);
        var logicalResourceId = RequiredString(root, "LogicalResourceId", problems);
        Uri? url = null;
        // On Linux a bare path parses as an absolute file: URI; a ResponseURL must name a host.
        if (responseUrl is not null && (!Uri.TryCreate(responseUrl, UriKind.Absolute, out url) || url.IsFile || url.Host.Length == 0))
        {
            problems.Add("ResponseURL is not an absolute URL with a host");
            url = null;
        }

        if (url is null || stackId is null || requestId is null || logicalResourceId is null)
        {
            return new UnanswerableEvent($"The event cannot be answered: {string.Join("; ", problems)}.");
        }

        var target = new ResponseTarget(url, stackId, requestId, logicalResourceId);
        var requestType = ReadRequestType(root, problems);
        var resourceType = RequiredString(root, "ResourceType", problems);
        var physicalResourceId = OptionalString(root, "PhysicalResourceId", problems);
        if (physicalResourceId is not null && !IsUsablePhysicalId(physicalResourceId))
        {
            problems.Add($"PhysicalResourceId must be 1 to {MaxPhysicalResourceIdBytes} bytes");
            physicalResourceId = null;
        }

        else if (requestType is RequestType.Update or RequestType.Delete && !Has(root, "PhysicalResourceId"))
        {
            problems.Add($"PhysicalResourceId is required on {requestType}");
        }

        var properties = OptionalObject(root, "ResourceProperties", problems) ?? EmptyObject();
        var oldProperties = OptionalObject(root, "OldResourceProperties", problems);
        if (requestType == RequestType.Update && !Has(root, "OldResourceProperties"))
        {
            problems.Add("OldResourceProperties is required on Update");
        }

        if (problems.Count > 0 || requestType is null || resourceType is null)
        {
            return new MalformedEvent(target, requestType, physicalResourceId, $"Malformed custom resource event: {string.Join("; ", problems)}.");
        }

        return new WellFormedEvent(new CustomResourceRequest(target, requestType.Value, resourceType, physicalResourceId, properties, oldProperties));
    }

    public static bool IsUsablePhysicalId(string id) =>
        id.Length > 0 && Encoding.UTF8.GetByteCount(id) <= MaxPhysicalResourceIdBytes;

    private static RequestType? ReadRequestType(JsonElement root, List<string> problems) =>
        RequiredString(root, "RequestType", problems) switch
        {
            null => null,
            "Create" => RequestType.Create,
            "Update" => RequestType.Update,
            "Delete" => RequestType.Delete,
            var other => Unknown(other, problems),
        };

    private static RequestType? Unknown(string requestType, List<string> problems)
    {
        problems.Add($"RequestType '{Shorten(requestType)}' is not one of Create, Update, Delete");
        return null;
    }

    private static string? RequiredString(JsonElement root, string name, List<string> problems)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            problems.Add($"{name} is missing");
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add($"{name} must be a string, not a {value.ValueKind}");
            return null;
        }

        string text;
        try
        {
            text = value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // JSON may escape a lone UTF-16 surrogate (\ud800) that no .NET string can hold: say so, answer FAILED.
            problems.Add($"{name} is not valid text (it holds an unpaired UTF-16 surrogate)");
            return null;
        }

        if (text.Length == 0)
        {
            problems.Add($"{name} is empty");
            return null;
        }

        return text;
    }

    private static bool Has(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    private static string? OptionalString(JsonElement root, string name, List<string> problems) =>
        Has(root, name) ? RequiredString(root, name, problems) : null;

    private static JsonElement? OptionalObject(JsonElement root, string name, List<string> problems)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{name} must be an object, not a {value.ValueKind}");
            return null;
        }

        return value.Clone();
    }

    private static JsonElement EmptyObject()
    {
        using var document = JsonDocument.Parse("{}");
        return document.RootElement.Clone();
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 60), "…");
}
