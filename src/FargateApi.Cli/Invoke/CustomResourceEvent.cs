using System.Text.Json;
using FargateApi.Properties;

namespace FargateApi.Cli.Invoke;

internal enum EventRequestType
{
    Create,
    Update,
    Delete,
}

/// <summary>
/// The members of a CloudFormation custom-resource request the provider uses
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requests.html). The properties stay JSON:
/// the core's reader takes them as the Lambda does.
/// </summary>
internal sealed record CustomResourceEvent(
    EventRequestType RequestType,
    string RequestId,
    string StackId,
    string LogicalResourceId,
    string ResourceType,
    string? PhysicalResourceId,
    string? ResponseUrl,
    JsonElement ResourceProperties,
    JsonElement? OldResourceProperties)
{
    /// <summary>Stands in when a hand-written event has no ResourceProperties (CloudFormation always sends at least the ServiceToken).</summary>
    private static readonly JsonElement NoProperties = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>The event, or the first thing missing from it.</summary>
    public static CustomResourceEvent? Parse(JsonElement root, out string problem)
    {
        problem = string.Empty;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problem = "the event is not a JSON object";
            return null;
        }

        // A string that is not valid text (an escaped lone surrogate) reads as absent instead of throwing.
        string? Text(string name) => root.TryGetProperty(name, out var value) && JsonText.TryGetString(value, out var text) ? text : null;

        var missing = new[] { "RequestType", "RequestId", "StackId", "LogicalResourceId", "ResourceType" }.Where(name => string.IsNullOrEmpty(Text(name))).ToList();
        if (missing.Count > 0)
        {
            problem = $"the event lacks {string.Join(", ", missing)}";
            return null;
        }

        if (!Enum.TryParse<EventRequestType>(Text("RequestType"), ignoreCase: false, out var requestType))
        {
            problem = $"RequestType {ValueText.Quote(Text("RequestType")!)} is none of Create, Update, Delete";
            return null;
        }

        var physicalId = Text("PhysicalResourceId");
        if (requestType != EventRequestType.Create && string.IsNullOrEmpty(physicalId))
        {
            problem = $"a {requestType} event needs a PhysicalResourceId";
            return null;
        }

        var properties = root.TryGetProperty("ResourceProperties", out var given) ? given.Clone() : NoProperties;
        JsonElement? old = root.TryGetProperty("OldResourceProperties", out var previous) ? previous.Clone() : null;
        return new CustomResourceEvent(requestType, Text("RequestId")!, Text("StackId")!, Text("LogicalResourceId")!, Text("ResourceType")!, physicalId, Text("ResponseURL"), properties, old);
    }
}
