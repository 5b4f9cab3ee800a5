using System.Diagnostics;
using System.Text;

namespace FargateApi.IntegrationTests;

/// <summary>One run of the published bootstrap under a loopback Runtime API; killed on dispose (it never exits by itself).</summary>
public sealed class BootstrapProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public BootstrapProcess(string path, string runtimeApi, bool allowHttpResponseUrl = true)
    {
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
        start.Environment["FARGATE_API_ALLOW_HTTP_RESPONSE_URL"] = allowHttpResponseUrl ? "1" : "0";
        StartedAt = DateTimeOffset.UtcNow;
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public DateTimeOffset StartedAt { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
