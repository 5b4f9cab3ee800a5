using System.Text;
using System.Text.Json;
using System.Xml;

namespace FargateApi.Aws.Http;

/// <summary>
/// Turns a non-2xx response of any of the four protocols into an <see cref="AwsServiceException"/> with code,
/// message, status and request id. Rules from the Smithy AWS protocol specs
/// (https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html#operation-error-serialization,
/// .../aws-restjson1-protocol.html, .../aws-query-protocol.html, .../aws-ec2-query-protocol.html): the
/// <c>x-amzn-ErrorType</c> header wins, then the body's <c>code</c> / <c>__type</c>; a code is cut after '#'
/// (<c>com.amazonaws.ecs#ClientException</c>) and before ':' (<c>ValidationException:http://internal.amazon.com/...</c>).
/// </summary>
internal static class AwsErrorParser
{
    public const string ErrorTypeHeader = "x-amzn-ErrorType";
    public const string RequestIdHeader = "x-amzn-RequestId";
    private const string AlternateRequestIdHeader = "x-amz-request-id";

    /// <summary>How much of an unparseable body goes into the message: enough to recognise an HTML error page or a proxy.</summary>
    private const int BodyExcerptChars = 200;

    public static AwsServiceException Parse(
        AwsService service,
        string operation,
        int httpStatus,
        IReadOnlyDictionary<string, string> headers,
        ReadOnlySpan<byte> body)
    {
        string? code = null;
        string? message = null;
        string? requestId = Header(headers, RequestIdHeader) ?? Header(headers, AlternateRequestIdHeader);

        if (service.Protocol is AwsProtocol.Json or AwsProtocol.RestJson)
        {
            code = Header(headers, ErrorTypeHeader);
            ReadJson(body, service.Protocol == AwsProtocol.RestJson, ref code, out message);
        }
        else
        {
            ReadXml(body, out code, out message, out string? bodyRequestId);
            requestId ??= bodyRequestId;
        }

        code = SanitizeCode(code);
        if (code is null)
        {
            return new AwsServiceException(
                Name(service), operation, $"Http{httpStatus}", Describe(httpStatus, body, message), httpStatus, requestId);
        }

        return new AwsServiceException(Name(service), operation, code, message ?? "(no message)", httpStatus, requestId);
    }

    /// <summary>The service's name in errors and logs: its endpoint prefix (ecs, elasticloadbalancing, iam, logs ...).</summary>
    public static string Name(AwsService service) => service.EndpointPrefix;

    public static string? SanitizeCode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        int colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        int hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }

        code = code.Trim();
        return code.Length == 0 ? null : code;
    }

    private static void ReadJson(ReadOnlySpan<byte> body, bool restJson, ref string? code, out string? message)
    {
        message = null;
        if (body.IsEmpty)
        {
            return;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using JsonDocument document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            JsonElement root = document.RootElement;
            code ??= String(root, "code") ?? String(root, "__type");

            // Lambda's body "Type" is "User" or "Service" (fault side), not the code; only a last resort.
            if (restJson)
            {
                code ??= String(root, "Type");
            }

            message = String(root, "message") ?? String(root, "Message") ?? String(root, "errorMessage");
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, a truncated body): the caller falls back to status and excerpt.
        }
    }

    private static void ReadXml(ReadOnlySpan<byte> body, out string? code, out string? message, out string? requestId)
    {
        code = null;
        message = null;
        requestId = null;
        if (body.IsEmpty)
        {
            return;
        }

        // Query: <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>.
        // EC2:   <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>.
        // The first Code and Message win (EC2 may list several errors; the first is the cause).
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        try
        {
            using var stream = new MemoryStream(body.ToArray(), writable: false);
            using var reader = XmlReader.Create(stream, settings);
            reader.MoveToContent();
            while (!reader.EOF)
            {
                // ReadElementContentAsString moves past the element, so only advance explicitly when nothing was read.
                if (reader.NodeType == XmlNodeType.Element && (reader.LocalName, code, message, requestId) is
                    ("Code", null, _, _) or ("Message", _, null, _) or ("RequestId" or "RequestID", _, _, null))
                {
                    string name = reader.LocalName;
                    string value = reader.ReadElementContentAsString().Trim();
                    switch (name)
                    {
                        case "Code":
                            code = value;
                            break;
                        case "Message":
                            message = value;
                            break;
                        default:
                            requestId = value;
                            break;
                    }
                }
                else
                {
                    reader.Read();
                }
            }
        }
        catch (XmlException)
        {
            // Keep what was read before the document broke off.
        }
    }

    private static string Describe(int httpStatus, ReadOnlySpan<byte> body, string? message)
    {
        if (message is not null)
        {
            return message;
        }

        if (body.IsEmpty)
        {
            return $"HTTP {httpStatus} with an empty body";
        }

        string text = Encoding.UTF8.GetString(body[..Math.Min(body.Length, BodyExcerptChars * 4)]);
        var excerpt = new StringBuilder(BodyExcerptChars);
        foreach (char c in text)
        {
            if (excerpt.Length == BodyExcerptChars)
            {
                break;
            }

            excerpt.Append(char.IsControl(c) ? ' ' : c);
        }

        return $"HTTP {httpStatus} with an unrecognised body ({body.Length} bytes): {excerpt}";
    }

    private static string? Header(IReadOnlyDictionary<string, string> headers, string name)
    {
        if (!headers.TryGetValue(name, out string? value))
        {
            // Header names are case-insensitive; the caller's dictionary may not be.
            value = headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        }

        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
