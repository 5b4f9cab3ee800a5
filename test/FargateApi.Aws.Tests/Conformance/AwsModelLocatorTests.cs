using System.IO.Compression;
using System.Text;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>Each of the three model sources works on its own, in order, and a miss says where to put the models.</summary>
public sealed class AwsModelLocatorTests : IDisposable
{
    private const string TinyModel = """
        {"version":"2.0","metadata":{"apiVersion":"2014-11-13","protocol":"json","jsonVersion":"1.1","targetPrefix":"Tiny"},
         "operations":{"Ping":{"name":"Ping","input":{"shape":"PingRequest"}}},
         "shapes":{"PingRequest":{"type":"structure","required":["name"],"members":{"name":{"shape":"S"}}},"S":{"type":"string"}}}
        """;

    private readonly string _temp = Directory.CreateTempSubdirectory("aws-models-").FullName;

    private static readonly Func<string?> NoBotocore = () => null;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    [Fact]
    public void Explicit_dir_with_a_gzipped_model_is_found_and_read()
    {
        var root = Path.Combine(_temp, "explicit");
        WriteModel(root, "ecs", "2014-11-13", gzip: true);

        var files = AwsModelLocator.Locate("ecs", new ModelSearch(root, null, NoBotocore));
        var model = ServiceModel.FromFiles(files);

        Assert.Equal("$AWS_MODELS_DIR", files.Source);
        Assert.EndsWith("service-2.json.gz", files.ServicePath, StringComparison.Ordinal);
        Assert.True(model.HasOperation("Ping"));
        Assert.Equal("Tiny", model.TargetPrefix);
    }

    [Fact]
    public void Explicit_dir_wins_over_the_shared_folder()
    {
        var (repo, _) = RepoWithSharedModels();
        var root = Path.Combine(_temp, "explicit");
        WriteModel(root, "ecs", "2014-11-13", gzip: false);

        Assert.Equal("$AWS_MODELS_DIR", AwsModelLocator.Locate("ecs", new ModelSearch(root, repo, NoBotocore)).Source);
    }

    [Fact]
    public void Shared_folder_next_to_the_repo_root_is_found_by_walking_up_from_the_start_dir()
    {
        var (repo, shared) = RepoWithSharedModels();
        var deep = Directory.CreateDirectory(Path.Combine(repo, "test", "X.Tests", "bin", "Debug", "net10.0")).FullName;

        var files = AwsModelLocator.Locate("ecs", new ModelSearch(null, deep, NoBotocore));

        Assert.Equal(Path.Combine(shared, "ecs", "2014-11-13"), files.Directory);
        Assert.True(ServiceModel.FromFiles(files).HasOperation("Ping"));
    }

    [Fact]
    public void Botocore_data_dir_is_used_last_and_its_newest_api_version_wins()
    {
        var data = Path.Combine(_temp, "botocore", "data");
        WriteModel(data, "ecs", "2013-01-01", gzip: true);
        WriteModel(data, "ecs", "2014-11-13", gzip: true);
        Directory.CreateDirectory(Path.Combine(data, "ecs", "2099-01-01")); // a version folder without a model is skipped

        var files = AwsModelLocator.Locate("ecs", new ModelSearch(Path.Combine(_temp, "empty"), _temp, () => data));

        Assert.Equal("installed botocore", files.Source);
        Assert.Equal("2014-11-13", files.ApiVersion);
    }

    [Fact]
    public void Botocore_probe_is_not_run_when_an_earlier_source_has_the_model()
    {
        var root = Path.Combine(_temp, "explicit");
        WriteModel(root, "ecs", "2014-11-13", gzip: false);

        AwsModelLocator.Locate("ecs", new ModelSearch(root, null, () => throw new InvalidOperationException("probe ran")));
    }

    [Fact]
    public void No_source_fails_naming_every_place_to_put_the_models()
    {
        var error = Assert.Throws<FileNotFoundException>(() =>
            AwsModelLocator.Locate("ecs", new ModelSearch(null, _temp, NoBotocore)));

        Assert.Contains("AWS_MODELS_DIR", error.Message, StringComparison.Ordinal);
        Assert.Contains("../shared/aws-models", error.Message, StringComparison.Ordinal);
        Assert.Contains("botocore", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Probe_output_names_the_package_dir_whose_data_folder_holds_the_models()
    {
        var package = Path.Combine(_temp, "site-packages", "botocore");
        Directory.CreateDirectory(Path.Combine(package, "data"));

        Assert.Equal(Path.Combine(package, "data"), AwsModelLocator.BotocoreDataDirFromProbeOutput(package + "\n"));
        Assert.Null(AwsModelLocator.BotocoreDataDirFromProbeOutput(""));
        Assert.Null(AwsModelLocator.BotocoreDataDirFromProbeOutput(_temp));
    }

    /// <summary>The image ships botocore for python3; this proves the real probe and gzip path on real models.</summary>
    [Fact]
    public void Installed_botocore_is_found_by_the_python_probe_and_its_gzipped_models_load()
    {
        var data = AwsModelLocator.FindBotocoreDataDir();
        Assert.True(data is not null, "python3 -c 'import botocore' failed: install botocore (pip install botocore) for this test");

        var files = AwsModelLocator.Locate("elbv2", new ModelSearch(null, null, () => data));
        var model = ServiceModel.FromFiles(files);

        Assert.Equal("query", model.Protocol);
        Assert.True(model.HasOperation("CreateTargetGroup"));
    }

    [Fact]
    public void A_service_missing_from_the_shared_folder_is_taken_from_botocore_while_the_others_stay_shared()
    {
        var (repo, shared) = RepoWithSharedModels();
        var data = Path.Combine(_temp, "botocore", "data");
        WriteModel(data, "ecs", "2014-11-13", gzip: true);
        WriteModel(data, "cloudformation", "2010-05-15", gzip: true);
        var search = new ModelSearch(null, repo, () => data);

        var ecs = AwsModelLocator.Locate("ecs", search);
        var cloudFormation = AwsModelLocator.Locate("cloudformation", search);

        Assert.Equal(("repo sibling shared/aws-models", Path.Combine(shared, "ecs", "2014-11-13")), (ecs.Source, ecs.Directory));
        Assert.Equal(("installed botocore", Path.Combine(data, "cloudformation", "2010-05-15")), (cloudFormation.Source, cloudFormation.Directory));
    }

    [Fact]
    public void A_service_missing_from_the_explicit_dir_is_looked_up_in_the_later_sources()
    {
        var root = Path.Combine(_temp, "explicit");
        WriteModel(root, "ecs", "2014-11-13", gzip: false);
        var data = Path.Combine(_temp, "botocore", "data");
        WriteModel(data, "cloudformation", "2010-05-15", gzip: true);
        var search = new ModelSearch(root, null, () => data);

        Assert.Equal("$AWS_MODELS_DIR", AwsModelLocator.Locate("ecs", search).Source);
        Assert.Equal("installed botocore", AwsModelLocator.Locate("cloudformation", search).Source);
    }

    public static TheoryData<string> CataloguedServices { get; } = [.. CataloguedModels.Names];

    [Theory]
    [MemberData(nameof(CataloguedServices))]
    public void Default_search_finds_every_model_we_call(string service)
    {
        var model = ServiceModel.Load(service);

        Assert.NotEmpty(model.OperationNames);
        Assert.NotNull(model.Paginators);
    }

    private (string Repo, string Shared) RepoWithSharedModels()
    {
        var repo = Directory.CreateDirectory(Path.Combine(_temp, "work", "main")).FullName;
        File.WriteAllText(Path.Combine(repo, "Provider.sln"), "");
        var shared = Path.Combine(_temp, "work", "shared", "aws-models");
        WriteModel(shared, "ecs", "2014-11-13", gzip: false);
        return (repo, shared);
    }

    private static void WriteModel(string root, string service, string version, bool gzip)
    {
        var dir = Directory.CreateDirectory(Path.Combine(root, service, version)).FullName;
        var bytes = Encoding.UTF8.GetBytes(TinyModel);
        if (!gzip)
        {
            File.WriteAllBytes(Path.Combine(dir, "service-2.json"), bytes);
            return;
        }

        using var file = File.Create(Path.Combine(dir, "service-2.json.gz"));
        using var zip = new GZipStream(file, CompressionLevel.Fastest);
        zip.Write(bytes);
    }
}
