using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FargateApi.Aws.Tests.Support;

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 (ephemeral port) that records each raw request and answers as the test's
/// handler says. Every response closes its connection, so a <see cref="ServerReply.Drop"/> always reaches the client
/// as a failed attempt (SocketsHttpHandler silently re-sends only on reused connections).
/// </summary>
internal sealed class LoopbackAwsServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<RecordedRequest, int, ServerReply> _handler;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private int _count;

    /// <param name="handler">Gets each request and its zero-based index in arrival order.</param>
    public LoopbackAwsServer(Func<RecordedRequest, int, ServerReply> handler)
    {
        _handler = handler;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _acceptLoop = AcceptLoopAsync();
    }

    public Uri BaseUri => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Replies from a script: request i gets replies[min(i, last)].</summary>
    public static LoopbackAwsServer Scripted(params ServerReply[] replies) =>
        new((_, index) => replies[Math.Min(index, replies.Length - 1)]);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                NetworkStream stream = client.GetStream();
                RecordedRequest? request = await ReadRequestAsync(stream, _stop.Token);
                if (request is null)
                {
                    return;
                }

                _requests.Enqueue(request);
                ServerReply reply = _handler(request, Interlocked.Increment(ref _count) - 1);
                switch (reply)
                {
                    case ServerReply.Respond respond:
                        await WriteResponseAsync(stream, respond, _stop.Token);
                        break;
                    case ServerReply.Hang:
                        // Wait until the client closes its side (its attempt timed out) or the server stops.
                        _ = await stream.ReadAsync(new byte[1], _stop.Token);
                        break;
                    default:
                        client.Client.LingerState = new LingerOption(true, 0);
                        break;
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
            {
            }
        }
    }

    private static async Task<RecordedRequest?> ReadRequestAsync(NetworkStream stream, CancellationToken token)
    {
        var buffer = new List<byte>(4096);
        var chunk = new byte[4096];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(buffer)) < 0)
        {
            int read = await stream.ReadAsync(chunk, token);
            if (read == 0)
            {
                return null;
            }

            buffer.AddRange(chunk.AsSpan(0, read));
        }

        string head = Encoding.UTF8.GetString([.. buffer.Take(headerEnd)]);
        string[] lines = head.Split("\r\n");
        string[] requestLine = lines[0].Split(' ');
        var headers = new List<KeyValuePair<string, string>>();
        foreach (string line in lines.Skip(1))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon], line[(colon + 1)..].Trim()));
        }

        int length = headers.Where(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(h => int.Parse(h.Value, CultureInfo.InvariantCulture)).FirstOrDefault();
        var body = new List<byte>(buffer.Skip(headerEnd + 4));
        while (body.Count < length)
        {
            int read = await stream.ReadAsync(chunk, token);
            if (read == 0)
            {
                break;
            }

            body.AddRange(chunk.AsSpan(0, read));
        }

        return new RecordedRequest(requestLine[0], requestLine[1], headers, [.. body]);
    }

    private static int IndexOfHeaderEnd(List<byte> buffer)
    {
        for (int i = 3; i < buffer.Count; i++)
        {
            if (buffer[i - 3] == '\r' && buffer[i - 2] == '\n' && buffer[i - 1] == '\r' && buffer[i] == '\n')
            {
                return i - 3;
            }
        }

        return -1;
    }

    private static async Task WriteResponseAsync(NetworkStream stream, ServerReply.Respond respond, CancellationToken token)
    {
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {respond.Status} {ReasonPhrase(respond.Status)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {respond.Body.Length}\r\n")
            .Append("Connection: close\r\n");
        foreach (var (name, value) in respond.Headers)
        {
            head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.UTF8.GetBytes(head.ToString()), token);
        await stream.WriteAsync(respond.Body, token);
        await stream.FlushAsync(token);
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        409 => "Conflict",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
