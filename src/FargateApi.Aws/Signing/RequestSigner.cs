using FargateApi.Aws.Credentials;

namespace FargateApi.Aws.Signing;

/// <summary>
/// Signs one outgoing request at the time the injected clock says: adds <c>Host</c>, <c>X-Amz-Date</c> and, for
/// session credentials, <c>X-Amz-Security-Token</c> to the signed headers (the post-sts-header-before vector:
/// services that require the token want it signed, and all accept it signed), then computes the Authorization header.
/// </summary>
internal sealed class RequestSigner(TimeProvider clock, SigningKeyCache? keys = null)
{
    public const string AmzDateHeader = "X-Amz-Date";
    public const string SecurityTokenHeader = "X-Amz-Security-Token";
    public const string AuthorizationHeader = "Authorization";

    /// <param name="uri">The absolute URI the request is sent to; path and query are signed as they go on the wire.</param>
    /// <param name="headersToSign">Protocol headers (Content-Type, X-Amz-Target, ...); Host and the date are added here.</param>
    public SignedRequest Sign(
        string method,
        Uri uri,
        IEnumerable<KeyValuePair<string, string>> headersToSign,
        ReadOnlySpan<byte> body,
        AwsCredentials credentials,
        string region,
        string service)
    {
        DateTimeOffset now = clock.GetUtcNow();
        var headers = new List<KeyValuePair<string, string>>(8)
        {
            new("Host", uri.Authority),
            new(AmzDateHeader, SigV4.FormatAmzDate(now)),
        };
        if (credentials.SessionToken is { Length: > 0 } token)
        {
            headers.Add(new(SecurityTokenHeader, token));
        }

        headers.AddRange(headersToSign);
        var request = new SigV4Request(method, uri.AbsolutePath, uri.Query, headers, SigV4.HashHex(body));
        SigV4Signature signature = SigV4.Sign(request, credentials, region, service, now, keys);
        return new SignedRequest(headers, signature);
    }
}

/// <summary>The signed headers (Host first) and the signature; send every header plus <see cref="SigV4Signature.Authorization"/>.</summary>
internal sealed record SignedRequest(IReadOnlyList<KeyValuePair<string, string>> SignedHeaders, SigV4Signature Signature);
