using System.Collections.Frozen;
using System.Xml.Linq;
using FargateApi.Aws.Http;

namespace FargateApi.Aws.Protocols;

/// <summary>
/// awsQuery and ec2Query calls: <c>POST /</c> with a form body, XML answers. awsQuery wraps the output in
/// <c>&lt;{Op}Response&gt;&lt;{Op}Result&gt;</c> (the model's resultWrapper); ec2Query puts the output members straight
/// under <c>&lt;{Op}Response&gt;</c>. See https://smithy.io/2.0/aws/protocols/aws-query-protocol.html and
/// https://smithy.io/2.0/aws/protocols/aws-ec2-query-protocol.html.
/// </summary>
internal static class QueryProtocol
{
    internal const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";

    private static readonly IReadOnlyDictionary<string, string> NoHeaders = FrozenDictionary<string, string>.Empty;

    public static QueryParameters Parameters(AwsService service, string action) => new(
        action,
        service.ApiVersion,
        service.Protocol == AwsProtocol.Ec2 ? QueryListStyle.Flat : QueryListStyle.Member);

    public static AwsRequest CreateRequest(QueryParameters parameters)
        => new(parameters.Action, HttpMethod.Post, "/", NoHeaders, parameters.ToBody(), ContentType);

    /// <summary>
    /// Sends the call and returns the element holding the output members: <c>{Op}Result</c> for awsQuery (an empty element
    /// when the operation has no output), the root for ec2Query.
    /// </summary>
    public static async Task<XElement> CallAsync(IAwsCaller caller, AwsService service, QueryParameters parameters, CancellationToken cancellationToken)
    {
        var response = await caller.SendAsync(service, CreateRequest(parameters), cancellationToken).ConfigureAwait(false);
        return ReadResult(service, parameters.Action, response.Body);
    }

    public static XElement ReadResult(AwsService service, string action, byte[] body)
    {
        var root = AwsXml.Parse(action, body);
        if (service.Protocol == AwsProtocol.Ec2)
        {
            return root;
        }

        return root.Child(action + "Result") ?? new XElement(action + "Result");
    }
}
