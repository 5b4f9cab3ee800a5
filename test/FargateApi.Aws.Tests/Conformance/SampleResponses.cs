using System.Text;
using System.Text.Json;
using FargateApi.Aws.Http;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>
/// A fully populated successful response for any operation, in its protocol's wire form, generated from the output shape:
/// every member set, lists with <see cref="SampleValues.ListItems"/> items, maps with one entry, enums their first value.
/// Recursion stops at a shape already being written or at <see cref="SampleValues.MaxDepth"/>.
/// </summary>
internal static class SampleResponses
{
    /// <summary>
    /// Lambda answers an Event (asynchronous) Invoke with 202 and no payload, not the operation's modelled 200: the model's
    /// InvocationResponse.StatusCode documentation says so, and callers check it.
    /// </summary>
    public const int AcceptedStatus = 202;

    /// <param name="request">The request being answered, when its members change the answer (Lambda InvocationType Event).</param>
    public static AwsResponse For(ServiceModel model, string operationName, AwsRequest? request = null)
    {
        var operation = model.Operation(operationName);
        return model.Protocol switch
        {
            "json" => Json(model, operation),
            "query" => SampleXml.Query(model, operation),
            "ec2" => SampleXml.Ec2(model, operation),
            "rest-json" when request is not null && IsEventInvoke(model, operationName, request) =>
                new AwsResponse(AcceptedStatus, Headers(), []),
            "rest-json" => RestJson(operation),
            _ => throw new NotSupportedException($"protocol {model.Protocol}"),
        };
    }

    private static AwsResponse Json(ServiceModel model, OperationModel operation)
    {
        var body = operation.Output is null ? "{}"u8.ToArray() : JsonBody(operation.Output, bodyOnly: false);
        return new AwsResponse(200, Headers(("Content-Type", $"application/x-amz-json-{model.JsonVersion}")), body);
    }

    /// <summary>rest-json: header members become headers, the payload member (or the other members as JSON) the body.</summary>
    private static AwsResponse RestJson(OperationModel operation)
    {
        var headers = new List<(string, string)> { ("Content-Type", "application/json") };
        var body = Array.Empty<byte>();
        var status = operation.ResponseCode;
        if (operation.Output is { } output)
        {
            foreach (var member in output.Members.Where(m => m.Shape.Location == "header"))
            {
                headers.Add((member.Shape.LocationName ?? member.Name, SampleValues.Text(member.Shape, member.Name, 0)));
            }

            if (output.Payload is { } payloadName)
            {
                var payload = output.Member(payloadName)!;
                body = payload.Shape.Type == "structure"
                    ? JsonBody(payload.Shape, bodyOnly: false)
                    : """{"sample":"function response"}"""u8.ToArray();
            }
            else
            {
                body = JsonBody(output, bodyOnly: true);
            }
        }

        return new AwsResponse(status, Headers([.. headers]), body);
    }

    private static bool IsEventInvoke(ServiceModel model, string operation, AwsRequest request) =>
        model.Service == "lambda" && operation == "Invoke" && RequestValidator.Header(request, "X-Amz-Invocation-Type") == "Event";

    public static byte[] JsonBody(Shape shape, bool bodyOnly)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteJson(writer, shape, "", 0, new Stack<string>(), bodyOnly);
        }

        return buffer.ToArray();
    }

    private static void WriteJson(Utf8JsonWriter writer, Shape shape, string memberName, int index, Stack<string> open, bool bodyOnly)
    {
        switch (shape.Type)
        {
            case "structure":
                writer.WriteStartObject();
                if (!shape.IsDocument)
                {
                    open.Push(shape.Name);
                    var members = shape.Members.Where(m => !bodyOnly || m.Shape.Location is null);
                    // A union carries exactly one member.
                    foreach (var member in shape.IsUnion ? members.Take(1) : members)
                    {
                        if (Descend(member.Shape, open))
                        {
                            writer.WritePropertyName(member.Shape.LocationName ?? member.Name);
                            WriteJson(writer, member.Shape, member.Name, index, open, bodyOnly: false);
                        }
                    }

                    open.Pop();
                }

                writer.WriteEndObject();
                break;
            case "list":
                writer.WriteStartArray();
                for (var i = 0; i < SampleValues.ListItems; i++)
                {
                    WriteJson(writer, shape.ListMember, Singular(memberName), i, open, bodyOnly: false);
                }

                writer.WriteEndArray();
                break;
            case "map":
                writer.WriteStartObject();
                writer.WritePropertyName(SampleValues.String(shape.MapKey, memberName + "Key", index));
                WriteJson(writer, shape.MapValue, memberName, index, open, bodyOnly: false);
                writer.WriteEndObject();
                break;
            case "integer" or "long" or "double" or "float":
                writer.WriteRawValue(SampleValues.Text(shape, memberName, index));
                break;
            case "boolean":
                writer.WriteBooleanValue(true);
                break;
            case "timestamp":
                if ((shape.TimestampFormat ?? "unixTimestamp") == "unixTimestamp")
                {
                    writer.WriteNumberValue(SampleValues.EpochSeconds);
                }
                else
                {
                    writer.WriteStringValue(SampleValues.TimestampText(shape.TimestampFormat));
                }

                break;
            default:
                writer.WriteStringValue(SampleValues.Text(shape, memberName, index));
                break;
        }
    }

    /// <summary>Whether to write a member: structures that are already open (recursive shapes) or too deep are left out.</summary>
    internal static bool Descend(Shape member, Stack<string> open)
    {
        var target = member;
        while (target.Type is "list" or "map")
        {
            target = target.Type == "list" ? target.ListMember : target.MapValue;
        }

        return target.Type != "structure" || (!open.Contains(target.Name) && open.Count < SampleValues.MaxDepth);
    }

    internal static string Singular(string name) => name.EndsWith('s') && name.Length > 1 ? name[..^1] : name;

    internal static Dictionary<string, string> Headers(params (string Name, string Value)[] headers)
    {
        var all = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["x-amzn-RequestId"] = SampleValues.RequestId };
        foreach (var (name, value) in headers)
        {
            all[name] = value;
        }

        return all;
    }

    internal static string Utf8(byte[] body) => Encoding.UTF8.GetString(body);
}
