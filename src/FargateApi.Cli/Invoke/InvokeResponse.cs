using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FargateApi.Provisioning;

namespace FargateApi.Cli.Invoke;

/// <summary>
/// The response CloudFormation would receive
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-responses.html), in the shape the Lambda
/// edge writes it (FargateApi.Lambda CloudFormation/ResponseBody).
/// </summary>
internal sealed record InvokeResponse(bool Success, string? Reason, string PhysicalResourceId, CustomResourceEvent Event, IReadOnlyDictionary<string, string> Data)
{
    /// <summary>"The size of the response body can't exceed 4096 bytes" (crpg-ref-responses.html): the CLI warns, the Lambda cuts.</summary>
    public const int MaxBytes = 4096;

    /// <summary>Hex characters of the RequestId's SHA-256 in a failed Create's id, as FargateApi.Lambda FailedCreateId.</summary>
    private const int FailedCreateHashLength = 12;

    /// <summary>The id a FAILED answer carries: the event's own on Update and Delete, a recognisable marker on Create (the
    /// rollback Delete carries it back), built as FargateApi.Lambda FailedCreateId does.</summary>
    public static string FallbackPhysicalId(CustomResourceEvent request) =>
        request.RequestType != EventRequestType.Create && request.PhysicalResourceId is { } id
            ? id
            : $"{PhysicalIds.FailedCreatePrefix}{request.LogicalResourceId}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.RequestId)))[..FailedCreateHashLength]}";

    public static InvokeResponse Failed(CustomResourceEvent request, string reason) =>
        new(false, reason, FallbackPhysicalId(request), request, new Dictionary<string, string>());

    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("Status", Success ? "SUCCESS" : "FAILED");
            if (Reason is not null)
            {
                json.WriteString("Reason", Reason);
            }

            json.WriteString("PhysicalResourceId", PhysicalResourceId);
            json.WriteString("StackId", Event.StackId);
            json.WriteString("RequestId", Event.RequestId);
            json.WriteString("LogicalResourceId", Event.LogicalResourceId);
            json.WriteBoolean("NoEcho", false);
            json.WriteStartObject("Data");
            foreach (var (key, value) in Data.OrderBy(d => d.Key, StringComparer.Ordinal))
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
