namespace FargateApi.Aws.Signing;

/// <summary>What SigV4 signs: the request as it goes on the wire, restricted to the headers chosen for signing.</summary>
/// <param name="Path">The path exactly as sent (already percent-encoded by the serializer), e.g. "/" or "/2015-03-31/functions/f%3A1".</param>
/// <param name="Query">The query as sent, with or without the leading '?', or empty.</param>
/// <param name="Headers">The headers to sign, including Host and X-Amz-Date (and X-Amz-Security-Token for session credentials).</param>
/// <param name="PayloadSha256Hex">Lower-case hex SHA-256 of the body (of the empty string when there is none).</param>
internal sealed record SigV4Request(
    string Method,
    string Path,
    string Query,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string PayloadSha256Hex);

/// <summary>Every intermediate of one signature, so tests can compare each step with the official vectors.</summary>
internal sealed record SigV4Signature(
    string CanonicalRequest,
    string StringToSign,
    string SignedHeaders,
    string Signature,
    string Authorization);
