using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace FargateApi.IntegrationTests.Moto;

/// <summary>
/// moto with request authentication on: every call must carry a SigV4 signature moto recomputes and matches with the
/// secret of an IAM user it knows (moto/iam/access_control.py check_signature, botocore's signer on moto's side).
/// A rejected signature here is a bug in our signing, not something to configure away.
/// </summary>
[Collection(PublishedBootstrapCollection.Name)]
public sealed class MotoSignatureTests(PublishedBootstrap bootstrap, MotoServer moto, ITestOutputHelper output) : IClassFixture<MotoServer>
{
    [Fact]
    public async Task Moto_accepts_the_bootstraps_signatures_on_every_call_of_create_and_delete()
    {
        var network = SeededNetwork.Seed(moto, "sig");
        var stackId = CloudFormationEvents.StackId("sig-shop");
        var properties = CloudFormationEvents.Properties(network.Prefix);
        var key = JsonDocument.Parse(PythonScripts.Run("create_signing_user.py", "--endpoint", moto.Endpoint, "--user", "fargate-api-provider")).RootElement;
        var credentials = new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = key.GetProperty("AccessKeyId").GetString()!,
            ["AWS_SECRET_ACCESS_KEY"] = key.GetProperty("SecretAccessKey").GetString()!,
        };
        var expected = new ExpectedStack(network, stackId, 0, "1.0.0", 8000, "/health", 14);
        await using var provider = new ProviderUnderMoto(bootstrap.Path, moto, credentials);
        await using var forger = new ProviderUnderMoto(bootstrap.Path, moto, new Dictionary<string, string>(credentials) { ["AWS_SECRET_ACCESS_KEY"] = "not-the-secret" });

        JsonElement forged, created, deleted;
        await SetAuthenticationAsync(on: true);
        try
        {
            // The control: the same key id signed with a wrong secret must be refused, or this test proves nothing.
            forged = await forger.SendAsync(CloudFormationEvents.Create(CloudFormationEvents.StackId("sig-forged"), properties));
            created = await provider.SendAsync(CloudFormationEvents.Create(stackId, properties));
            deleted = await provider.SendAsync(CloudFormationEvents.Delete(stackId, expected.ServiceArn, properties));
        }
        finally
        {
            await SetAuthenticationAsync(on: false);
        }

        output.WriteLine(provider.Output);
        Assert.Equal("FAILED", forged.GetProperty("Status").GetString());
        Assert.Contains("SignatureDoesNotMatch", forged.GetProperty("Reason").GetString(), StringComparison.Ordinal);
        Assert.True(created.GetProperty("Status").GetString() == "SUCCESS", $"Create: {created}");
        Assert.Equal(expected.ServiceArn, created.GetProperty("PhysicalResourceId").GetString());
        Assert.True(deleted.GetProperty("Status").GetString() == "SUCCESS", $"Delete: {deleted}");
        StackAssertions.AssertNothingLeft(StackState.Read(moto, network, stackId), network);
    }

    /// <summary>Credentials are read at the first event, not at start-up: a Lambda whose init failed would leave
    /// CloudFormation without any answer, while this way the stack event says what is missing.</summary>
    [Fact]
    public async Task Create_without_credentials_is_answered_failed_saying_where_credentials_were_looked_for()
    {
        var noCredentials = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = string.Empty, ["AWS_SECRET_ACCESS_KEY"] = string.Empty };
        await using var provider = new ProviderUnderMoto(bootstrap.Path, moto, noCredentials);

        var response = await provider.SendAsync(CloudFormationEvents.Create(CloudFormationEvents.StackId("nocreds"), CloudFormationEvents.Properties("nocreds")));

        Assert.Equal("FAILED", response.GetProperty("Status").GetString());
        var reason = response.GetProperty("Reason").GetString()!;
        Assert.Contains("No AWS credentials found", reason, StringComparison.Ordinal);
        Assert.Contains("AWS_ACCESS_KEY_ID", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("init.failed", provider.Output, StringComparison.Ordinal);
    }

    /// <summary>moto's switch (POST /moto-api/reset-auth with the number of calls still let through unauthenticated).</summary>
    private async Task SetAuthenticationAsync(bool on)
    {
        using var http = new HttpClient();
        using var body = new StringContent(on ? "0" : "inf", Encoding.UTF8, "text/plain");
        using var response = await http.PostAsync(new Uri($"{moto.Endpoint}/moto-api/reset-auth"), body);
        Assert.True(response.IsSuccessStatusCode, $"moto reset-auth: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
