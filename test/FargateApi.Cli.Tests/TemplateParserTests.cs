using FargateApi.Cli.Templates;
using FargateApi.Cli.Validation;

namespace FargateApi.Cli.Tests;

public sealed class TemplateParserTests
{
    [Theory]
    [InlineData("!Ref", "Ref")]
    [InlineData("!Condition", "Condition")]
    [InlineData("!Sub", "Fn::Sub")]
    [InlineData("!GetAtt", "Fn::GetAtt")]
    [InlineData("!GetAZs", "Fn::GetAZs")]
    [InlineData("!ImportValue", "Fn::ImportValue")]
    [InlineData("!Equals", "Fn::Equals")]
    public void Short_form_tag_maps_to_its_long_form(string tag, string function)
    {
        var root = (TemplateMap)YamlTemplateParser.Parse(new StringReader($"A: {tag} x\n"));

        Assert.Equal(new TemplateIntrinsic(function), root.Get("A"));
    }

    [Fact]
    public void Yaml_scalars_keep_their_kind_and_quoted_numbers_stay_strings()
    {
        var root = (TemplateMap)YamlTemplateParser.Parse(new StringReader("a: 512\nb: \"512\"\nc: true\nd: ~\ne: text\nf: !!str 7\n"));

        Assert.Equal(new TemplateScalar("512", ScalarKind.Number), root.Get("a"));
        Assert.Equal(new TemplateScalar("512", ScalarKind.String), root.Get("b"));
        Assert.Equal(new TemplateScalar("true", ScalarKind.Boolean), root.Get("c"));
        Assert.Equal(TemplateScalar.Null, root.Get("d"));
        Assert.Equal(new TemplateScalar("text", ScalarKind.String), root.Get("e"));
        Assert.Equal(ScalarKind.String, ((TemplateScalar)root.Get("f")!).Kind);
    }

    [Fact]
    public void Long_forms_are_intrinsics_in_yaml_and_json_alike()
    {
        var yaml = (TemplateMap)YamlTemplateParser.Parse(new StringReader("a:\n  Fn::Join: [\"\", [x]]\nb: {Ref: P}\nc: {Ref: P, Other: 1}\n"));
        var json = (TemplateMap)JsonTemplateParser.Parse("""{ "a": { "Fn::Join": ["", ["x"]] }, "b": { "Ref": "P" }, "c": { "Ref": "P", "Other": 1 } }""");

        foreach (var root in new[] { yaml, json })
        {
            Assert.Equal(new TemplateIntrinsic("Fn::Join"), root.Get("a"));
            Assert.Equal(new TemplateIntrinsic("Ref"), root.Get("b"));
            Assert.IsType<TemplateMap>(root.Get("c")); // Two members: a map that happens to have a Ref key, not a function.
        }
    }

    [Fact]
    public void Same_template_in_yaml_and_json_gives_the_same_report()
    {
        const string yaml = """
            Resources:
              Api:
                Type: Custom::FargateApi
                Properties:
                  ProjectPrefix: acme
                  ServiceName: !Ref Name
                  Cpu: 256
                  Memory: 4096
                  Priority: 0
            """;
        const string json = """
            { "Resources": { "Api": { "Type": "Custom::FargateApi", "Properties": {
              "ProjectPrefix": "acme", "ServiceName": { "Ref": "Name" }, "Cpu": 256, "Memory": 4096, "Priority": 0 } } } }
            """;

        var fromYaml = ResourceCheck.Run("t", InputFile.FromValue("t", YamlTemplateParser.Parse(new StringReader(yaml))).Resources.Single());
        var fromJson = ResourceCheck.Run("t", InputFile.FromValue("t", JsonTemplateParser.Parse(json)).Resources.Single());

        Assert.Equal(fromYaml.Problems, fromJson.Problems);
        Assert.Equal(["Memory", "Priority"], fromYaml.Problems.Select(p => p.Property));
        Assert.Equal(fromYaml.Unknowns, fromJson.Unknowns);
    }

    [Fact]
    public void Event_and_bare_properties_are_told_apart_from_templates()
    {
        var @event = InputFile.FromValue("e", JsonTemplateParser.Parse("""{ "LogicalResourceId": "Api", "ResourceProperties": {} }"""));
        var properties = InputFile.FromValue("p", JsonTemplateParser.Parse("""{ "ProjectPrefix": "acme" }"""));

        Assert.Equal((InputKind.Event, "Api"), (@event.Kind, @event.Resources.Single().Name));
        Assert.Equal((InputKind.Properties, InputFile.PropertiesName), (properties.Kind, properties.Resources.Single().Name));
        Assert.Throws<TemplateFormatException>(() => InputFile.FromValue("x", JsonTemplateParser.Parse("[1]")));
    }
}
