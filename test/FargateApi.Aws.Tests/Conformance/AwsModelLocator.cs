using System.Diagnostics;
using System.IO.Compression;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>Where to look for the botocore-format models, in order. Tests pass these explicitly so nothing reads the environment twice.</summary>
/// <param name="ExplicitDir">The value of <c>AWS_MODELS_DIR</c>, if set.</param>
/// <param name="StartDir">Where to start walking up to the folder holding Provider.sln (normally the test assembly's folder).</param>
/// <param name="BotocoreDataDir">Produces botocore's <c>data</c> folder, or null; only called when the first two sources miss.</param>
internal sealed record ModelSearch(string? ExplicitDir, string? StartDir, Func<string?> BotocoreDataDir)
{
    public const string EnvironmentVariable = "AWS_MODELS_DIR";

    private static readonly Lazy<string?> BotocoreProbe = new(AwsModelLocator.FindBotocoreDataDir);

    /// <summary>The search every conformance test uses: environment, then the repo's sibling shared folder, then installed botocore.</summary>
    public static ModelSearch Default { get; } = new(
        Environment.GetEnvironmentVariable(EnvironmentVariable),
        AppContext.BaseDirectory,
        () => BotocoreProbe.Value);
}

/// <summary>The model files of one service at its newest API version.</summary>
internal sealed record ModelFiles(string Service, string ApiVersion, string Directory, string Source)
{
    public string ServicePath => AwsModelLocator.FileIn(Directory, "service-2") ?? throw new FileNotFoundException($"no service-2.json(.gz) in {Directory}");

    public string? PaginatorsPath => AwsModelLocator.FileIn(Directory, "paginators-1");

    public string? WaitersPath => AwsModelLocator.FileIn(Directory, "waiters-2");
}

/// <summary>
/// Finds the official AWS API models (botocore's data layout, <c>&lt;service&gt;/&lt;api-version&gt;/service-2.json[.gz]</c>).
/// Nothing is copied into the repo: the models live in /work/shared/aws-models or come with botocore.
/// </summary>
internal static class AwsModelLocator
{
    private const string SharedModelsRelativeToRepoRoot = "../shared/aws-models";
    private const string SolutionFile = "Provider.sln";

    public static ModelFiles Locate(string service, ModelSearch search)
    {
        var tried = new List<string>();

        if (!string.IsNullOrEmpty(search.ExplicitDir))
        {
            var found = InRoot(service, search.ExplicitDir, $"${ModelSearch.EnvironmentVariable}", tried);
            if (found is not null)
            {
                return found;
            }
        }
        else
        {
            tried.Add($"${ModelSearch.EnvironmentVariable} (not set)");
        }

        var repoRoot = search.StartDir is null ? null : FindRepoRoot(search.StartDir);
        if (repoRoot is not null)
        {
            var shared = Path.GetFullPath(Path.Combine(repoRoot, SharedModelsRelativeToRepoRoot));
            var found = InRoot(service, shared, "repo sibling shared/aws-models", tried);
            if (found is not null)
            {
                return found;
            }
        }
        else
        {
            tried.Add($"{SharedModelsRelativeToRepoRoot} (no {SolutionFile} above {search.StartDir ?? "(none)"})");
        }

        var botocore = search.BotocoreDataDir();
        if (botocore is not null)
        {
            var found = InRoot(service, botocore, "installed botocore", tried);
            if (found is not null)
            {
                return found;
            }
        }
        else
        {
            tried.Add("python3 botocore data/ (python3 or botocore not installed)");
        }

        throw new FileNotFoundException(
            $"No AWS model for '{service}'. Put botocore-format models (<service>/<api-version>/service-2.json) in "
            + $"${ModelSearch.EnvironmentVariable}, or in {SharedModelsRelativeToRepoRoot} next to the repo root, or `pip install botocore`. "
            + "Tried: " + string.Join("; ", tried));
    }

    /// <summary>The newest API version folder of <paramref name="service"/> under <paramref name="root"/> that holds a service-2 file.</summary>
    public static ModelFiles? InRoot(string service, string root, string source, List<string>? tried = null)
    {
        var serviceDir = Path.Combine(root, service);
        var newest = System.IO.Directory.Exists(serviceDir)
            ? System.IO.Directory.GetDirectories(serviceDir)
                .Where(dir => FileIn(dir, "service-2") is not null)
                // API versions are ISO dates, so ordinal order is chronological order.
                .OrderByDescending(dir => Path.GetFileName(dir), StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
        if (newest is null)
        {
            tried?.Add($"{serviceDir} ({source})");
            return null;
        }

        return new ModelFiles(service, Path.GetFileName(newest), newest, source);
    }

    public static string? FindRepoRoot(string startDir)
    {
        for (var dir = new DirectoryInfo(startDir); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    internal static string? FileIn(string dir, string baseName)
    {
        var plain = Path.Combine(dir, baseName + ".json");
        if (File.Exists(plain))
        {
            return plain;
        }

        var gz = plain + ".gz";
        return File.Exists(gz) ? gz : null;
    }

    /// <summary>Reads a model file, gunzipping botocore's <c>.json.gz</c> files.</summary>
    public static byte[] ReadAllBytes(string path)
    {
        if (!path.EndsWith(".gz", StringComparison.Ordinal))
        {
            return File.ReadAllBytes(path);
        }

        using var file = File.OpenRead(path);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Asks python3 once where botocore lives; null when python3 or botocore is missing.</summary>
    public static string? FindBotocoreDataDir()
    {
        try
        {
            var start = new ProcessStartInfo("python3", ["-c", "import botocore, os; print(os.path.dirname(botocore.__file__))"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            // Drain stderr concurrently so a chatty interpreter cannot fill the pipe and block us.
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            _ = errors.Result;
            return process.ExitCode == 0 ? BotocoreDataDirFromProbeOutput(output) : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    public static string? BotocoreDataDirFromProbeOutput(string output)
    {
        var packageDir = output.Trim();
        if (packageDir.Length == 0)
        {
            return null;
        }

        var data = Path.Combine(packageDir, "data");
        return System.IO.Directory.Exists(data) ? data : null;
    }
}
