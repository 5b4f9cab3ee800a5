using System.Text;
using System.Text.Json;
using System.Web;

namespace FargateApi.IntegrationTests.Moto;

/// <summary>
/// The requests moto served, from its recorder file: the independent read of fields moto accepts but does not keep.
/// moto 5.2.1's CreateService drops deploymentConfiguration, enableExecuteCommand and healthCheckGracePeriodSeconds
/// (moto/ecs/responses.py create_service reads neither), and RegisterScalableTarget drops Tags.
/// </summary>
public static class MotoRecording
{
    /// <summary>Bodies of the JSON-protocol calls of one operation (X-Amz-Target, e.g. <c>AmazonEC2ContainerServiceV20141113.CreateService</c>).</summary>
    public static IReadOnlyList<JsonElement> JsonCalls(MotoServer moto, string target) =>
        [.. Entries(moto)
            .Where(entry => Header(entry, "X-Amz-Target") == target)
            .Select(entry => JsonDocument.Parse(Body(entry)).RootElement.Clone())];

    /// <summary>Form fields of the query-protocol calls of one action (EC2, ELBv2, IAM, STS).</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> QueryCalls(MotoServer moto, string action) =>
        [.. Entries(moto)
            .Select(entry => HttpUtility.ParseQueryString(Body(entry)))
            .Where(form => form["Action"] == action)
            .Select(form => (IReadOnlyDictionary<string, string>)form.AllKeys.OfType<string>().ToDictionary(key => key, key => form[key]!))];

    private static IEnumerable<JsonElement> Entries(MotoServer moto)
    {
        if (!File.Exists(moto.RecordingPath))
        {
            yield break;
        }

        foreach (var line in File.ReadAllLines(moto.RecordingPath).Where(line => line.Length > 0))
        {
            yield return JsonDocument.Parse(line).RootElement.Clone();
        }
    }

    private static string? Header(JsonElement entry, string name) =>
        entry.GetProperty("headers").EnumerateObject().FirstOrDefault(header => string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String } value
            ? value.GetString()
            : null;

    private static string Body(JsonElement entry)
    {
        var body = entry.GetProperty("body");
        if (body.ValueKind != JsonValueKind.String)
        {
            return string.Empty;
        }

        return entry.GetProperty("body_encoded").GetBoolean() ? Encoding.UTF8.GetString(Convert.FromBase64String(body.GetString()!)) : body.GetString()!;
    }
}
