using FargateApi.Aws.Services;
using FargateApi.Aws.Services.SecretsManager;

namespace FargateApi.Aws.Tests.Services;

public class SecretsManagerClientTests
{
    private const string Arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:fargate-api/continuation-key-a1B2c3";

    private readonly RecordingCaller _caller = new();
    private readonly SecretsManagerClient _client;

    public SecretsManagerClientTests() => _client = new SecretsManagerClient(_caller);

    [Fact]
    public async Task Get_secret_value_sends_only_the_members_set_and_reads_the_string_value()
    {
        _caller.Answer($$"""{"ARN":"{{Arn}}","Name":"fargate-api/continuation-key","VersionId":"EXAMPLE1-90ab-cdef-fedc-ba987SECRET1","SecretString":"k3y","VersionStages":["AWSCURRENT"],"CreatedDate":1764313200.5}""");

        var value = await _client.GetSecretValueAsync(new GetSecretValueRequest("fargate-api/continuation-key"), CancellationToken.None);

        Assert.Same(AwsServices.SecretsManager, _caller.Calls[0].Service);
        Assert.Equal("secretsmanager.GetSecretValue", _caller.Last.Headers["X-Amz-Target"]);
        Assert.Equal("""{"SecretId":"fargate-api/continuation-key"}""", _caller.LastJson());
        Assert.Equal(("k3y", Arn, "EXAMPLE1-90ab-cdef-fedc-ba987SECRET1"), (value.SecretString, value.ARN, value.VersionId));
        Assert.Equal(["AWSCURRENT"], value.VersionStages);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1764313200500), value.CreatedDate);
        Assert.Null(value.SecretBinary);
    }

    [Fact]
    public async Task A_binary_secret_arrives_base64_and_reads_as_its_bytes()
    {
        _caller.Answer("""{"Name":"k","SecretBinary":"AAEC/w==","VersionStages":["AWSPREVIOUS"]}""");

        var value = await _client.GetSecretValueAsync(new GetSecretValueRequest(Arn, VersionStage: "AWSPREVIOUS"), CancellationToken.None);

        Assert.Equal($$"""{"SecretId":"{{Arn}}","VersionStage":"AWSPREVIOUS"}""", _caller.LastJson());
        Assert.Equal([0, 1, 2, 255], value.SecretBinary);
        Assert.Null(value.SecretString);
    }

    [Fact]
    public void The_text_form_of_a_value_never_shows_the_secret()
    {
        var value = new GetSecretValueResponse { Name = "k", SecretString = "s3cr3t-string", SecretBinary = "s3cr3t-bytes"u8.ToArray(), VersionStages = ["AWSCURRENT"] };

        var text = value.ToString();

        Assert.Contains("Name = k", text, StringComparison.Ordinal);
        Assert.Contains("SecretString = (redacted)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String("s3cr3t-bytes"u8), text, StringComparison.Ordinal);
    }
}
