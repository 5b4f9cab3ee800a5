using System.Text.RegularExpressions;
using FargateApi.Aws.Http;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>
/// rest-json (Lambda): method and URI from the operation's <c>http</c> block with its labels filled from <c>location: uri</c>
/// members, <c>location: querystring</c> and <c>location: header</c> members by their locationName, and the body either the
/// <c>payload</c> member or a JSON object of the unbound members (botocore's BaseRestSerializer).
/// </summary>
internal static class RestJsonRequestValidator
{
    private static readonly Regex Label = new(@"\{(?<name>[^}+]+)(?<greedy>\+?)\}", RegexOptions.CultureInvariant);

    public static void Validate(OperationModel operation, AwsRequest request, List<Violation> violations)
    {
        var name = operation.Name;
        if (!string.Equals(request.Method.Method, operation.HttpMethod, StringComparison.OrdinalIgnoreCase))
        {
            violations.Add(new(name, Rule.Method, $"must be {operation.HttpMethod}, got {request.Method}"));
        }

        var input = operation.Input;
        var members = input?.Members ?? [];
        var present = new List<string>();

        var (requestPath, requestQuery) = Split(request.PathAndQuery);
        var (templatePath, templateQuery) = Split(operation.RequestUri);
        UriLabels(name, templatePath, requestPath, members, present, violations);
        QueryString(name, templateQuery, requestQuery, members, present, violations);
        Headers(name, request, members, present, violations);

        foreach (var member in members.Where(m => m.Shape.Location is not null && !present.Contains(m.Name)))
        {
            if (input!.Required.Contains(member.Name))
            {
                violations.Add(new($"{name}.{member.Name}", Rule.MissingRequired, $"{input.Name} requires {member.Name} ({member.Shape.Location} '{member.Shape.LocationName}')"));
            }
        }

        Body(name, input, request, violations);
    }

    private static void UriLabels(string name, string template, string path, IReadOnlyList<ShapeMember> members, List<string> present, List<Violation> violations)
    {
        var pattern = "^" + Label.Replace(Regex.Escape(template).Replace(@"\{", "{", StringComparison.Ordinal).Replace(@"\+}", "+}", StringComparison.Ordinal), m =>
            $"(?<{Group(m.Groups["name"].Value)}>{(m.Groups["greedy"].Value == "+" ? ".+" : "[^/]+")})") + "$";
        var match = Regex.Match(path, pattern, RegexOptions.CultureInvariant);
        if (!match.Success)
        {
            violations.Add(new(name, Rule.Uri, $"path '{path}' does not match the model's '{template}'"));
            return;
        }

        foreach (Match label in Label.Matches(template))
        {
            var labelName = label.Groups["name"].Value;
            var member = members.FirstOrDefault(m => m.Shape.Location == "uri" && (m.Shape.LocationName ?? m.Name) == labelName);
            if (member is null)
            {
                violations.Add(new(name, Rule.Uri, $"label {{{labelName}}} has no uri member"));
                continue;
            }

            present.Add(member.Name);
            var value = Uri.UnescapeDataString(match.Groups[Group(labelName)].Value);
            ShapeChecks.Text($"{name}.{member.Name}", member.Shape, value, violations);
        }
    }

    private static void QueryString(string name, string templateQuery, string query, IReadOnlyList<ShapeMember> members, List<string> present, List<Violation> violations)
    {
        var fixedKeys = templateQuery.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0]).ToHashSet(StringComparer.Ordinal);
        foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? part : part[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(part[(equals + 1)..]);
            if (fixedKeys.Contains(key))
            {
                continue;
            }

            var member = members.FirstOrDefault(m => m.Shape.Location == "querystring" && (m.Shape.LocationName ?? m.Name) == key);
            if (member is null)
            {
                violations.Add(new($"{name}?{key}", Rule.UnknownQuery, $"no querystring member is named '{key}'"));
                continue;
            }

            present.Add(member.Name);
            var shape = member.Shape.Type == "list" ? member.Shape.ListMember : member.Shape;
            ShapeChecks.Text($"{name}.{member.Name}", shape, value, violations);
        }
    }

    private static void Headers(string name, AwsRequest request, IReadOnlyList<ShapeMember> members, List<string> present, List<Violation> violations)
    {
        foreach (var (header, value) in request.Headers)
        {
            var member = members.FirstOrDefault(m =>
                m.Shape.Location == "header" && string.Equals(m.Shape.LocationName, header, StringComparison.OrdinalIgnoreCase));
            if (member is null)
            {
                if (!string.Equals(header, "Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    violations.Add(new($"{name}[{header}]", Rule.UnknownHeader, $"no header member is named '{header}'"));
                }

                continue;
            }

            present.Add(member.Name);
            ShapeChecks.Text($"{name}.{member.Name}", member.Shape, value, violations);
        }
    }

    private static void Body(string name, Shape? input, AwsRequest request, List<Violation> violations)
    {
        if (input?.Payload is { } payloadName)
        {
            var payload = input.Member(payloadName)!;
            if (payload.Shape.Type == "structure" && request.Body.Length > 0)
            {
                RequestValidator.CheckJsonBody($"{name}.{payloadName}", request.Body, payload.Shape, violations);
            }
            else if (payload.Shape.Type == "structure" && input.Required.Contains(payloadName))
            {
                violations.Add(new($"{name}.{payloadName}", Rule.MissingRequired, "the payload structure is required"));
            }

            // A blob or string payload is the raw body: any bytes are valid.
            return;
        }

        var hasBodyMembers = input?.Members.Any(m => m.Shape.Location is null) == true;
        if (request.Body.Length == 0)
        {
            var requiredInBody = input?.Members.Where(m => m.Shape.Location is null && input.Required.Contains(m.Name)).ToArray() ?? [];
            foreach (var member in requiredInBody)
            {
                violations.Add(new($"{name}.{member.Name}", Rule.MissingRequired, "the body is empty"));
            }

            return;
        }

        if (!hasBodyMembers)
        {
            violations.Add(new(name, Rule.Body, $"the operation has no body members, but {request.Body.Length} bytes were sent"));
            return;
        }

        RequestValidator.CheckJsonBody(name, request.Body, input, violations);
    }

    private static (string Path, string Query) Split(string pathAndQuery)
    {
        var question = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? (pathAndQuery, "") : (pathAndQuery[..question], pathAndQuery[(question + 1)..]);
    }

    private static string Group(string label) => "l_" + Regex.Replace(label, "[^A-Za-z0-9]", "_");
}
