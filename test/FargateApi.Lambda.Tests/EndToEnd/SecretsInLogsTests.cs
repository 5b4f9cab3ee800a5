using System.Text.Json;
using System.Text.Json.Nodes;

namespace FargateApi.Lambda.Tests.EndToEnd;

/// <summary>
/// A whole lifecycle through the in-process handler and the real provisioner, with every kind of sensitive value in
/// play, and every log line and Runtime API report captured: none of them may carry the pre-signed ResponseURL (its
/// signature and session token answer for the stack), the Secrets ARNs, or credential-like environment values.
/// </summary>
public sealed class SecretsInLogsTests
{
    private const string Signature = "deadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeef";
    private const string SecurityToken = "IQoJb3JpZ2luX2VjEFAKESESSIONTOKENfakefakefakefake";
    private const string Credential = "ASIAFAKEACCESSKEYID0";
    private const string SecretArn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:myproj/db-password-AbCdEf";
    private const string ParameterArn = "arn:aws:ssm:us-east-1:123456789012:parameter/myproj/api-key-do-not-log";
    private const string Password = "hunter2-correct-horse-battery";

    [Fact]
    public async Task Create_update_delete_never_log_the_response_url_its_signature_or_secret_values()
    {
        await using var provider = new SimulatedProvider();

        // Signed as CloudFormation signs a ResponseURL when it makes the request: just now (its ServiceTimeout runs from then).
        var signedAt = DateTimeOffset.UtcNow;
        var url = new Uri(
            $"http://{provider.BucketHostAndPort}/cfn-responses/arn%3Aaws%3Acloudformation%3Aus-east-1%3A123456789012%3Astack/myproj-app/AppApi" +
            $"?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential={Credential}%2F{signedAt:yyyyMMdd}%2Fus-east-1%2Fs3%2Faws4_request" +
            $"&X-Amz-Date={signedAt:yyyyMMdd'T'HHmmss'Z'}&X-Amz-Expires=7200&X-Amz-SignedHeaders=host&X-Amz-Security-Token={SecurityToken}&X-Amz-Signature={Signature}");
        var properties = SensitiveProperties("v1");

        var create = provider.Create(properties, "secrets-create");
        create["ResponseURL"] = url.ToString();
        var created = await provider.InvokeAsync(create);
        var physicalId = Answer(provider, 0).GetProperty("PhysicalResourceId").GetString()!;

        var update = Reissue(create, "Update", "secrets-update", physicalId);
        update["OldResourceProperties"] = SensitiveProperties("v1");
        update["ResourceProperties"] = SensitiveProperties("v2");
        var updated = await provider.InvokeAsync(update);

        var delete = Reissue(create, "Delete", "secrets-delete", physicalId);
        delete["ResourceProperties"] = SensitiveProperties("v2");
        var deleted = await provider.InvokeAsync(delete);

        // The lifecycle really ran: three SUCCESS answers, resources made and removed again.
        Assert.All([created, updated, deleted], outcome => Assert.Equal("response", outcome.Kind));
        Assert.All([0, 1, 2], i => Assert.Equal("SUCCESS", Answer(provider, i).GetProperty("Status").GetString()));
        Assert.Contains(provider.Aws.Calls.Records, c => c.Operation == "RegisterTaskDefinition" && c.Succeeded);
        Assert.Equal(0, provider.Created);

        var captured = provider.Logs + string.Concat(provider.RuntimeReports.Select(r => r.BodyText));
        Assert.NotEmpty(provider.LogTextLines);
        foreach (var forbidden in new[] { url.ToString(), url.Query, url.AbsolutePath, "cfn-responses", Signature, SecurityToken, Credential, "X-Amz-", SecretArn, ParameterArn, Password })
        {
            Assert.DoesNotContain(forbidden, captured, StringComparison.OrdinalIgnoreCase);
        }

        // The logs still say what happened, by name: enough to debug without the values.
        Assert.Contains(provider.LogLines, l => l.GetProperty("step").GetString() == "response.sent");
        Assert.Contains(provider.LogLines, l => l.GetProperty("step").GetString() == "operation.finished" && l.GetProperty("dataKeys").GetString()!.Contains("ServiceArn", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_create_quoting_properties_still_keeps_secret_values_out_of_logs()
    {
        await using var provider = new SimulatedProvider();
        var properties = SensitiveProperties("v1");
        properties["Cpu"] = "9";

        await provider.InvokeAsync(provider.Create(properties, "secrets-invalid"));

        Assert.Equal("FAILED", Answer(provider, 0).GetProperty("Status").GetString());
        Assert.Equal(0, provider.AwsCalls);
        Assert.DoesNotContain(Password, provider.Logs, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretArn, provider.Logs, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Amz-Signature", provider.Logs, StringComparison.Ordinal);
    }

    /// <summary>
    /// A secret value given where its ARN belongs (a common slip) is described, not quoted, in the FAILED Reason: the
    /// Reason goes to the stack events and, via the response.sending line, to the logs.
    /// </summary>
    [Fact]
    public async Task A_secret_value_given_instead_of_its_arn_is_described_but_kept_out_of_the_reason_and_the_logs()
    {
        await using var provider = new SimulatedProvider();
        var properties = SimulatedProvider.ValidProperties();
        properties["Secrets"] = new JsonObject { ["DB_PASSWORD"] = Password };

        await provider.InvokeAsync(provider.Create(properties, "secrets-value-not-arn"));

        var answer = Answer(provider, 0);
        var reason = answer.GetProperty("Reason").GetString()!;
        Assert.Equal("FAILED", answer.GetProperty("Status").GetString());
        Assert.Equal(0, provider.AwsCalls);
        Assert.Contains("Secrets.DB_PASSWORD: is not a Secrets Manager secret ARN or SSM parameter ARN (value not shown: it may be a secret)", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", provider.Logs, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", string.Concat(provider.RuntimeReports.Select(r => r.BodyText)), StringComparison.Ordinal);
    }

    /// <summary>The same for a plain environment variable holding a secret: a value too long is described, not quoted.</summary>
    [Fact]
    public async Task An_invalid_environment_variable_value_is_kept_out_of_the_reason_and_the_logs()
    {
        await using var provider = new SimulatedProvider();
        var properties = SimulatedProvider.ValidProperties();
        properties["EnvironmentVariables"] = new JsonObject { ["DB_PASSWORD"] = Password + new string('x', 8192) };

        await provider.InvokeAsync(provider.Create(properties, "environment-value-too-long"));

        var reason = Answer(provider, 0).GetProperty("Reason").GetString()!;
        Assert.Equal(0, provider.AwsCalls);
        Assert.Contains("EnvironmentVariables.DB_PASSWORD: is too long", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", provider.Logs, StringComparison.Ordinal);
    }

    private static JsonObject SensitiveProperties(string tag)
    {
        var properties = SimulatedProvider.ValidProperties();
        properties["ImageTag"] = tag;
        properties["EnvironmentVariables"] = new JsonObject { ["DB_PASSWORD"] = Password, ["LOG_LEVEL"] = "info" };
        properties["Secrets"] = new JsonObject { ["DB_SECRET"] = SecretArn, ["API_KEY"] = ParameterArn };
        return properties;
    }

    private static JsonObject Reissue(JsonObject create, string requestType, string requestId, string physicalId)
    {
        var next = create.DeepClone().AsObject();
        next["RequestType"] = requestType;
        next["RequestId"] = requestId;
        next["PhysicalResourceId"] = physicalId;
        return next;
    }

    private static JsonElement Answer(SimulatedProvider provider, int index) =>
        JsonDocument.Parse(provider.Puts[index].Body).RootElement;
}
