using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FargateApi.Cli.Invoke;

/// <summary>What arrived at the sink: the request line, the Content-Type as sent (empty for a pre-signed S3 URL) and the body.</summary>
internal sealed record CapturedRequest(string Method, string Path, string? ContentType, byte[] Body);

/// <summary>
/// A loopback HTTP listener that stands in for the event's pre-signed ResponseURL: it takes one request, answers 200 as
/// S3 would, and hands back what it received, so <c>invoke</c> shows the exact response CloudFormation would get.
/// Minimal HTTP/1.1 (Content-Length bodies only): its one client is our own HttpClient.
/// </summary>
internal sealed class ResponseSink : IDisposable
{
    /// <summary>Headers above this size are not a response from our own client.</summary>
    private const int MaxHeaderBytes = 64 * 1024;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public ResponseSink() => _listener.Start();

    public Uri Url => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture)}/cloudformation-response");

    public async Task<CapturedRequest> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var client = await _listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
        var stream = client.GetStream();
        var received = new List<byte>();
        var chunk = new byte[8192];
        int headerEnd;
        while ((headerEnd = IndexOfBlankLine(received)) < 0)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0 || received.Count > MaxHeaderBytes)
            {
                throw new IOException("The response request ended before its headers did.");
            }

            received.AddRange(chunk.AsSpan(0, read));
        }

        var head = Encoding.ASCII.GetString([.. received.Take(headerEnd)]).Split("\r\n");
        var requestLine = head[0].Split(' ');
        var headers = head.Skip(1)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => group.Last()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var length = headers.TryGetValue("Content-Length", out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : 0;
        var body = received.Skip(headerEnd + 4).ToList();
        while (body.Count < length)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("The response request ended before its body did.");
            }

            body.AddRange(chunk.AsSpan(0, read));
        }

        await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        return new CapturedRequest(requestLine[0], requestLine.Length > 1 ? requestLine[1] : "/", headers.GetValueOrDefault("Content-Type"), [.. body.Take(length)]);
    }

    public void Dispose() => _listener.Dispose();

    private static int IndexOfBlankLine(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
