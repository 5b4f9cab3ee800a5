using FargateApi.Properties;

namespace FargateApi.Tests.Properties;

/// <summary>
/// The committed schema/fargate-api.schema.json and docs/properties.md must be exactly what the catalog generates.
/// Regenerate: FARGATE_API_UPDATE_SNAPSHOTS=1 dotnet test test/FargateApi.Tests --filter FullyQualifiedName~CatalogSnapshotTests
/// </summary>
public sealed class CatalogSnapshotTests
{
    private const string Regenerate =
        "Regenerate with: FARGATE_API_UPDATE_SNAPSHOTS=1 dotnet test test/FargateApi.Tests --filter FullyQualifiedName~CatalogSnapshotTests";

    [Fact]
    public void Committed_json_schema_equals_the_generated_one() =>
        AssertSnapshot("schema/fargate-api.schema.json", PropertyCatalog.ToJsonSchema());

    [Fact]
    public void Committed_property_reference_equals_the_generated_one() =>
        AssertSnapshot("docs/properties.md", PropertyCatalog.ToMarkdown());

    private static void AssertSnapshot(string relativePath, string generated)
    {
        var path = Path.Combine(RepositoryRoot.Find(), relativePath);
        if (Environment.GetEnvironmentVariable("FARGATE_API_UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
        }

        Assert.True(File.Exists(path), $"{relativePath} is missing. {Regenerate}");
        var committed = File.ReadAllText(path);
        Assert.True(committed == generated, $"{relativePath} differs from what PropertyCatalog generates. {Regenerate}");
    }
}
