using System.Text.Json;

namespace FargateApi.Lambda.CloudFormation;

internal enum RequestType
{
    Create,
    Update,
    Delete,
}

/// <summary>
/// Where and for whom a response goes. StackId, RequestId and LogicalResourceId are copied verbatim into the response
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-responses.html).
/// </summary>
/// <param name="ResponseUrl">Pre-signed: whoever holds it can answer for the resource, so it is never logged.</param>
internal sealed record ResponseTarget(Uri ResponseUrl, string StackId, string RequestId, string LogicalResourceId);

/// <summary>
/// A well-formed custom resource event
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requests.html).
/// Property values stay raw JSON: CloudFormation stringifies numbers and booleans, and reading them is the properties reader's job.
/// </summary>
/// <param name="PhysicalResourceId">Present on Update and Delete only.</param>
/// <param name="OldResourceProperties">Present on Update only.</param>
internal sealed record CustomResourceRequest(
    ResponseTarget Target,
    RequestType RequestType,
    string ResourceType,
    string? PhysicalResourceId,
    JsonElement ResourceProperties,
    JsonElement? OldResourceProperties);

/// <summary>What the parser made of an event: one of three cases, each of which the handler treats differently.</summary>
internal abstract record ParsedEvent;

internal sealed record WellFormedEvent(CustomResourceRequest Request) : ParsedEvent;

/// <summary>Broken, but it names a ResponseURL and the ids: it still gets a FAILED response.</summary>
/// <param name="PhysicalResourceId">The event's id when it carried a usable one.</param>
internal sealed record MalformedEvent(ResponseTarget Target, RequestType? RequestType, string? PhysicalResourceId, string Problem) : ParsedEvent;

/// <summary>Nowhere to answer: the invocation itself fails, and the log says why.</summary>
internal sealed record UnanswerableEvent(string Problem) : ParsedEvent;
