using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FargateApi.Lambda.Tests.Loopback;

/// <summary>One HTTP/1.1 request exactly as it arrived on the socket.</summary>
public sealed record RecordedRequest(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, string RawHead, DateTimeOffset ReceivedAt)
{
    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public bool HasHeader(string name) => Headers.Any(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));

    public string BodyText => Encoding.UTF8.GetString(Body);
}

/// <summary>What the server does with a request: answer it, or drop the connection with a TCP reset.</summary>
public abstract record Reply
{
    public static Reply Status(int code, string body = "", params (string Name, string Value)[] headers) =>
        new StatusReply(code, Encoding.UTF8.GetBytes(body), headers);

    public static Reply Reset { get; } = new ResetReply();
}

public sealed record StatusReply(int Code, byte[] Body, IReadOnlyList<(string Name, string Value)> Headers) : Reply;

public sealed record ResetReply : Reply;

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 written on raw sockets, so tests see what really goes on the wire
/// (an empty Content-Type header, for one) and can misbehave (reset connections, answer 503, never answer).
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<RecordedRequest, CancellationToken, Task<Reply>> _respond;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentBag<Socket> _connections = [];
    private readonly Task _accepting;

    public LoopbackHttpServer(Func<RecordedRequest, CancellationToken, Task<Reply>> respond)
    {
        _respond = respond;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public string HostAndPort => $"127.0.0.1:{Port}";

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }

        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _connections.Add(socket);
            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        try
        {
            using var stream = new NetworkStream(socket, ownsSocket: true);
            var reader = new RequestReader(stream);
            while (await reader.ReadAsync(_stopping.Token) is { } request)
            {
                _requests.Enqueue(request);
                var reply = await _respond(request, _stopping.Token);
                if (reply is ResetReply)
                {
                    socket.LingerState = new LingerOption(true, 0);
                    socket.Close();
                    return;
                }

                var status = (StatusReply)reply;
                var head = new StringBuilder().Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status.Code} X\r\nContent-Length: {status.Body.Length}\r\n");
                foreach (var (name, value) in status.Headers)
                {
                    head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
                }

                head.Append("\r\n");
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stopping.Token);
                await stream.WriteAsync(status.Body, _stopping.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away or the server is stopping.
        }
    }

    /// <summary>Reads requests off one keep-alive connection: head up to CRLFCRLF, then Content-Length bytes.</summary>
    private sealed class RequestReader(Stream stream)
    {
        private readonly List<byte> _buffer = [];

        public async Task<RecordedRequest?> ReadAsync(CancellationToken cancellationToken)
        {
            int headEnd;
            while ((headEnd = IndexOfHeadEnd()) < 0)
            {
                if (!await FillAsync(cancellationToken))
                {
                    return null;
                }
            }

            var rawHead = Encoding.ASCII.GetString([.. _buffer.Take(headEnd)]);
            _buffer.RemoveRange(0, headEnd + 4);
            var lines = rawHead.Split("\r\n");
            var requestLine = lines[0].Split(' ');
            var headers = lines.Skip(1).Select(line =>
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                return new KeyValuePair<string, string>(line[..colon], line[(colon + 1)..].Trim());
            }).ToList();
            var length = headers.Where(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                .Select(h => int.Parse(h.Value, CultureInfo.InvariantCulture)).FirstOrDefault();
            while (_buffer.Count < length)
            {
                if (!await FillAsync(cancellationToken))
                {
                    return null;
                }
            }

            var body = _buffer.Take(length).ToArray();
            _buffer.RemoveRange(0, length);
            return new RecordedRequest(requestLine[0], requestLine[1], headers, body, rawHead, DateTimeOffset.UtcNow);
        }

        private int IndexOfHeadEnd()
        {
            for (var i = 0; i + 3 < _buffer.Count; i++)
            {
                if (_buffer[i] == '\r' && _buffer[i + 1] == '\n' && _buffer[i + 2] == '\r' && _buffer[i + 3] == '\n')
                {
                    return i;
                }
            }

            return -1;
        }

        private async Task<bool> FillAsync(CancellationToken cancellationToken)
        {
            var chunk = new byte[8192];
            var read = await stream.ReadAsync(chunk, cancellationToken);
            _buffer.AddRange(chunk.AsSpan(0, read).ToArray());
            return read > 0;
        }
    }
}
