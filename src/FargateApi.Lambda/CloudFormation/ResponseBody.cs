using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FargateApi.Lambda.CloudFormation;

/// <summary>
/// Writes the response JSON within CloudFormation's size limit. Over the limit the stack shows only
/// "Response object is too long." (aws/aws-cdk#2825), losing the real Reason, so the Reason is shortened here first,
/// keeping its head where the cause usually is.
/// </summary>
internal static class ResponseBody
{
    /// <summary>"The size of the response body can't exceed 4096 bytes" (crpg-ref-responses.html; research pitfall 1).</summary>
    public const int MaxBytes = 4096;

    public const string TruncationMark = " [...truncated]";

    /// <summary>Non-ASCII text stays UTF-8 rather than six-byte escapes: more Reason fits in the limit.</summary>
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The body to PUT, never over <see cref="MaxBytes"/>, and the response it actually encodes.</summary>
    public static (byte[] Body, CustomResourceResponse Sent) Fit(CustomResourceResponse response)
    {
        var body = Write(response);
        if (body.Length <= MaxBytes)
        {
            return (body, response);
        }

        var reason = response.Reason ?? string.Empty;
        var shortest = response with { Reason = TruncationMark.TrimStart() };
        if (Write(shortest).Length > MaxBytes)
        {
            // Without Data only absurdly long ids could still overflow: send the minimum and let CloudFormation say so.
            return response.Data.Count > 0 ? FitWithoutData(response, body.Length) : (Write(shortest), shortest);
        }

        // The longest head of the Reason that fits: binary search on the character count, since JSON escaping
        // makes the byte size of a prefix impossible to compute from its length alone.
        var (low, high) = (0, reason.Length);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (Write(response with { Reason = Head(reason, middle) }).Length <= MaxBytes)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        var fitted = response with { Reason = Head(reason, low) };
        return (Write(fitted), fitted);
    }

    public static byte[] Write(CustomResourceResponse response)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("Status", response.Status == ResponseStatus.Success ? "SUCCESS" : "FAILED");
            if (response.Reason is not null)
            {
                json.WriteString("Reason", response.Reason);
            }

            json.WriteString("PhysicalResourceId", response.PhysicalResourceId);
            json.WriteString("StackId", response.Target.StackId);
            json.WriteString("RequestId", response.Target.RequestId);
            json.WriteString("LogicalResourceId", response.Target.LogicalResourceId);
            json.WriteBoolean("NoEcho", response.NoEcho);
            json.WriteStartObject("Data");
            foreach (var (name, value) in response.Data)
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Data that cannot fit even beside a minimal Reason: a SUCCESS without its data would lie to <c>Fn::GetAtt</c>.</summary>
    private static (byte[] Body, CustomResourceResponse Sent) FitWithoutData(CustomResourceResponse response, int fullSize)
    {
        var reason = $"The response is {fullSize} bytes with its Data ({response.Data.Count} attributes), over CloudFormation's {MaxBytes}-byte limit; the Data cannot be returned.";
        if (response.Status == ResponseStatus.Failed && !string.IsNullOrEmpty(response.Reason))
        {
            reason += $" Original failure: {response.Reason}";
        }

        var failed = response with { Status = ResponseStatus.Failed, Reason = reason, NoEcho = false, Data = CustomResourceResponse.EmptyData };
        return Fit(failed);
    }

    /// <summary>The first <paramref name="length"/> characters and the mark, never splitting a surrogate pair.</summary>
    private static string Head(string reason, int length)
    {
        if (length > 0 && length < reason.Length && char.IsHighSurrogate(reason[length - 1]))
        {
            length--;
        }

        return new StringBuilder(length + TruncationMark.Length).Append(reason, 0, length).Append(TruncationMark).ToString();
    }
}
