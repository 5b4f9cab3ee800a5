using System.Diagnostics;

namespace FargateApi.IntegrationTests.Moto;

/// <summary>The python helpers beside these tests (copied to the output's Moto/Scripts), run with python3 and boto3.</summary>
public static class PythonScripts
{
    public const string Python = "python3";

    /// <summary>What the moto tests need, checked once with one message that says how to get it.</summary>
    public const string Prerequisites =
        "The moto integration tests need python3 on PATH with moto[server] 5.2.1 (the moto_server command) and boto3: " +
        "pip install 'moto[server]==5.2.1' boto3";

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    public static string PathOf(string script)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Moto", "Scripts", script);
        Assert.True(File.Exists(path), $"{path} is missing: the test project copies Moto/Scripts/*.py to its output.");
        return path;
    }

    /// <summary>Fails with <see cref="Prerequisites"/> when python3, moto_server, moto or boto3 is missing.</summary>
    public static void RequirePrerequisites()
    {
        var (exitCode, output, error) = TryRun(Python, ["-c", "import boto3, moto, moto.server; print(moto.__version__)"], DefaultTimeout);
        Assert.True(exitCode == 0, $"{Prerequisites}\n{Python} -c 'import boto3, moto' failed ({exitCode}): {output}{error}");
        var (whichCode, _, _) = TryRun("sh", ["-c", "command -v moto_server"], DefaultTimeout);
        Assert.True(whichCode == 0, $"{Prerequisites}\nmoto_server is not on PATH.");
    }

    /// <summary>Runs a helper script; fails the test with its output when it does not exit 0. Returns its stdout.</summary>
    public static string Run(string script, params string[] arguments)
    {
        var (exitCode, output, error) = TryRun(Python, [PathOf(script), .. arguments], DefaultTimeout);
        Assert.True(exitCode == 0, $"{script} {string.Join(' ', arguments)} failed ({exitCode}):\n{error}\n{output}");
        return output;
    }

    public static (int ExitCode, string Output, string Error) TryRun(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception missing)
        {
            return (-1, string.Empty, $"{fileName} could not be started: {missing.Message}");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (-1, string.Empty, $"{fileName} did not finish within {timeout}");
            }

            return (process.ExitCode, output.Result, error.Result);
        }
    }
}
