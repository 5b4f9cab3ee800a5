using System.Text;
using System.Text.Json;
using FargateApi.Lambda.CloudFormation;
using FargateApi.Lambda.Tests.EndToEnd;

namespace FargateApi.Lambda.Tests.Hostile;

/// <summary>
/// Replays every event in Corpus/ (see its README.md) through the in-process handler and the real provisioner over the
/// simulation: each is answered FAILED with a clear reason, or rejected when there is nowhere to answer, and none of
/// them reaches AWS or leaves anything behind.
/// </summary>
public sealed class CorpusTests
{
    public const string UrlPlaceholder = "$RESPONSE_URL";

    public static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static IReadOnlyList<string> CaseNames() =>
        [.. Directory.GetFiles(CorpusDirectory, "*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)];

    public static TheoryData<string> Cases() => [.. CaseNames().Where(name => !IsKnownBug(name))];

    /// <summary>Cases whose file carries <c>knownBug</c>: src still gets them wrong (see the README). Often none.</summary>
    public static IReadOnlyList<string> KnownBugs() => [.. CaseNames().Where(IsKnownBug)];

    [Fact]
    public void Corpus_is_copied_next_to_the_tests_and_every_case_is_in_the_readme()
    {
        var readme = File.ReadAllText(Path.Combine(CorpusDirectory, "README.md"));
        var cases = CaseNames();
        Assert.True(cases.Count >= 50, $"{cases.Count} cases");
        Assert.All(cases, name => Assert.Contains($"`{name}.json`", readme, StringComparison.Ordinal));
    }

    /// <summary>A known bug is marked in its file and in the README's table alike, so neither outlives the fix.</summary>
    [Fact]
    public void Readme_marks_exactly_the_known_bug_cases()
    {
        var readme = File.ReadAllLines(Path.Combine(CorpusDirectory, "README.md"));
        var marked = CaseNames().Where(name => readme.Any(line => line.StartsWith($"| `{name}.json`", StringComparison.Ordinal) && line.Contains("**KNOWN BUG**", StringComparison.Ordinal)));

        Assert.Equal(KnownBugs(), marked);
    }

    /// <summary>
    /// Pins each known bug at today's behaviour (AWS calls made, or <c>todayErrorType</c>: an exception out of the
    /// handler) so that its fix is noticed: then remove <c>knownBug</c> from the file and it joins the main theory.
    /// A fact over the list rather than a theory: a theory with no data fails, and with every bug fixed there is none.
    /// </summary>
    [Fact]
    public async Task Known_bug_cases_still_reach_aws()
    {
        foreach (var name in KnownBugs())
        {
            await KnownBugStillReachesAws(name);
        }
    }

    private static async Task KnownBugStillReachesAws(string name)
    {
        using var file = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(CorpusDirectory, name + ".json")));
        await using var provider = new SimulatedProvider();
        var payload = file.RootElement.GetProperty("event").GetRawText().Replace(UrlPlaceholder, provider.ResponseUrl.ToString(), StringComparison.Ordinal);

        var outcome = await provider.InvokeRawAsync(payload, DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30));

        if (file.RootElement.TryGetProperty("todayErrorType", out var today))
        {
            // An exception that escaped the handler: the runtime loop reported it, nobody answered CloudFormation.
            Assert.True(outcome.ErrorType == today.GetString(), $"{name} now ends in {outcome.Kind} {outcome.ErrorType}: if the bug is fixed, remove knownBug and todayErrorType from its file.");
            Assert.Empty(provider.Puts);
            Assert.Contains(provider.LogLines, l => l.GetProperty("step").GetString() == "invocation.unhandled");
        }
        else
        {
            Assert.True(provider.AwsCalls > 0, $"{name} no longer reaches AWS: if the bug is fixed, remove knownBug from its file.");
            Assert.Single(provider.Puts);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Corpus_case_is_answered_failed_or_rejected_without_any_aws_call(string name)
    {
        using var file = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(CorpusDirectory, name + ".json")));
        var spec = file.RootElement;
        var expect = spec.GetProperty("expect").GetString();
        var reasonContains = spec.GetProperty("reasonContains").GetString()!;
        var allowHttp = !spec.TryGetProperty("allowHttp", out var allow) || allow.GetBoolean();
        await using var provider = new SimulatedProvider(ProviderHarness.TestOptions with { AllowHttpResponseUrl = allowHttp });
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);

        string kind, body;
        string? errorType;
        if (spec.TryGetProperty("rawBase64", out var rawBase64))
        {
            var bytes = WithResponseUrl(Convert.FromBase64String(rawBase64.GetString()!), provider.ResponseUrl);
            var result = await provider.HandleBytesAsync(bytes, deadline);
            (kind, errorType) = result.Error is { } error ? ("error", error.ErrorType) : ("response", null);
            body = result.Error?.ErrorMessage ?? Encoding.UTF8.GetString(result.Payload.Span);
        }
        else
        {
            var payload = spec.TryGetProperty("raw", out var raw) ? raw.GetString()! : spec.GetProperty("event").GetRawText();
            var outcome = await provider.InvokeRawAsync(payload.Replace(UrlPlaceholder, provider.ResponseUrl.ToString(), StringComparison.Ordinal), deadline);
            (kind, errorType, body) = (outcome.Kind, outcome.ErrorType, outcome.Kind == "error" ? JsonDocument.Parse(outcome.Body).RootElement.GetProperty("errorMessage").GetString()! : outcome.Body);
        }

        if (expect == "FAILED")
        {
            Assert.Equal("response", kind);
            var put = Assert.Single(provider.Puts);
            Assert.True(put.Body.Length <= ResponseBody.MaxBytes, $"{put.Body.Length} bytes");
            var response = JsonDocument.Parse(put.Body).RootElement;
            Assert.Equal("FAILED", response.GetProperty("Status").GetString());
            Assert.Contains(reasonContains, response.GetProperty("Reason").GetString(), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(response.GetProperty("PhysicalResourceId").GetString()));
        }
        else
        {
            Assert.Equal("rejected", expect);
            Assert.Equal("error", kind);
            Assert.Equal(spec.GetProperty("errorType").GetString(), errorType);
            Assert.Contains(reasonContains, body, StringComparison.Ordinal);
            Assert.Empty(provider.Puts);
        }

        Assert.Equal(0, provider.AwsCalls);
        Assert.Equal(0, provider.Created);
        HostileAssertions.LogsAreWellFormed(provider);
    }

    private static bool IsKnownBug(string name)
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(CorpusDirectory, name + ".json")));
        return file.RootElement.TryGetProperty("knownBug", out _);
    }

    /// <summary>The placeholder replaced byte-wise: the rest of the payload is deliberately not valid UTF-8.</summary>
    private static byte[] WithResponseUrl(byte[] payload, Uri url)
    {
        var placeholder = Encoding.ASCII.GetBytes(UrlPlaceholder);
        var at = payload.AsSpan().IndexOf(placeholder);
        return at < 0 ? payload : [.. payload.AsSpan(0, at), .. Encoding.UTF8.GetBytes(url.ToString()), .. payload.AsSpan(at + placeholder.Length)];
    }
}
