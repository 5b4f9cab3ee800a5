using FargateApi.Aws.Http;
using FargateApi.Aws.Tests.Support;

namespace FargateApi.Aws.Tests.Http;

public sealed class SigningOnTheWireTests
{
    [Fact]
    public async Task Json_request_arrives_signed_and_the_server_recomputes_the_same_signature()
    {
        await using var server = LoopbackAwsServer.Scripted(ServerReply.Ok("""{"cluster":{}}"""));
        var caller = new WireHarness().Caller(server);

        AwsResponse response = await caller.SendAsync(
            TestServices.Ecs, TestServices.Json(TestServices.Ecs, "CreateCluster", """{"clusterName":"c"}"""), CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        RecordedRequest received = Assert.Single(server.Requests);
        Assert.Equal($"127.0.0.1:{server.BaseUri.Port}", received.Header("Host"));
        Assert.Matches("^[0-9]{8}T[0-9]{6}Z$", received.Header("X-Amz-Date"));
        Assert.Equal("AmazonEC2ContainerServiceV20141113.CreateCluster", received.Header("X-Amz-Target"));
        Assert.Equal("application/x-amz-json-1.1", received.Header("Content-Type"));
        Assert.Null(received.Header("X-Amz-Security-Token"));

        string authorization = received.Header("Authorization")!;
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDLOOPBACK/", authorization, StringComparison.Ordinal);
        Assert.EndsWith("/eu-west-1/ecs/aws4_request", SignatureVerifier.Part(authorization, "Credential="), StringComparison.Ordinal);
        Assert.Equal("content-type;host;x-amz-date;x-amz-target", SignatureVerifier.Part(authorization, "SignedHeaders="));
        Assert.Equal(SignatureVerifier.ExpectedAuthorization(received, TestServices.Credentials), authorization);
    }

    [Fact]
    public async Task Session_token_is_sent_and_covered_by_the_signature()
    {
        await using var server = LoopbackAwsServer.Scripted(ServerReply.Ok("<ok/>", "text/xml"));
        var caller = new WireHarness().Caller(server, TestServices.SessionCredentials);

        await caller.SendAsync(TestServices.Elbv2, TestServices.Query(TestServices.Elbv2, "DescribeTargetGroups"), CancellationToken.None);

        RecordedRequest received = Assert.Single(server.Requests);
        Assert.Equal(TestServices.SessionCredentials.SessionToken, received.Header("X-Amz-Security-Token"));
        string authorization = received.Header("Authorization")!;
        Assert.Contains("x-amz-security-token", SignatureVerifier.Part(authorization, "SignedHeaders=").Split(';'));
        Assert.Equal(SignatureVerifier.ExpectedAuthorization(received, TestServices.SessionCredentials), authorization);
    }

    [Fact]
    public async Task Encoded_rest_path_is_sent_as_is_and_signed_double_encoded()
    {
        await using var server = LoopbackAwsServer.Scripted(ServerReply.Ok("{}", "application/json"));
        var caller = new WireHarness().Caller(server);

        await caller.SendAsync(TestServices.Lambda, TestServices.For(TestServices.Lambda, "GetFunction"), CancellationToken.None);

        RecordedRequest received = Assert.Single(server.Requests);
        Assert.Equal("GET", received.Method);
        Assert.Equal("/2015-03-31/functions/my-fn%3Alive", received.Target);
        Assert.Equal(SignatureVerifier.ExpectedAuthorization(received, TestServices.Credentials), received.Header("Authorization"));
    }

    [Fact]
    public async Task Every_attempt_carries_user_agent_one_invocation_id_and_its_attempt_number()
    {
        await using var server = LoopbackAwsServer.Scripted(
            ServerReply.Text(503, "", "text/plain"), ServerReply.Text(503, "", "text/plain"), ServerReply.Ok());
        var caller = new WireHarness().Caller(server);

        await caller.SendAsync(TestServices.Ecs, TestServices.Json(TestServices.Ecs, "ListClusters"), CancellationToken.None);

        IReadOnlyList<RecordedRequest> requests = server.Requests;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Matches("^fargate-api/[0-9]", r.Header("User-Agent")));
        Assert.Single(requests.Select(r => r.Header("amz-sdk-invocation-id")).Distinct());
        Assert.True(Guid.TryParse(requests[0].Header("amz-sdk-invocation-id"), out _));
        string[] expected = ["attempt=1; max=20", "attempt=2; max=20", "attempt=3; max=20"];
        Assert.Equal(expected, requests.Select(r => r.Header("amz-sdk-request") ?? "").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Separate_calls_get_separate_invocation_ids()
    {
        await using var server = LoopbackAwsServer.Scripted(ServerReply.Ok());
        var caller = new WireHarness().Caller(server);

        await caller.SendAsync(TestServices.Ecs, TestServices.Json(TestServices.Ecs, "ListClusters"), CancellationToken.None);
        await caller.SendAsync(TestServices.Ecs, TestServices.Json(TestServices.Ecs, "ListClusters"), CancellationToken.None);

        Assert.Equal(2, server.Requests.Select(r => r.Header("amz-sdk-invocation-id")).Distinct().Count());
    }
}
