using FargateApi.Aws.Http;
using FargateApi.Aws.Retry;
using FargateApi.Aws.Tests.Support;

namespace FargateApi.Aws.Tests.Http;

public sealed class RetryOnTheWireTests
{
    private static ServerReply JsonError(int status, string type, string message) =>
        ServerReply.Text(status, $$"""{"__type":"{{type}}","message":"{{message}}"}""", "application/x-amz-json-1.1", ("x-amzn-RequestId", "req-json"));

    private static ServerReply QueryError(int status, string code, string message) =>
        ServerReply.Text(
            status,
            $"<ErrorResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\"><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>req-query</RequestId></ErrorResponse>",
            "text/xml");

    private static ServerReply Ec2Error(int status, string code, string message) =>
        ServerReply.Text(
            status,
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>{code}</Code><Message>{message}</Message></Error></Errors><RequestID>req-ec2</RequestID></Response>",
            "text/xml;charset=UTF-8");

    private static readonly Dictionary<string, ServerReply> Throttled = new()
    {
        ["ECS json ThrottlingException"] = JsonError(400, "com.amazonaws.ecs#ThrottlingException", "Rate exceeded"),
        ["ELBv2 query Throttling"] = QueryError(400, "Throttling", "Rate exceeded"),
        ["EC2 RequestLimitExceeded"] = Ec2Error(503, "RequestLimitExceeded", "Request limit exceeded."),
        ["Logs json ThrottlingException without namespace"] = JsonError(400, "ThrottlingException", "slow down"),
        ["HTTP 429"] = ServerReply.Text(429, "Too Many Requests", "text/plain"),
    };

    public static TheoryData<string> ThrottlingErrors() => [.. Throttled.Keys];

    [Theory]
    [MemberData(nameof(ThrottlingErrors))]
    public async Task Throttling_error_is_retried_with_the_throttling_backoff(string name)
    {
        ServerReply throttled = Throttled[name];
        await using var server = LoopbackAwsServer.Scripted(throttled, throttled, ServerReply.Ok("<ok/>", "text/xml"));
        var harness = new WireHarness();
        var caller = harness.Caller(server, random: new FixedRandom(0.5));
        var service = name.StartsWith("ELBv2", StringComparison.Ordinal) ? TestServices.Elbv2
            : name.StartsWith("EC2", StringComparison.Ordinal) ? TestServices.Ec2 : TestServices.Ecs;

        AwsResponse response = await caller.SendAsync(service, TestServices.For(service, "Describe"), CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(3, server.Requests.Count);
        // Half of 500 ms, then half of 1 s: the throttling base, doubled per retry.
        Assert.Equal([TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500)], harness.Delays);
        RetryStatisticsSnapshot stats = caller.Statistics.Snapshot();
        Assert.Equal((1L, 3L, 2L, 2L, 0L), (stats.Calls, stats.Attempts, stats.Retries, stats.ThrottlingRetries, stats.FailedCalls));
    }

    [Fact]
    public async Task Service_unavailable_is_retried_until_success()
    {
        await using var server = LoopbackAwsServer.Scripted(
            ServerReply.Text(503, "<html>Service Unavailable</html>", "text/html"), ServerReply.Ok());
        var harness = new WireHarness();
        var caller = harness.Caller(server, random: new FixedRandom(0.5));

        AwsResponse response = await caller.SendAsync(TestServices.Ecs, TestServices.Json(TestServices.Ecs, "ListServices"), CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(50), Assert.Single(harness.Delays));
    }

    private static readonly Dictionary<string, (AwsService Service, ServerReply Reply)> Permanent = new()
    {
        ["ValidationException"] = (TestServices.Ecs, JsonError(400, "ValidationException", "1 validation error")),
        ["InvalidParameterException"] = (TestServices.Ecs, JsonError(400, "com.amazonaws.ecs#InvalidParameterException", "bad cpu")),
        ["LimitExceededException"] = (TestServices.Ecs, JsonError(400, "LimitExceededException", "The limit for the resource was exceeded.")),
        ["LimitExceeded"] = (TestServices.Iam, QueryError(409, "LimitExceeded", "Cannot exceed quota for RolesPerAccount: 1000")),
        ["ValidationError"] = (TestServices.Elbv2, QueryError(400, "ValidationError", "Target group name too long")),
    };

    public static TheoryData<string> PermanentErrors() => [.. Permanent.Keys];

    [Theory]
    [MemberData(nameof(PermanentErrors))]
    public async Task Validation_and_quota_errors_are_not_retried(string expectedCode)
    {
        var (service, reply) = Permanent[expectedCode];
        await using var server = LoopbackAwsServer.Scripted(reply, ServerReply.Ok());
        var harness = new WireHarness();
        var caller = harness.Caller(server);

        var error = await Assert.ThrowsAsync<AwsServiceException>(
            () => caller.SendAsync(service, TestServices.For(service, "Create"), CancellationToken.None));

        Assert.Equal(expectedCode, error.ErrorCode);
        Assert.Single(server.Requests);
        Assert.Empty(harness.Delays);
        Assert.Equal(1, caller.Statistics.Snapshot().FailedCalls);
    }

    [Fact]
    public async Task Limit_exceeded_that_says_rate_exceeded_is_retried()
    {
        await using var server = LoopbackAwsServer.Scripted(JsonError(400, "LimitExceededException", "Rate exceeded"), ServerReply.Ok());
        var caller = new WireHarness().Caller(server);

        await caller.SendAsync(TestServices.Logs, TestServices.Json(TestServices.Logs, "CreateLogGroup"), CancellationToken.None);

        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Dropped_connection_is_retried()
    {
        await using var server = LoopbackAwsServer.Scripted(new ServerReply.Drop(), ServerReply.Ok());
        var harness = new WireHarness();
        var caller = harness.Caller(server);

        AwsResponse response = await caller.SendAsync(TestServices.Ecs, TestServices.Json(TestServices.Ecs, "ListClusters"), CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, server.Requests.Count);
        Assert.Single(harness.Delays);
    }

    [Fact]
    public async Task Attempt_that_never_answers_times_out_and_is_retried()
    {
        await using var server = LoopbackAwsServer.Scripted(new ServerReply.Hang(), ServerReply.Ok());
        var caller = new WireHarness().Caller(server, policy: RetryPolicy.Default with { AttemptTimeout = TimeSpan.FromMilliseconds(300) });

        AwsResponse response = await caller.SendAsync(TestServices.Ecs, TestServices.Json(TestServices.Ecs, "ListClusters"), CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Retries_stop_after_max_attempts_and_the_last_error_is_thrown()
    {
        await using var server = LoopbackAwsServer.Scripted(JsonError(500, "InternalFailure", "boom"));
        var harness = new WireHarness();
        var caller = harness.Caller(server, policy: RetryPolicy.Default with { MaxAttempts = 4 });

        var error = await Assert.ThrowsAsync<AwsServiceException>(
            () => caller.SendAsync(TestServices.Ecs, TestServices.Json(TestServices.Ecs, "ListClusters"), CancellationToken.None));

        Assert.Equal(("InternalFailure", 500, "req-json"), (error.ErrorCode, error.HttpStatus, error.RequestId));
        Assert.Equal(4, server.Requests.Count);
        Assert.Equal(3, harness.Delays.Count);
        RetryStatisticsSnapshot stats = caller.Statistics.Snapshot();
        Assert.Equal((4L, 3L, 1L), (stats.Attempts, stats.Retries, stats.FailedCalls));
        Assert.Equal(harness.Delays.Max(), stats.LongestBackoff);
    }

    [Fact]
    public async Task A_call_throttled_to_the_end_announces_every_attempt_within_the_max_it_states()
    {
        await using var server = LoopbackAwsServer.Scripted(JsonError(400, "ThrottlingException", "Rate exceeded"));
        var caller = new WireHarness().Caller(server);

        await Assert.ThrowsAsync<AwsServiceException>(
            () => caller.SendAsync(TestServices.Ecs, TestServices.Json(TestServices.Ecs, "ListClusters"), CancellationToken.None));

        // Throttles may take a call past MaxAttempts (8) up to MaxThrottlingAttempts (20): the header says 20 from the first attempt.
        Assert.Equal(RetryPolicy.Default.MaxThrottlingAttempts, server.Requests.Count);
        Assert.Equal(
            Enumerable.Range(1, 20).Select(attempt => $"attempt={attempt}; max=20"),
            server.Requests.Select(r => r.Header("amz-sdk-request")));
    }
}
