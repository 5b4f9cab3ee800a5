using FargateApi.Aws.Tests.Support;

namespace FargateApi.Aws.Tests.Http;

public sealed class EndpointOverrideOnTheWireTests
{
    [Fact]
    public async Task Service_specific_endpoint_variable_beats_the_global_one_and_keeps_its_path_prefix()
    {
        await using var ecsServer = LoopbackAwsServer.Scripted(ServerReply.Ok());
        await using var globalServer = LoopbackAwsServer.Scripted(ServerReply.Ok("<ok/>", "text/xml"));
        var harness = new WireHarness();
        harness.Environment["AWS_ENDPOINT_URL"] = globalServer.BaseUri.ToString();
        harness.Environment["AWS_ENDPOINT_URL_ECS"] = new Uri(ecsServer.BaseUri, "/ecs-prefix/").ToString();
        var caller = harness.Caller(globalServer);

        await caller.SendAsync(TestServices.Ecs, TestServices.Json(TestServices.Ecs, "ListClusters"), CancellationToken.None);
        await caller.SendAsync(TestServices.Elbv2, TestServices.Query(TestServices.Elbv2, "DescribeRules"), CancellationToken.None);

        RecordedRequest toEcs = Assert.Single(ecsServer.Requests);
        Assert.Equal("/ecs-prefix/", toEcs.Target);
        Assert.Equal(SignatureVerifier.ExpectedAuthorization(toEcs, TestServices.Credentials), toEcs.Header("Authorization"));
        RecordedRequest toGlobal = Assert.Single(globalServer.Requests);
        Assert.StartsWith("Action=DescribeRules", System.Text.Encoding.UTF8.GetString(toGlobal.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Global_service_behind_an_override_is_signed_for_the_configured_region()
    {
        await using var server = LoopbackAwsServer.Scripted(ServerReply.Ok("<ok/>", "text/xml"));
        var caller = new WireHarness().Caller(server, region: "ap-southeast-2");

        await caller.SendAsync(TestServices.Iam, TestServices.Query(TestServices.Iam, "GetRole"), CancellationToken.None);

        string authorization = Assert.Single(server.Requests).Header("Authorization")!;
        Assert.EndsWith("/ap-southeast-2/iam/aws4_request", SignatureVerifier.Part(authorization, "Credential="), StringComparison.Ordinal);
    }
}
