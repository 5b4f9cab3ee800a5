using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FargateApi.IntegrationTests.Moto;

/// <summary>
/// moto_server on 127.0.0.1 and a free port, for the tests of one class; killed with its process tree at the end. It
/// runs through <c>Scripts/moto_server_fixed.py</c> (moto_server's own entry point and arguments, plus two fixes where
/// moto 5.2.1 contradicts AWS's documentation: see that file) and records every request it serves
/// (<c>MOTO_ENABLE_RECORDING</c>), so tests can check fields moto accepts but never echoes back.
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    public const string Region = "us-east-1";

    /// <summary>moto's fixed account (moto.core DEFAULT_ACCOUNT_ID).</summary>
    public const string Account = "123456789012";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly StringBuilder _log = new();
    private readonly string _recording = Path.Combine(Path.GetTempPath(), $"moto-recording-{Guid.NewGuid():N}.jsonl");
    private Process? _process;

    public int Port { get; private set; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>The requests moto served, oldest first (moto's recorder: one JSON object per line).</summary>
    public string RecordingPath => _recording;

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public async Task InitializeAsync()
    {
        PythonScripts.RequirePrerequisites();
        Port = FreePort();
        var start = new ProcessStartInfo(PythonScripts.Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { PythonScripts.PathOf("moto_server_fixed.py"), "-H", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MOTO_ENABLE_RECORDING"] = "True";
        start.Environment["MOTO_RECORDER_FILEPATH"] = _recording;
        // moto runs no tasks; this documented setting is the number it reports running for a new service, here the events'
        // DesiredCount, so its deployments complete and moto_server_fixed.py registers that many targets, as ECS would.
        start.Environment["MOTO_ECS_SERVICE_RUNNING"] = CloudFormationEvents.DesiredCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilAnsweringAsync();
    }

    public Task DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }

            _process.Dispose();
        }

        File.Delete(_recording);
        return Task.CompletedTask;
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var started = Stopwatch.StartNew();
        while (true)
        {
            if (_process!.HasExited)
            {
                Assert.Fail($"moto_server exited ({_process.ExitCode}) before answering on port {Port}:\n{Log}");
            }

            try
            {
                // moto's own API: any answer means the server is up.
                using var response = await http.GetAsync(new Uri($"{Endpoint}/moto-api/data.json"));
                return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            Assert.True(started.Elapsed < StartTimeout, $"moto_server did not answer on {Endpoint} within {StartTimeout}:\n{Log}");
            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }
}
