using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using FargateApi.Cli.Templates;

namespace FargateApi.Cli.Tests.Schema;

/// <summary>
/// Issue 13, item 5: schema/fargate-api.schema.json works in the validators people use. Python's jsonschema (4.26 on the
/// machine image, beside moto and cfn-lint) checks the schema against the draft 2020-12 metaschema, compiling every
/// pattern with Python's re, then validates the examples (properties files, and the Custom::FargateApi properties inside
/// the example templates) and documents that must fail. No python3 or no jsonschema fails the test: CI has both.
/// </summary>
public sealed class SchemaInOtherValidatorsTests : IDisposable
{
    private const string Prerequisite = "This test needs python3 on PATH with the jsonschema package (pip install 'jsonschema==4.26.0'); CI's machine image has both.";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Documents that must fail, each with a fragment of the error jsonschema gives.</summary>
    private static readonly (string Name, string Change, string Error)[] Invalid =
    [
        ("cpu 256 with memory 4096", """{ "Cpu": 256, "Memory": 4096 }""", "4096 is not one of [512, 1024, 2048, '512', '1024', '2048']"),
        ("cpu 512 with memory '1536'", """{ "Cpu": "512", "Memory": "1536" }""", "'1536' is not one of"),
        ("default cpu with memory 8192", """{ "Memory": 8192 }""", "8192 is not one of [1024, 2048, 3072, 4096"),
        ("tag key aws:", """{ "Tags": { "aws:team": "x" } }""", "'aws:team' does not match"),
        ("tag value with a control character", "{ \"Tags\": { \"team\": \"a\\u0001b\" } }", "does not match"),
        ("service name with an underscore", """{ "ServiceName": "app_api" }""", "'app_api' does not match"),
        ("unknown property", """{ "Memroy": 1024 }""", "Additional properties are not allowed ('Memroy' was unexpected)"),
        ("memory with a unit", """{ "Memory": "2GB" }""", "'2GB' is not valid under any of the given schemas"),
        ("listener arn of a load balancer", """{ "Network": { "ListenerArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/my-alb/50dc6c495c0c9188" } }""", "does not match"),
    ];

    [Fact]
    public void Examples_pass_and_broken_documents_fail_in_pythons_jsonschema()
    {
        var cases = new JsonArray();
        var examples = ExampleProperties();
        foreach (var (name, instance) in examples)
        {
            cases.Add(new JsonObject { ["name"] = name, ["instance"] = instance });
        }

        foreach (var (name, change, _) in Invalid)
        {
            var instance = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Examples, "app-api.properties.json")))!.AsObject();
            foreach (var (key, value) in JsonNode.Parse(change)!.AsObject())
            {
                instance[key] = value?.DeepClone();
            }

            cases.Add(new JsonObject { ["name"] = name, ["instance"] = instance });
        }

        using var result = RunJsonschema(_folder.Write("cases.json", cases.ToJsonString()));
        var root = result.RootElement;

        Assert.StartsWith("4.", root.GetProperty("jsonschema").GetString(), StringComparison.Ordinal);
        Assert.Empty(root.GetProperty("schemaProblems").EnumerateArray());
        var results = root.GetProperty("results");
        Assert.True(examples.Count >= 4, $"expected the 2 properties files and 2 templates of examples/, found {examples.Count}");
        foreach (var (name, _) in examples)
        {
            Assert.True(results.GetProperty(name).GetArrayLength() == 0, $"{name}: {results.GetProperty(name)}");
        }

        foreach (var (name, _, error) in Invalid)
        {
            var errors = results.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToList();
            Assert.True(errors.Any(e => e.Contains(error, StringComparison.Ordinal)), $"{name}: expected an error containing \"{error}\", got: {string.Join(" | ", errors)}");
        }
    }

    /// <summary>examples/*.properties.json as written, and each Custom::FargateApi of examples/*.yaml as CloudFormation would send it.</summary>
    private static List<(string Name, JsonNode Instance)> ExampleProperties()
    {
        var found = new List<(string, JsonNode)>();
        foreach (var file in Directory.EnumerateFiles(Repository.Examples, "*.properties.json").Order(StringComparer.Ordinal))
        {
            found.Add((Path.GetFileName(file), JsonNode.Parse(File.ReadAllText(file))!));
        }

        foreach (var file in Directory.EnumerateFiles(Repository.Examples, "*.yaml").Order(StringComparer.Ordinal))
        {
            var template = InputFile.Read(new InputText(file, File.ReadAllText(file)), useParameterDefaults: true);
            foreach (var resource in template.Resources)
            {
                // Values only CloudFormation knows (!GetAtt, !ImportValue) stand in as valid values of their property's type.
                var json = PropertiesJson.Write(resource.Properties, new UnknownValues());
                found.Add(($"{Path.GetFileName(file)}: {resource.Name}", JsonNode.Parse(json)!));
            }
        }

        return found;
    }

    private static JsonDocument RunJsonschema(string casesFile)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Schema", "validate_with_jsonschema.py");
        Assert.True(File.Exists(script), $"{script} is missing: the test project copies Schema/*.py to its output.");
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(Path.Combine(Repository.Root, "schema", "fargate-api.schema.json"));
        start.ArgumentList.Add(casesFile);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            Assert.Fail($"{Prerequisite} python3 could not be started: {missing.Message}");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "python3 did not finish within 2 minutes");
            Assert.True(process.ExitCode == 0, $"{Prerequisite}\npython3 exited {process.ExitCode}: {error.Result}");
            return JsonDocument.Parse(output.Result);
        }
    }
}
