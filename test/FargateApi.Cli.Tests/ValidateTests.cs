using System.Text.Json;

namespace FargateApi.Cli.Tests;

public sealed class ValidateTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Yaml_template_with_short_form_intrinsics_is_valid()
    {
        var file = _folder.Write("app.yaml", Templates.YamlWithIntrinsics);

        var run = await Cli.RunAsync("validate", file);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        var line = Assert.Single(run.OutputLines, l => l.StartsWith($"{file}: AppApi: valid", StringComparison.Ordinal));
        Assert.Contains("Cpu", line, StringComparison.Ordinal);
        Assert.Contains("Network.SubnetIds", line, StringComparison.Ordinal);
        Assert.Contains("1 valid, 0 invalid", run.OutputLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_template_with_long_form_intrinsics_is_valid_and_other_resources_are_ignored()
    {
        var file = _folder.Write("app.json", Templates.JsonWithIntrinsics);

        var run = await Cli.RunAsync("validate", file);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains($"{file}: AppApi: valid", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Other", run.Output, StringComparison.Ordinal);
        Assert.Contains("1 Custom::FargateApi resources in 1 file: 1 valid, 0 invalid", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Literal_memory_outside_the_literal_cpu_tier_names_file_resource_and_property()
    {
        var file = _folder.Write("broken.yaml", Templates.YamlCpuMemoryMistake);

        var run = await Cli.RunAsync("validate", file);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains($"{file}: AppApi: Memory: 4096 is not allowed with Cpu 256; allowed: 512, 1024, 2048", run.OutputLines);
        Assert.Contains("0 valid, 1 invalid", run.OutputLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Literal_memory_with_cpu_from_a_parameter_is_not_judged()
    {
        var file = _folder.Write("t.yaml", Templates.YamlCpuMemoryMistake.Replace("Cpu: 256", "Cpu: !Ref Cpu", StringComparison.Ordinal));

        var run = await Cli.RunAsync("validate", file);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
    }

    [Fact]
    public async Task A_literal_mistake_beside_intrinsics_in_unrelated_properties_is_still_reported()
    {
        var file = _folder.Write("t.yaml", Templates.YamlWithIntrinsics.Replace("ServiceName: app-api", "ServiceName: App_Api", StringComparison.Ordinal)
            .Replace("Memory: 8192", "Memory: 8192\n      DesiredCount: -1\n      Priorty: 3", StringComparison.Ordinal));

        var run = await Cli.RunAsync("validate", file);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains(run.OutputLines, l => l.StartsWith($"{file}: AppApi: ServiceName: ", StringComparison.Ordinal));
        Assert.Contains(run.OutputLines, l => l.StartsWith($"{file}: AppApi: DesiredCount: ", StringComparison.Ordinal));
        Assert.Contains(run.OutputLines, l => l.StartsWith($"{file}: AppApi: Priorty: ", StringComparison.Ordinal) && l.Contains("Priority", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_project_prefix_that_makes_an_ec2_refused_security_group_name_is_reported_whatever_the_service_name()
    {
        var file = _folder.Write("t.yaml", Templates.YamlWithIntrinsics
            .Replace("ProjectPrefix: acme", "ProjectPrefix: sg", StringComparison.Ordinal)
            .Replace("ServiceName: app-api", "ServiceName: !Ref Name", StringComparison.Ordinal));

        var run = await Cli.RunAsync("validate", file);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains(
            $"{file}: AppApi: ProjectPrefix: 'sg' makes the security group name 'sg-unknown-ecs-sg': it starts with 'sg-', which EC2 refuses; allowed: any ProjectPrefix but 'sg' or one starting with 'sg-'",
            run.OutputLines);
    }

    [Fact]
    public async Task A_literal_bad_item_beside_an_intrinsic_item_is_reported()
    {
        var file = _folder.Write("t.yaml", Templates.YamlWithIntrinsics.Replace("SubnetIds: !Split [\",\", !ImportValue acme-private-subnets]", "SubnetIds: [!ImportValue a, not-a-subnet]", StringComparison.Ordinal));

        var run = await Cli.RunAsync("validate", file);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains(run.OutputLines, l => l.StartsWith($"{file}: AppApi: Network.SubnetIds[1]: ", StringComparison.Ordinal));
        Assert.DoesNotContain(run.OutputLines, l => l.Contains("SubnetIds[0]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Properties_file_and_event_file_are_validated_as_before()
    {
        var properties = _folder.Write("p.json", Templates.Properties(", \"Cpu\": 256, \"Memory\": 4096"));
        var @event = _folder.Write("e.json", $$"""{ "RequestType": "Create", "LogicalResourceId": "Api", "ResourceProperties": {{Templates.Properties()}} }""");

        var run = await Cli.RunAsync("validate", properties, @event);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains(run.OutputLines, l => l.StartsWith($"{properties}: (properties): Memory: 4096 is not allowed", StringComparison.Ordinal));
        Assert.Contains($"{@event}: Api: valid", run.OutputLines);
    }

    [Fact]
    public async Task Examples_folder_is_valid_templates_and_properties_alike()
    {
        var run = await Cli.RunAsync("validate", Repository.Examples);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Output + run.Errors);
        Assert.Contains(run.OutputLines, l => l.Contains(".properties.json: (properties): valid", StringComparison.Ordinal));
        if (Directory.EnumerateFiles(Repository.Examples, "*.yaml").Any())
        {
            Assert.Contains(run.OutputLines, l => l.Contains(".yaml: ", StringComparison.Ordinal) && l.Contains(": valid", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_broken_copy_of_an_example_fails_naming_the_property()
    {
        var example = Directory.EnumerateFiles(Repository.Examples, "*.yaml").Select(File.ReadAllText).FirstOrDefault(t => t.Contains("Cpu: 512", StringComparison.Ordinal) && t.Contains("Memory: 1024", StringComparison.Ordinal))
            ?? File.ReadAllText(Path.Combine(Repository.Examples, "app-api.properties.json")).Replace("\"Cpu\": 512", "\"Cpu\": 256", StringComparison.Ordinal).Replace("\"Memory\": 1024", "\"Memory\": 4096", StringComparison.Ordinal);
        var broken = example.Replace("Cpu: 512", "Cpu: 256", StringComparison.Ordinal).Replace("Memory: 1024", "Memory: 4096", StringComparison.Ordinal);
        var file = _folder.Write(example.TrimStart().StartsWith('{') ? "broken.json" : "broken.yaml", broken);

        var run = await Cli.RunAsync("validate", file);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        Assert.Contains(run.OutputLines, l => l.StartsWith(file + ": ", StringComparison.Ordinal) && l.Contains(": Memory: 4096 is not allowed with Cpu 256", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Directory_skips_yaml_that_is_no_template_and_templates_without_the_resource()
    {
        _folder.Write("ci/workflow.yml", "on: push\njobs: {}\n");
        _folder.Write("other.yaml", "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n");
        _folder.Write("app.yaml", Templates.YamlWithIntrinsics);

        var run = await Cli.RunAsync("validate", _folder.Path);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains(run.OutputLines, l => l.EndsWith("workflow.yml: skipped: YAML that is not a CloudFormation template", StringComparison.Ordinal));
        Assert.Contains(run.OutputLines, l => l.EndsWith("other.yaml: no Custom::FargateApi resource", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_output_lists_problems_and_unknown_values()
    {
        var broken = _folder.Write("broken.yaml", Templates.YamlCpuMemoryMistake);

        var run = await Cli.RunAsync("validate", "--json", broken);

        Assert.Equal(ExitCodes.Invalid, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        var resource = document.RootElement.GetProperty("resources")[0];
        Assert.False(document.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal("AppApi", resource.GetProperty("resource").GetString());
        Assert.Equal("Memory", resource.GetProperty("problems")[0].GetProperty("property").GetString());
        Assert.Equal(["ServiceToken", "Priority"], resource.GetProperty("unknown").EnumerateArray().Select(u => u.GetProperty("property").GetString()));
    }

    [Theory]
    [InlineData("Resources: [a\n")]
    [InlineData("Resources:\n  A: !Ref\n    - b\n  - c\n")]
    public async Task Unparseable_yaml_exits_with_usage_code(string yaml)
    {
        var file = _folder.Write("bad.yaml", yaml);

        var run = await Cli.RunAsync("validate", file);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains($"{file}: not valid YAML", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_file_and_missing_argument_exit_with_usage_code()
    {
        Assert.Equal(ExitCodes.Usage, (await Cli.RunAsync("validate", Path.Combine(_folder.Path, "nope.yaml"))).ExitCode);
        Assert.Equal(ExitCodes.Usage, (await Cli.RunAsync("validate")).ExitCode);
        Assert.Equal(ExitCodes.Usage, (await Cli.RunAsync("validate", "--strict", "x")).ExitCode);
    }
}
