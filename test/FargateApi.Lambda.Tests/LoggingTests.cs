using FargateApi.Lambda.Tests.Loopback;

namespace FargateApi.Lambda.Tests;

/// <summary>One JSON line per step, with the request's ids, and never the ResponseURL.</summary>
public class LoggingTests
{
    [Fact]
    public async Task Response_url_never_appears_in_logs_even_when_delivery_fails()
    {
        await using var provider = new ProviderHarness();
        var first = true;
        provider.BucketReply = (_, _) =>
        {
            var reply = first ? Reply.Reset : Reply.Status(403);
            first = false;
            return Task.FromResult(reply);
        };
        var invalid = Events.ValidProperties();
        invalid["Cpu"] = "9";

        await provider.InvokeAsync(Events.Create(provider.ResponseUrl, invalid));
        var refused = new ProviderHarness(options: ProviderHarness.TestOptions with { AllowHttpResponseUrl = false });
        await using (refused)
        {
            await refused.InvokeAsync(Events.Create(refused.ResponseUrl));
            Assert.DoesNotContain("s3cr3tsignature", refused.Logs, StringComparison.Ordinal);
            Assert.DoesNotContain("cfn-responses", refused.Logs, StringComparison.Ordinal);
        }

        Assert.NotEmpty(provider.Logs);
        Assert.DoesNotContain("s3cr3tsignature", provider.Logs, StringComparison.Ordinal);
        Assert.DoesNotContain("cfn-responses", provider.Logs, StringComparison.Ordinal);
        Assert.DoesNotContain("X-Amz", provider.Logs, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Every_line_is_json_with_level_step_and_the_request_ids()
    {
        await using var provider = new ProviderHarness();

        await provider.InvokeAsync(Events.Create(provider.ResponseUrl));

        var lines = provider.LogLines.ToList();
        Assert.Contains(lines, l => l.GetProperty("step").GetString() == "operation.start");
        Assert.Contains(lines, l => l.GetProperty("step").GetString() == "operation.finished");
        Assert.Contains(lines, l => l.GetProperty("step").GetString() == "response.sent");
        Assert.All(lines, line =>
        {
            Assert.Equal("info", line.GetProperty("level").GetString());
            Assert.Equal("11111111-aaaa-bbbb-cccc-000000000001", line.GetProperty("requestId").GetString());
            Assert.Equal(Events.StackId, line.GetProperty("stackId").GetString());
            Assert.Equal(Events.LogicalResourceId, line.GetProperty("logicalResourceId").GetString());
        });
    }

    [Fact]
    public async Task Data_values_are_never_logged_only_their_names()
    {
        var lifecycle = new FakeLifecycle
        {
            OnCreate = _ => Task.FromResult(new FargateApi.Provisioning.LifecycleOutcome("acme-api", new Dictionary<string, string> { ["DbPassword"] = "hunter2-very-secret" })),
        };
        await using var provider = new ProviderHarness(lifecycle);

        await provider.InvokeAsync(Events.Create(provider.ResponseUrl));

        Assert.Contains("DbPassword", provider.Logs, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-very-secret", provider.Logs, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_field_is_cut_so_every_line_fits_a_CloudWatch_event()
    {
        var output = new StringWriter();
        var log = new Logging.JsonLog(output, TimeProvider.System).With(("logicalResourceId", new string('L', 1_000_000)));

        log.Info("operation.start", ("resourceType", new string('R', 1_000_000)));

        var line = output.ToString().TrimEnd();
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) < 256 * 1024, $"a line of {line.Length} characters");
        Assert.Contains("(1000000 characters, cut)", line, StringComparison.Ordinal);
        using var parsed = System.Text.Json.JsonDocument.Parse(line);
        Assert.Equal("operation.start", parsed.RootElement.GetProperty("step").GetString());
    }
}
