using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FargateApi.Lambda.Tests.Loopback;
using Xunit.Abstractions;

namespace FargateApi.IntegrationTests;

/// <summary>The Native AOT binary itself, as Lambda would run it: a process talking to the Runtime API.</summary>
[Collection(PublishedBootstrapCollection.Name)]
public sealed partial class PublishedBootstrapTests(PublishedBootstrap bootstrap, ITestOutputHelper output)
{
    /// <summary>Amazon Linux 2023 ships glibc 2.34 (https://docs.aws.amazon.com/linux/al2023/ug/compare-with-al2.html):
    /// a binary that needs a newer symbol version does not start on provided.al2023.</summary>
    private static readonly Version Al2023Glibc = new(2, 34);

    [Fact]
    public async Task Invalid_create_is_answered_failed_listing_the_memory_allowed_for_256_cpu()
    {
        await using var bucket = new LoopbackHttpServer((_, _) => Task.FromResult(Reply.Status(200)));
        await using var runtime = new FakeRuntimeApi();
        var id = runtime.Enqueue(InvalidCreate(bucket).ToJsonString(), DateTimeOffset.UtcNow.AddMinutes(5));
        using var process = new BootstrapProcess(bootstrap.Path, runtime.Endpoint);

        var outcome = await runtime.OutcomeAsync(id);

        output.WriteLine(process.Output);
        Assert.Equal("response", outcome.Kind);
        var put = Assert.Single(bucket.Requests);
        Assert.Equal("PUT", put.Method);
        Assert.Equal(string.Empty, put.Header("Content-Type"));
        var response = JsonDocument.Parse(put.Body).RootElement;
        Assert.Equal("FAILED", response.GetProperty("Status").GetString());
        var reason = response.GetProperty("Reason").GetString()!;
        Assert.All(["512", "1024", "2048"], size => Assert.Contains(size, reason, StringComparison.Ordinal));
        Assert.StartsWith("fargate-api-create-failed:ApiService:", response.GetProperty("PhysicalResourceId").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("X-Amz-Signature", process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Http_response_url_is_refused_by_default_and_reported_as_an_invocation_error()
    {
        await using var bucket = new LoopbackHttpServer((_, _) => Task.FromResult(Reply.Status(200)));
        await using var runtime = new FakeRuntimeApi();
        var id = runtime.Enqueue(InvalidCreate(bucket).ToJsonString(), DateTimeOffset.UtcNow.AddMinutes(5));
        using var process = new BootstrapProcess(bootstrap.Path, runtime.Endpoint, allowHttpResponseUrl: false);

        var outcome = await runtime.OutcomeAsync(id);

        Assert.Equal("error", outcome.Kind);
        Assert.Equal("ResponseUrlRefused", outcome.ErrorType);
        Assert.Empty(bucket.Requests);
    }

    [Fact]
    public void Bootstrap_needs_no_glibc_newer_than_amazon_linux_2023s()
    {
        var (exitCode, symbols) = PublishedBootstrap.Run("objdump", ["-T", bootstrap.Path], null, TimeSpan.FromMinutes(1));

        Assert.Equal(0, exitCode);
        var versions = GlibcVersion().Matches(symbols).Select(m => Version.Parse(m.Groups[1].Value)).Distinct().ToList();
        Assert.NotEmpty(versions);
        output.WriteLine($"GLIBC versions needed: {string.Join(", ", versions.Order())}");
        Assert.All(versions, version => Assert.True(version <= Al2023Glibc, $"needs GLIBC_{version}"));
    }

    [Fact]
    public void Bootstrap_outside_lambda_exits_with_a_clear_message()
    {
        var start = new System.Diagnostics.ProcessStartInfo(bootstrap.Path) { RedirectStandardOutput = true };
        start.Environment.Remove("AWS_LAMBDA_RUNTIME_API");
        using var process = System.Diagnostics.Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("AWS_LAMBDA_RUNTIME_API is not set", text, StringComparison.Ordinal);
    }

    /// <summary>Prints size and cold start (spawn → first response PUT), the median of ten fresh processes.</summary>
    [Fact]
    public async Task Cold_start_and_size_figures()
    {
        const int runs = 10;
        var coldStarts = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            await using var bucket = new LoopbackHttpServer((_, _) => Task.FromResult(Reply.Status(200)));
            await using var runtime = new FakeRuntimeApi();
            var id = runtime.Enqueue(InvalidCreate(bucket).ToJsonString(), DateTimeOffset.UtcNow.AddMinutes(5));
            using var process = new BootstrapProcess(bootstrap.Path, runtime.Endpoint);
            Assert.Equal("response", (await runtime.OutcomeAsync(id)).Kind);
            coldStarts.Add((Assert.Single(bucket.Requests).ReceivedAt - process.StartedAt).TotalMilliseconds);
        }

        coldStarts.Sort();
        var median = (coldStarts[(runs / 2) - 1] + coldStarts[runs / 2]) / 2;
        var size = new FileInfo(bootstrap.Path).Length;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bootstrap size: {size} bytes"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold start (spawn -> response PUT), {runs} runs: median {median:0.0} ms, min {coldStarts[0]:0.0} ms, max {coldStarts[^1]:0.0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"BENCH bootstrap_bytes={size} cold_start_median_ms={median:0.0} min_ms={coldStarts[0]:0.0} max_ms={coldStarts[^1]:0.0} runs={runs}"));
    }

    private static JsonObject InvalidCreate(LoopbackHttpServer bucket) => new()
    {
        ["RequestType"] = "Create",
        ["ServiceToken"] = "arn:aws:lambda:eu-west-1:123456789012:function:provider",
        ["ResponseURL"] = $"http://{bucket.HostAndPort}/cfn/response?X-Amz-Signature=abc123",
        ["StackId"] = "arn:aws:cloudformation:eu-west-1:123456789012:stack/shop/5b2c8f10-1111-2222-3333-444455556666",
        ["RequestId"] = Guid.NewGuid().ToString(),
        ["LogicalResourceId"] = "ApiService",
        ["ResourceType"] = "Custom::FargateApi",
        ["ResourceProperties"] = new JsonObject
        {
            ["ServiceToken"] = "arn:aws:lambda:eu-west-1:123456789012:function:provider",
            ["ProjectPrefix"] = "acme",
            ["ServiceName"] = "api",
            ["Cpu"] = "256",
            ["Memory"] = "4096",
        },
    };

    [GeneratedRegex(@"GLIBC_(\d+\.\d+(?:\.\d+)?)")]
    private static partial Regex GlibcVersion();
}
