using System.Text;
using FargateApi.Aws.Http;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>Requests written by hand, as a correct or broken client would put them on the wire, to test the validator itself.</summary>
internal static class HandMadeRequests
{
    public static AwsRequest Json(string targetPrefix, string operation, string body, string contentType = "application/x-amz-json-1.1", string? target = null) => new(
        operation,
        HttpMethod.Post,
        "/",
        new Dictionary<string, string> { ["X-Amz-Target"] = target ?? $"{targetPrefix}.{operation}" },
        Encoding.UTF8.GetBytes(body),
        contentType);

    public static AwsRequest Ecs(string operation, string body) => Json("AmazonEC2ContainerServiceV20141113", operation, body);

    /// <summary>A form body from ordered pairs, percent-encoded the way AWS expects (RFC 3986 unreserved kept).</summary>
    public static AwsRequest Form(string operation, params (string Key, string Value)[] pairs) => new(
        operation,
        HttpMethod.Post,
        "/",
        new Dictionary<string, string>(),
        Encoding.UTF8.GetBytes(string.Join("&", pairs.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}"))),
        "application/x-www-form-urlencoded; charset=utf-8");

    public static AwsRequest Query(string operation, string version, params (string Key, string Value)[] members) =>
        Form(operation, [("Action", operation), ("Version", version), .. members]);

    public static AwsRequest Elbv2(string operation, params (string Key, string Value)[] members) => Query(operation, "2015-12-01", members);

    public static AwsRequest Ec2(string operation, params (string Key, string Value)[] members) => Query(operation, "2016-11-15", members);

    public static AwsRequest Iam(string operation, params (string Key, string Value)[] members) => Query(operation, "2010-05-08", members);

    public static AwsRequest Invoke(string path = "/2015-03-31/functions/fargate-api-provider/invocations", string invocationType = "Event", string method = "POST", params (string, string)[] extraHeaders)
    {
        var headers = new Dictionary<string, string> { ["X-Amz-Invocation-Type"] = invocationType };
        foreach (var (name, value) in extraHeaders)
        {
            headers[name] = value;
        }

        return new AwsRequest("Invoke", new HttpMethod(method), path, headers, """{"RequestType":"Create"}"""u8.ToArray(), "application/json");
    }
}
