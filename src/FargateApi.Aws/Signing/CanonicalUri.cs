using System.Text;

namespace FargateApi.Aws.Signing;

/// <summary>
/// The canonical URI of a SigV4 request for every service except S3: the path with empty and dot segments
/// removed (RFC 3986 remove_dot_segments, plus collapsing "//"), each segment then percent-encoded again.
/// The path handed in is the one on the wire, already encoded by the serializer, so a ':' in a Lambda
/// function name goes out as %3A and is signed as %253A, exactly as the SDKs and the service compute it.
/// Sources: the suite's normalize-path vectors; "Create a canonical request"
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html): "Each path segment must be
/// URI-encoded twice ... except for Amazon S3 which only gets URI-encoded once", and normalize-path.txt (S3 keeps "//").
/// </summary>
internal static class CanonicalUri
{
    public static string Build(string path)
    {
        if (path.Length == 0 || path == "/")
        {
            return "/";
        }

        var segments = new List<string>();
        foreach (string segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(segment);
        }

        if (segments.Count == 0)
        {
            return "/";
        }

        var builder = new StringBuilder(path.Length + 16);
        foreach (string segment in segments)
        {
            builder.Append('/');
            SigV4Encoding.AppendEncoded(builder, segment);
        }

        // A path naming a directory ("/a/", "/a/.", "/a/b/..") keeps its trailing slash, as in RFC 3986 5.2.4.
        if (path.EndsWith('/') || path.EndsWith("/.", StringComparison.Ordinal) || path.EndsWith("/..", StringComparison.Ordinal))
        {
            builder.Append('/');
        }

        return builder.ToString();
    }
}
