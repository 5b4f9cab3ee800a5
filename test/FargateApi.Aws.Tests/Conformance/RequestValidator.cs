using System.Text;
using System.Text.Json;
using FargateApi.Aws.Http;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>
/// The oracle: does an <see cref="AwsRequest"/> our client produced match what the official model says the service accepts?
/// Returns every violation (empty = conforms). Envelope rules follow botocore/serialize.py for each protocol.
/// </summary>
internal static class RequestValidator
{
    public const string FormContentType = "application/x-www-form-urlencoded";

    public static IReadOnlyList<Violation> Validate(ServiceModel model, string operationName, AwsRequest request)
    {
        var violations = new List<Violation>();
        if (!model.HasOperation(operationName))
        {
            violations.Add(new(operationName, Rule.Action, $"{model.Service} has no operation {operationName}"));
            return violations;
        }

        var operation = model.Operation(operationName);
        if (request.Operation != operationName)
        {
            violations.Add(new(operationName, Rule.Action, $"AwsRequest.Operation is '{request.Operation}'"));
        }

        switch (model.Protocol)
        {
            case "json":
                Json(model, operation, request, violations);
                break;
            case "query" or "ec2":
                Query(model, operation, request, violations);
                break;
            case "rest-json":
                RestJsonRequestValidator.Validate(operation, request, violations);
                break;
            default:
                violations.Add(new(operationName, Rule.Body, $"protocol {model.Protocol} is not supported by the validator"));
                break;
        }

        return violations;
    }

    private static void Json(ServiceModel model, OperationModel operation, AwsRequest request, List<Violation> violations)
    {
        var name = operation.Name;
        PostToRoot(operation, request, violations);
        var target = $"{model.TargetPrefix}.{name}";
        var actualTarget = Header(request, "X-Amz-Target");
        if (actualTarget != target)
        {
            violations.Add(new(name, Rule.Target, $"X-Amz-Target must be '{target}', got '{actualTarget ?? "(none)"}'"));
        }

        var contentType = $"application/x-amz-json-{model.JsonVersion}";
        if (request.ContentType != contentType)
        {
            violations.Add(new(name, Rule.ContentType, $"Content-Type must be '{contentType}', got '{request.ContentType ?? "(none)"}'"));
        }

        CheckJsonBody(name, request.Body, operation.Input, violations);
    }

    /// <summary>A JSON body that must be an object matching <paramref name="shape"/> (botocore always sends at least <c>{}</c>).</summary>
    internal static void CheckJsonBody(string path, byte[] body, Shape? shape, List<Violation> violations)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            violations.Add(new(path, Rule.Body, $"body is not JSON ({e.Message}); send at least {{}}"));
            return;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                violations.Add(new(path, Rule.Body, $"body must be a JSON object, got {document.RootElement.ValueKind}"));
            }
            else if (shape is null)
            {
                if (document.RootElement.EnumerateObject().Any())
                {
                    violations.Add(new(path, Rule.UnknownMember, "the operation has no input, the body must be {}"));
                }
            }
            else
            {
                JsonBodyChecker.Check(path, document.RootElement, shape, violations);
            }
        }
    }

    private static void Query(ServiceModel model, OperationModel operation, AwsRequest request, List<Violation> violations)
    {
        var name = operation.Name;
        PostToRoot(operation, request, violations);
        if (request.ContentType is null || !request.ContentType.StartsWith(FormContentType, StringComparison.OrdinalIgnoreCase))
        {
            violations.Add(new(name, Rule.ContentType, $"Content-Type must be '{FormContentType}; charset=utf-8', got '{request.ContentType ?? "(none)"}'"));
        }

        var form = FormEncoding.Parse(Encoding.UTF8.GetString(request.Body), name, violations);
        CheckFixed(form, "Action", name, Rule.Action, violations);
        CheckFixed(form, "Version", model.ApiVersion, Rule.Version, violations);

        var members = form.Where(p => p.Key is not ("Action" or "Version")).ToArray();
        if (operation.Input is null)
        {
            foreach (var (key, _) in members)
            {
                violations.Add(new($"{name}.{key}", Rule.UnknownMember, "the operation has no input"));
            }

            return;
        }

        new QueryBodyChecker(model.Protocol == "ec2", violations).Check(name, operation.Input, members);
    }

    private static void CheckFixed(List<KeyValuePair<string, string>> form, string key, string expected, string rule, List<Violation> violations)
    {
        var values = form.Where(p => p.Key == key).Select(p => p.Value).ToArray();
        if (values.Length != 1 || values[0] != expected)
        {
            violations.Add(new(key, rule, $"{key} must be '{expected}', got {(values.Length == 0 ? "nothing" : string.Join(", ", values.Select(v => $"'{v}'")))}"));
        }
    }

    private static void PostToRoot(OperationModel operation, AwsRequest request, List<Violation> violations)
    {
        if (request.Method != HttpMethod.Post)
        {
            violations.Add(new(operation.Name, Rule.Method, $"must be POST, got {request.Method}"));
        }

        if (request.PathAndQuery != "/")
        {
            violations.Add(new(operation.Name, Rule.Uri, $"must be sent to '/', got '{request.PathAndQuery}'"));
        }
    }

    internal static string? Header(AwsRequest request, string name) =>
        request.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
