using System.Text;

namespace FargateApi.Aws.Tests.Signing;

/// <summary>One vector of the official SigV4 suite, its <c>.req</c> parsed into method, path, query, headers and body.</summary>
internal sealed record SigV4Vector(
    string Name,
    string Method,
    string Path,
    string Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body,
    string ExpectedCanonicalRequest,
    string ExpectedStringToSign,
    string ExpectedAuthorization)
{
    /// <summary>Reads <c>&lt;dir&gt;/&lt;name&gt;.req|.creq|.sts|.authz</c>. The suite's files use LF and no trailing newline.</summary>
    public static SigV4Vector Load(string directory)
    {
        string name = System.IO.Path.GetFileName(directory);
        string Read(string ext) => File.ReadAllText(System.IO.Path.Combine(directory, name + ext), Encoding.UTF8);

        string raw = Read(".req");
        int bodyStart = raw.IndexOf("\n\n", StringComparison.Ordinal);
        string head = bodyStart < 0 ? raw : raw[..bodyStart];
        string body = bodyStart < 0 ? string.Empty : raw[(bodyStart + 2)..];
        string[] lines = head.Split('\n');

        // "GET /example space/ HTTP/1.1": method is the first token, the version the last, the path all between.
        string requestLine = lines[0];
        int firstSpace = requestLine.IndexOf(' ', StringComparison.Ordinal);
        int lastSpace = requestLine.LastIndexOf(' ');
        string method = requestLine[..firstSpace];
        string target = requestLine[(firstSpace + 1)..lastSpace];
        int question = target.IndexOf('?', StringComparison.Ordinal);
        string path = question < 0 ? target : target[..question];
        string query = question < 0 ? string.Empty : target[(question + 1)..];

        var headers = new List<KeyValuePair<string, string>>();
        foreach (string line in lines.Skip(1))
        {
            // A folded continuation line is another value of the previous header (get-header-value-multiline).
            if (line.Length > 0 && char.IsWhiteSpace(line[0]) && headers.Count > 0)
            {
                headers.Add(new(headers[^1].Key, line.Trim()));
                continue;
            }

            int colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon], line[(colon + 1)..].Trim()));
        }

        return new SigV4Vector(
            name, method, path, query, headers, Encoding.UTF8.GetBytes(body), Read(".creq"), Read(".sts"), Read(".authz"));
    }
}
