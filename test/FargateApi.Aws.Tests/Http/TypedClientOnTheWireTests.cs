using System.Text;
using FargateApi.Aws.Services.Sts;
using FargateApi.Aws.Tests.Support;

namespace FargateApi.Aws.Tests.Http;

/// <summary>The seam end to end: a typed client's request goes through the real caller, over a socket, and back.</summary>
public sealed class TypedClientOnTheWireTests
{
    [Fact]
    public async Task Sts_client_reads_the_caller_identity_through_the_signed_http_caller()
    {
        const string Answer = """
            <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <GetCallerIdentityResult>
                <Arn>arn:aws:sts::123456789012:assumed-role/provider/fn</Arn>
                <UserId>AROAEXAMPLE:fn</UserId>
                <Account>123456789012</Account>
              </GetCallerIdentityResult>
              <ResponseMetadata><RequestId>r-sts</RequestId></ResponseMetadata>
            </GetCallerIdentityResponse>
            """;
        await using var server = LoopbackAwsServer.Scripted(ServerReply.Text(200, Answer, "text/xml"));
        var client = new StsClient(new WireHarness().Caller(server, TestServices.SessionCredentials));

        CallerIdentity identity = await client.GetCallerIdentityAsync(CancellationToken.None);

        Assert.Equal(("123456789012", "aws"), (identity.Account, identity.Partition));
        RecordedRequest received = Assert.Single(server.Requests);
        Assert.Contains("Action=GetCallerIdentity", Encoding.UTF8.GetString(received.Body), StringComparison.Ordinal);
        Assert.EndsWith("/eu-west-1/sts/aws4_request", SignatureVerifier.Part(received.Header("Authorization")!, "Credential="), StringComparison.Ordinal);
        Assert.Equal(SignatureVerifier.ExpectedAuthorization(received, TestServices.SessionCredentials), received.Header("Authorization"));
    }
}
