namespace FargateApi.Lambda.CloudFormation;

internal enum ResponseStatus
{
    Success,
    Failed,
}

/// <summary>
/// The answer to one request (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-responses.html).
/// </summary>
/// <param name="Reason">Required when FAILED; CloudFormation shows it in the stack events.</param>
/// <param name="NoEcho">Masks <paramref name="Data"/> in <c>Fn::GetAtt</c> output; such data is never logged either.</param>
internal sealed record CustomResourceResponse(
    ResponseStatus Status,
    string? Reason,
    string PhysicalResourceId,
    ResponseTarget Target,
    bool NoEcho,
    IReadOnlyDictionary<string, string> Data)
{
    public static CustomResourceResponse Failed(ResponseTarget target, string physicalResourceId, string reason) =>
        new(ResponseStatus.Failed, reason, physicalResourceId, target, false, EmptyData);

    public static IReadOnlyDictionary<string, string> EmptyData { get; } = new Dictionary<string, string>();
}
