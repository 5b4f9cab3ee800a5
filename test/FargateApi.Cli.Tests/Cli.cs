using FargateApi.Cli.Invoke;

namespace FargateApi.Cli.Tests;

/// <summary>Runs the CLI in process, as <c>fargate-api ARGS</c> would, capturing its streams and exit code.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Errors)
{
    public string[] ErrorLines => Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
}

internal static class Cli
{
    /// <summary>No AWS configuration at all: nothing a test runs may reach a real account.</summary>
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await Program.RunAsync(args, output, errors, NoEnvironment);
        return new CliRun(exit, output.ToString(), errors.ToString());
    }

    /// <summary>As <see cref="RunAsync"/>, with <paramref name="stdin"/> as what '-' reads.</summary>
    public static async Task<CliRun> RunWithStdinAsync(string stdin, params string[] args) =>
        await RunWithStdinAsync(() => new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stdin)), args);

    public static async Task<CliRun> RunWithStdinAsync(Func<Stream> openStdin, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await Program.RunAsync(args, output, errors, NoEnvironment, openStdin);
        return new CliRun(exit, output.ToString(), errors.ToString());
    }

    public static async Task<CliRun> InvokeAsync(InvokeEnvironment environment, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = await Commands.InvokeCommand.RunAsync(args, output, errors, environment, FargateApi.Cli.Templates.InputReader.WithoutStdin);
        return new CliRun(exit, output.ToString(), errors.ToString());
    }
}

/// <summary>A temporary folder for the files a test writes; deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "fargate-api-cli-" + Guid.NewGuid().ToString("N"));

    public string Write(string name, string content)
    {
        var file = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllText(file, content);
        return file;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>The repository's own files (examples/), found upwards from the test's output folder.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    public static string Examples => Path.Combine(Root, "examples");

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Provider.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Provider.sln not found above " + AppContext.BaseDirectory);
    }
}
