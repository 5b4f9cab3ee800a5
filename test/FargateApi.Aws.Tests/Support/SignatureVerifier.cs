using FargateApi.Aws.Credentials;
using FargateApi.Aws.Signing;

namespace FargateApi.Aws.Tests.Support;

/// <summary>
/// Recomputes, from the raw request the server received, the Authorization header AWS would expect: the signed
/// header names come from the request's own SignedHeaders, the scope from its Credential, the time from X-Amz-Date.
/// </summary>
internal static class SignatureVerifier
{
    public static string ExpectedAuthorization(RecordedRequest request, AwsCredentials credentials)
    {
        string authorization = request.Header("Authorization") ?? throw new InvalidOperationException("no Authorization header");
        string credential = Part(authorization, "Credential=");
        string[] scope = credential.Split('/');
        string[] signedNames = Part(authorization, "SignedHeaders=").Split(';');

        var headers = request.Headers.Where(h => signedNames.Contains(h.Key.ToLowerInvariant())).ToList();
        var time = DateTimeOffset.ParseExact(
            request.Header("X-Amz-Date")!, "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal);
        var toSign = new SigV4Request(request.Method, request.Path, request.Query, headers, SigV4.HashHex(request.Body));
        return SigV4.Sign(toSign, credentials, scope[2], scope[3], time, new SigningKeyCache()).Authorization;
    }

    public static string Part(string authorization, string prefix)
    {
        int start = authorization.IndexOf(prefix, StringComparison.Ordinal) + prefix.Length;
        int end = authorization.IndexOf(',', start);
        return end < 0 ? authorization[start..] : authorization[start..end];
    }
}
