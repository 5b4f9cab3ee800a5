using FargateApi.Aws.Http;
using FargateApi.Aws.Tests.Support;

namespace FargateApi.Aws.Tests.Http;

public sealed class ErrorParsingOnTheWireTests
{
    private static readonly Dictionary<string, (ServerReply Reply, string Code, string Message, int Status, string RequestId)> Cases = new()
    {
        ["json __type with namespace"] = (
            ServerReply.Text(400, """{"__type":"com.amazonaws.ecs#ClusterNotFoundException","message":"Cluster not found."}""", "application/x-amz-json-1.1", ("x-amzn-RequestId", "r-1")),
            "ClusterNotFoundException", "Cluster not found.", 400, "r-1"),
        ["json header with URL suffix wins over body"] = (
            ServerReply.Text(400, """{"__type":"Other","Message":"Role is invalid"}""", "application/x-amz-json-1.1", ("x-amzn-ErrorType", "InvalidParameterException:http://internal.amazon.com/coral/com.amazon.ecs/"), ("x-amzn-RequestId", "r-2")),
            "InvalidParameterException", "Role is invalid", 400, "r-2"),
        ["query"] = (
            ServerReply.Text(400, """<ErrorResponse xmlns="http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/"><Error><Type>Sender</Type><Code>TargetGroupNotFound</Code><Message>One or more target groups not found</Message></Error><RequestId>r-3</RequestId></ErrorResponse>""", "text/xml"),
            "TargetGroupNotFound", "One or more target groups not found", 400, "r-3"),
        ["ec2"] = (
            ServerReply.Text(400, """<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>InvalidGroup.NotFound</Code><Message>The security group 'sg-1' does not exist</Message></Error></Errors><RequestID>r-4</RequestID></Response>""", "text/xml;charset=UTF-8"),
            "InvalidGroup.NotFound", "The security group 'sg-1' does not exist", 400, "r-4"),
        ["rest-json"] = (
            ServerReply.Text(404, """{"Type":"User","Message":"Function not found: arn:aws:lambda:eu-west-1:1:function:f"}""", "application/json", ("x-amzn-ErrorType", "ResourceNotFoundException"), ("x-amzn-RequestId", "r-5")),
            "ResourceNotFoundException", "Function not found: arn:aws:lambda:eu-west-1:1:function:f", 404, "r-5"),
        ["html from a proxy"] = (
            ServerReply.Text(403, "<html><body>Forbidden by proxy</body></html>", "text/html"),
            "Http403", "HTTP 403 with an unrecognised body (44 bytes): <html><body>Forbidden by proxy</body></html>", 403, ""),
    };

    public static TheoryData<string> Errors() => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Error_response_becomes_an_exception_with_code_message_status_and_request_id(
        string protocolCase)
    {
        var (reply, code, message, status, requestId) = Cases[protocolCase];
        await using var server = LoopbackAwsServer.Scripted(reply);
        var caller = new WireHarness().Caller(server);
        var service = protocolCase switch
        {
            "query" => TestServices.Elbv2,
            "ec2" => TestServices.Ec2,
            "rest-json" => TestServices.Lambda,
            _ => TestServices.Ecs,
        };

        var error = await Assert.ThrowsAsync<AwsServiceException>(
            () => caller.SendAsync(service, TestServices.For(service, "Describe"), CancellationToken.None));

        Assert.Equal((code, message, status, requestId), (error.ErrorCode, error.ErrorMessage, error.HttpStatus, error.RequestId ?? ""));
        Assert.Equal((service.EndpointPrefix, "Describe"), (error.Service, error.Operation));
        Assert.Contains(code, error.Message, StringComparison.Ordinal);
    }
}
