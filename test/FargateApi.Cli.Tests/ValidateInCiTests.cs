using System.Text.Json;

namespace FargateApi.Cli.Tests;

/// <summary>Issue 13, item 2: validate is safe in CI: no resource is silently skipped, no broken file passes, every problem is said at once.</summary>
public sealed class ValidateInCiTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("Custom::FargateAPI")]
    [InlineData("Custom::Fargate-Api")]
    [InlineData("custom::fargateapi")]
    [InlineData("Custom::FargatApi")]
    public async Task A_resource_typed_as_a_near_miss_is_reported_not_skipped(string type)
    {
        var file = _folder.Write("t.yaml", Templates.YamlCpuMemoryMistake.Replace("Type: Custom::FargateApi", $"Type: {type}", StringComparison.Ordinal));

        var run = await Cli.RunAsync("validate", file);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains($"{file}: AppApi: Type: '{type}' is not Custom::FargateApi; did you mean Custom::FargateApi? (resource types are case-sensitive, and the provider answers FAILED to any other type)", run.OutputLines);
        Assert.Equal("1 Custom::FargateApi resources in 1 file: 0 valid, 1 invalid", run.OutputLines[^1]);
    }

    [Fact]
    public async Task Other_custom_types_are_not_taken_for_ours()
    {
        var file = _folder.Write("t.yaml", "Resources:\n  Other:\n    Type: Custom::OrderTable\n  Topic:\n    Type: AWS::SNS::Topic\n");

        var run = await Cli.RunAsync("validate", file);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains($"{file}: no Custom::FargateApi resource", run.OutputLines);
    }

    [Fact]
    public async Task A_template_resource_without_a_service_token_is_invalid()
    {
        var file = _folder.Write("t.yaml", Templates.YamlWithIntrinsics.Replace("      ServiceToken: !ImportValue fargate-api-ServiceToken\n", string.Empty, StringComparison.Ordinal));

        var run = await Cli.RunAsync("validate", file);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains(run.OutputLines, l => l.StartsWith($"{file}: AppApi: ServiceToken: required in a template", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_properties_file_needs_no_service_token()
    {
        var file = _folder.Write("p.json", Templates.Properties());

        Assert.Equal(ExitCodes.Ok, (await Cli.RunAsync("validate", file)).ExitCode);
    }

    [Fact]
    public async Task Json_of_another_kind_in_a_directory_is_skipped_with_a_note()
    {
        _folder.Write("package.json", """{ "name": "web", "version": "1.0.0", "scripts": { "test": "jest" } }""");
        _folder.Write("stack-config.json", """{ "Parameters": { "ImageTag": "1.2.3" }, "Tags": { "team": "web" }, "StackPolicy": { "Statement": [] } }""");
        _folder.Write("typos.json", """{ "ProjectPrefx": "acme", "ServiceNmae": "api", "Priorty": 1 }""");

        var run = await Cli.RunAsync("validate", _folder.Path);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        const string Note = ": skipped: is JSON but neither a template, an event nor a properties object (most of its names are not properties of Custom::FargateApi)";
        Assert.Contains(run.OutputLines, l => l.EndsWith("package.json" + Note, StringComparison.Ordinal));
        Assert.Contains(run.OutputLines, l => l.EndsWith("stack-config.json" + Note, StringComparison.Ordinal));
        Assert.Contains(run.OutputLines, l => l.EndsWith("typos.json: (properties): Priorty: unknown property; did you mean Priority?", StringComparison.Ordinal));
        Assert.Equal("1 Custom::FargateApi resources in 3 files: 0 valid, 1 invalid", run.OutputLines[^1]);
    }

    [Fact]
    public async Task Json_of_another_kind_named_on_the_command_line_is_an_error()
    {
        var file = _folder.Write("package.json", """{ "name": "web", "version": "1.0.0" }""");

        var run = await Cli.RunAsync("validate", file);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith($"{file}: is JSON but neither a template", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\n  \"Resources\": {\n    \"Api\": { \"Type\": \"Custom::FargateApi\", },\n  }\n}\n", "not valid JSON at line 3, column 44: a trailing comma before '}'; CloudFormation rejects it")]
    [InlineData("{\n  // the API\n  \"Resources\": {}\n}\n", "not valid JSON at line 2, column 3: a comment; JSON has none, and CloudFormation rejects a template that has one")]
    [InlineData("{\"Resources\": {}, \"Outputs\": {} \"Description\": \"x\"}", "not valid JSON at line 1, column 33: '\"' is invalid after a value. Expected either ',', '}', or ']'.")]
    [InlineData("{\"Description\": \"Zürich 東京\" ]}", "not valid JSON at line 1, column 29: ']' is invalid without a matching open.")]
    [InlineData("{\"Resources\": {", "not valid JSON at line 1, column 16: the text ends before the JSON does (an unclosed '{', '[' or string)")]
    public async Task A_json_template_cloudformation_rejects_is_reported_with_line_and_column(string json, string message)
    {
        var file = _folder.Write("t.json", json);

        var run = await Cli.RunAsync("validate", file);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal($"{file}: {message}", Assert.Single(run.ErrorLines));
        Assert.DoesNotContain("LineNumber", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_wrong_value_is_shown_around_the_wrong_part()
    {
        const string LoadBalancerArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/my-alb/50dc6c495c0c9188/f2f7dc8efc522ab2";
        var file = _folder.Write("p.json", Templates.Properties($", \"Network\": {{ \"ListenerArn\": \"{LoadBalancerArn}\" }}"));

        var run = await Cli.RunAsync("validate", file);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        var line = Assert.Single(run.OutputLines, l => l.Contains("Network.ListenerArn", StringComparison.Ordinal));
        Assert.Contains("…'ncing:us-east-1:123456789012:loadbalancer/app/my-alb/50dc6c4'… (109 characters, wrong from character 54) is not valid", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once_with_what_was_meant()
    {
        var file = _folder.Write("t.yaml", """
            Resources:
              AppApi:
                Type: Custom::FargateApi
                Properties:
                  ServiceToken: !ImportValue fargate-api-provider-ServiceToken
                  ProjectPrefix: acme
                  ServiceName: app-api
                  Priority: 1
                  Memroy: 1024
                  Memory: 2GB
                  DesiredCount: many
                  AutoScaling:
                    MinCapacity: 5
                    MaxCapacity: 2
            """);

        var run = await Cli.RunAsync("validate", "--json", file);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        var problems = document.RootElement.GetProperty("resources")[0].GetProperty("problems").EnumerateArray()
            .Select(p => $"{p.GetProperty("property").GetString()}: {p.GetProperty("message").GetString()}").ToList();
        Assert.Equal(
            [
                "Memroy: unknown property; did you mean Memory?",
                "Memory: expected a whole number, got the string '2GB'; Memory is a number of MiB without a unit: write 2048 for 2 GB",
                "DesiredCount: expected a whole number, got the string 'many'",
                "AutoScaling.MinCapacity: 5 is above MaxCapacity 2; MinCapacity ≤ DesiredCount ≤ MaxCapacity",
            ],
            problems);
    }
}
