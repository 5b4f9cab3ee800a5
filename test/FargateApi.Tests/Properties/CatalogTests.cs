using System.Text.Json.Nodes;
using FargateApi.Properties;
using static FargateApi.Tests.Properties.PropertyFixtures;

namespace FargateApi.Tests.Properties;

public sealed class CatalogTests
{
    private static IEnumerable<(string Path, PropertyDefinition Definition)> Leaves(PropertyDefinition parent, string prefix) =>
        parent.Members.SelectMany(m => m.Type == PropertyType.Object
            ? Leaves(m, prefix + m.Name + ".")
            : [(prefix + m.Name, m)]);

    [Fact]
    public void Replacement_is_exactly_what_aws_cannot_change_in_place()
    {
        var replacing = Leaves(PropertyCatalog.Root, string.Empty).Where(l => l.Definition.Update == UpdateBehavior.Replacement).Select(l => l.Path);

        // ContainerPort is not among them: UpdateService moves the load balancer mapping in place (issue "Real AWS behaviour", 8).
        Assert.Equal(["ProjectPrefix", "ServiceName", "Network.VpcId", "Network.ClusterName", "Network.ListenerArn"], replacing);
    }

    [Fact]
    public void Every_property_has_a_description_and_every_string_a_length_limit()
    {
        foreach (var (path, definition) in Leaves(PropertyCatalog.Root, string.Empty))
        {
            Assert.False(string.IsNullOrWhiteSpace(definition.Description), path);
            if (definition.Type is PropertyType.String or PropertyType.StringList or PropertyType.StringMap && definition.AllowedStrings is null)
            {
                Assert.True(definition.MaxLength is not null, path + " has no MaxLength: a huge value would reach its pattern");
            }

            if (definition.Type == PropertyType.Integer)
            {
                Assert.True(definition.Minimum is not null && definition.Maximum is not null, path);
            }
        }
    }

    public static TheoryData<string> LeafPaths => [.. Leaves(PropertyCatalog.Root, string.Empty).Select(l => l.Path)];

    /// <summary>A property the reader forgot would let any value through: every one must reject a wrong JSON kind.</summary>
    [Theory]
    [MemberData(nameof(LeafPaths))]
    public void Reader_checks_every_catalog_property(string path)
    {
        var definition = Leaves(PropertyCatalog.Root, string.Empty).Single(l => l.Path == path).Definition;
        JsonNode wrong = definition.Type is PropertyType.StringMap ? new JsonArray("x") : new JsonObject { ["x"] = "y" };

        var result = Read(Seed().With(path, wrong));

        Assert.Contains(result.Problems, p => p.Property == path);
    }

    [Fact]
    public void Catalog_defaults_are_the_seed_values()
    {
        Assert.Equal(512, PropertyCatalog.Cpu.DefaultInteger);
        Assert.Equal(8000, PropertyCatalog.ContainerPort.DefaultInteger);
        Assert.Equal(7, PropertyCatalog.LogRetentionDays.DefaultInteger);
        Assert.Equal(30, PropertyCatalog.DeregistrationDelaySeconds.DefaultInteger);
        Assert.Equal(["/api/*"], PropertyCatalog.PathPatterns.DefaultList!);
        Assert.Equal("/health", PropertyCatalog.TargetHealthCheckMembers.Path.DefaultString);
        Assert.Equal(60, PropertyCatalog.DeploymentMembers.HealthCheckGracePeriodSeconds.DefaultInteger);
    }

    [Fact]
    public void Fargate_table_lists_every_memory_size_aws_allows()
    {
        // Count per CPU from the Fargate table: 3, 4, 7, 13, 23, 12, 12.
        var counts = FargateSizes.Tiers.Select(t => Enumerable.Range(0, 130000).Count(m => t.Allows(m)));

        Assert.Equal([3, 4, 7, 13, 23, 12, 12], counts);
    }
}
