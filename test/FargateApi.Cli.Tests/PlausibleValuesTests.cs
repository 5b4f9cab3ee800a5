using System.Text.Json;
using FargateApi.Cli.Templates;
using FargateApi.Properties;

namespace FargateApi.Cli.Tests;

/// <summary>The stand-ins for intrinsic functions must be valid on their own, or a template would fail on a value it never gave.</summary>
public sealed class PlausibleValuesTests
{
    public static TheoryData<string> EveryProperty()
    {
        var paths = new TheoryData<string>();
        foreach (var member in PropertyCatalog.All)
        {
            paths.Add(member.Name);
            foreach (var nested in member.Members)
            {
                paths.Add(member.Name + "." + nested.Name);
            }
        }

        return paths;
    }

    [Theory]
    [MemberData(nameof(EveryProperty))]
    public void An_intrinsic_in_any_property_reads_as_valid_without_filtering(string path)
    {
        var unknowns = new UnknownValues();
        var json = PropertiesJson.Write(WithIntrinsicAt(path, asItem: false), unknowns);

        var result = Read(json);

        Assert.True(result.IsValid, $"{path}: {result.Describe()}");
        Assert.Equal(path, Assert.Single(unknowns.Values).Path);
    }

    [Theory]
    [MemberData(nameof(EveryProperty))]
    public void An_intrinsic_as_list_item_or_map_value_reads_as_valid(string path)
    {
        var definition = Definition(path);
        if (definition.Type is not (PropertyType.StringList or PropertyType.StringMap) || definition == PropertyCatalog.HealthCheckMembers.Command)
        {
            return; // Only lists and maps have items; a command's first item must be CMD or CMD-SHELL, known to the user.
        }

        var unknowns = new UnknownValues();
        var result = Read(PropertiesJson.Write(WithIntrinsicAt(path, asItem: true), unknowns));

        Assert.True(result.IsValid, $"{path}: {result.Describe()}");
        Assert.Single(unknowns.Values);
    }

    [Fact]
    public void Whole_properties_from_an_intrinsic_are_unknown_and_no_problem_stands()
    {
        var report = Validation.ResourceCheck.Run("t.yaml", new ResourceInput("Api", new TemplateIntrinsic("Fn::If")));

        Assert.True(report.IsValid);
        Assert.Equal("ResourceProperties", Assert.Single(report.Unknowns).Path);
    }

    private static PropertiesResult Read(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        return PropertiesReader.Read(document.RootElement);
    }

    private static PropertyDefinition Definition(string path)
    {
        var parts = path.Split('.');
        var definition = PropertyCatalog.Root.Member(parts[0])!;
        return parts.Length == 1 ? definition : definition.Member(parts[1])!;
    }

    /// <summary>The required properties as literals, and an intrinsic at <paramref name="path"/> (or as the one item there).</summary>
    private static TemplateMap WithIntrinsicAt(string path, bool asItem)
    {
        TemplateValue intrinsic = new TemplateIntrinsic("Ref");
        if (asItem)
        {
            intrinsic = Definition(path).Type == PropertyType.StringList
                ? new TemplateList([intrinsic])
                : new TemplateMap([new("KEY", intrinsic)]);
        }

        var parts = path.Split('.');
        var value = parts.Length == 1 ? intrinsic : new TemplateMap([new(parts[1], intrinsic)]);
        var members = new List<KeyValuePair<string, TemplateValue>>
        {
            new("ProjectPrefix", new TemplateScalar("acme", ScalarKind.String)),
            new("ServiceName", new TemplateScalar("app-api", ScalarKind.String)),
            new("Priority", new TemplateScalar("1", ScalarKind.Number)),
        };
        members.RemoveAll(m => m.Key == parts[0]);
        members.Add(new(parts[0], value));
        return new TemplateMap(members);
    }
}
