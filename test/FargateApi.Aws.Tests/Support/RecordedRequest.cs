namespace FargateApi.Aws.Tests.Support;

/// <summary>One request exactly as the loopback server read it off the socket.</summary>
/// <param name="Target">The request-target of the request line, as sent (path and query, still encoded).</param>
/// <param name="Headers">In wire order, names as sent.</param>
internal sealed record RecordedRequest(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    public string Path => Target.Split('?', 2)[0];

    public string Query => Target.Contains('?', StringComparison.Ordinal) ? Target.Split('?', 2)[1] : string.Empty;

    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();
}

/// <summary>What the loopback server does with one request.</summary>
internal abstract record ServerReply
{
    /// <summary>Answer with this status, headers and body.</summary>
    public sealed record Respond(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body) : ServerReply;

    /// <summary>Close the connection without a byte of response: a dropped connection.</summary>
    public sealed record Drop : ServerReply;

    /// <summary>Never answer; the connection stays open until the client gives up.</summary>
    public sealed record Hang : ServerReply;

    public static ServerReply Ok(string body = "{}", string contentType = "application/x-amz-json-1.1") =>
        Text(200, body, contentType);

    public static ServerReply Text(int status, string body, string contentType, params (string Name, string Value)[] headers) =>
        new Respond(
            status,
            [new("Content-Type", contentType), .. headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value))],
            System.Text.Encoding.UTF8.GetBytes(body));
}
