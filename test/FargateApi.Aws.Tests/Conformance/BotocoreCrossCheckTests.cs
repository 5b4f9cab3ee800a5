using System.Diagnostics;
using System.Text.Json;
using FargateApi.Aws.Http;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>
/// The oracle checked against the reference implementation: botocore (python3, installed in the image) serializes a
/// request for every operation of every model we call and <see cref="RequestValidator"/> must accept each; botocore parses
/// every <see cref="SampleResponses"/> answer and must find every member populated. Scripts: Conformance/Botocore/*.py.
/// </summary>
public class BotocoreCrossCheckTests
{
    private static IReadOnlyList<string> Services => CataloguedModels.Names;

    /// <summary>Rules about values, which the scripts' naive samples ("abc", 1) need not meet; the cross-check is about structure.</summary>
    private static readonly string[] ValueRules = [Rule.Pattern, Rule.MinLength, Rule.MaxLength, Rule.MinValue, Rule.MaxValue];

    [Fact]
    public void Validator_accepts_what_botocore_serializes_for_every_operation()
    {
        var json = RunPython("serialize_all.py", ModelRoots());
        using var requests = JsonDocument.Parse(json);

        var rejected = new List<string>();
        var count = 0;
        foreach (var item in requests.RootElement.EnumerateArray())
        {
            count++;
            var request = new AwsRequest(
                item.GetProperty("operation").GetString()!,
                new HttpMethod(item.GetProperty("method").GetString()!),
                item.GetProperty("path").GetString()!,
                item.GetProperty("headers").EnumerateObject().ToDictionary(h => h.Name, h => h.Value.GetString()!),
                Convert.FromBase64String(item.GetProperty("body").GetString()!),
                item.GetProperty("contentType").GetString());
            var violations = RequestValidator.Validate(ServiceModel.Load(item.GetProperty("service").GetString()!), request.Operation, request)
                .Where(v => !ValueRules.Contains(v.Rule))
                .ToArray();
            if (violations.Length > 0)
            {
                rejected.Add($"{item.GetProperty("service").GetString()}:{request.Operation}: {string.Join(" | ", violations.Take(3))}");
            }
        }

        Assert.True(count > 500, $"botocore serialized only {count} operations");
        Assert.True(rejected.Count == 0, $"{rejected.Count} of {count} botocore requests rejected:\n  " + string.Join("\n  ", rejected.Take(30)));
    }

    [Fact]
    public void Botocore_parses_every_generated_response_fully()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("sample-responses-").FullName, "responses.json");
        try
        {
            WriteResponses(file);

            var lines = RunPython("parse_all.py", [file, .. ModelRoots()]).Split('\n', StringSplitOptions.RemoveEmptyEntries);

            var summary = lines[^1];
            Assert.StartsWith("checked ", summary, StringComparison.Ordinal);
            Assert.True(int.Parse(summary["checked ".Length..], System.Globalization.CultureInfo.InvariantCulture) > 400, summary);
            Assert.True(lines.Length == 1, "botocore found gaps in the generated responses:\n  " + string.Join("\n  ", lines.Take(30)));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    private static void WriteResponses(string file)
    {
        using var stream = File.Create(file);
        using var writer = new Utf8JsonWriter(stream);
        writer.WriteStartArray();
        foreach (var service in Services)
        {
            var model = ServiceModel.Load(service);
            foreach (var operation in model.OperationNames)
            {
                var response = SampleResponses.For(model, operation);
                writer.WriteStartObject();
                writer.WriteString("service", service);
                writer.WriteString("operation", operation);
                writer.WriteNumber("status", response.StatusCode);
                writer.WriteStartObject("headers");
                foreach (var (name, value) in response.Headers)
                {
                    writer.WriteString(name, value);
                }

                writer.WriteEndObject();
                writer.WriteBase64String("body", response.Body);
                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// <c>service=root</c> for each model, the root being the folder the locator found that service's model in (the shared
    /// folder for most, botocore's data/ for one the shared folder lacks), so botocore reads exactly the models the
    /// validator reads.
    /// </summary>
    private static IEnumerable<string> ModelRoots() => Services.Select(service =>
        $"{service}={Path.GetDirectoryName(Path.GetDirectoryName(AwsModelLocator.Locate(service, ModelSearch.Default).Directory))}");

    private static string RunPython(string script, IEnumerable<string> arguments)
    {
        var repo = AwsModelLocator.FindRepoRoot(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("no Provider.sln above the test assembly: the botocore scripts live in the repo");
        var path = Path.Combine(repo, "test", "FargateApi.Aws.Tests", "Conformance", "Botocore", script);
        var start = new ProcessStartInfo("python3", [path, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"python3 {script} failed (needs python3 with botocore: pip install botocore):\n{error.Result}");
        return output;
    }
}
