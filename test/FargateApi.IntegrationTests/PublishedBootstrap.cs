using System.Diagnostics;

namespace FargateApi.IntegrationTests;

/// <summary>
/// The bootstrap as <c>sam build</c> makes it: <c>make build-ProviderFunction</c> into a temporary directory, once per
/// test run; or the binary named by <c>FARGATE_API_BOOTSTRAP</c> when CI built it already.
/// </summary>
public sealed class PublishedBootstrap : IDisposable
{
    public const string PrebuiltVariable = "FARGATE_API_BOOTSTRAP";

    private readonly string? _artifacts;

    public PublishedBootstrap()
    {
        var prebuilt = Environment.GetEnvironmentVariable(PrebuiltVariable);
        if (!string.IsNullOrEmpty(prebuilt))
        {
            Path = System.IO.Path.GetFullPath(prebuilt);
            Assert.True(File.Exists(Path), $"{PrebuiltVariable}={prebuilt} does not exist.");
            return;
        }

        _artifacts = Directory.CreateTempSubdirectory("fargate-api-bootstrap-").FullName;
        var make = Run("make", ["build-ProviderFunction", $"ARTIFACTS_DIR={_artifacts}"], RepositoryRoot(), TimeSpan.FromMinutes(9));
        Path = System.IO.Path.Combine(_artifacts, "bootstrap");
        Assert.True(make.ExitCode == 0 && File.Exists(Path), $"make build-ProviderFunction failed ({make.ExitCode}):\n{make.Output}");
    }

    public string Path { get; }

    public void Dispose()
    {
        if (_artifacts is not null)
        {
            Directory.Delete(_artifacts, recursive: true);
        }
    }

    public static (int ExitCode, string Output) Run(string fileName, IEnumerable<string> arguments, string? workingDirectory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? string.Empty };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{fileName} did not finish within {timeout}");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Makefile")) && File.Exists(System.IO.Path.Combine(directory.FullName, "Provider.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Makefile beside Provider.sln) is not above the test binaries.");
    }
}

[CollectionDefinition(Name)]
public sealed class PublishedBootstrapCollection : ICollectionFixture<PublishedBootstrap>
{
    public const string Name = "Published bootstrap";
}
