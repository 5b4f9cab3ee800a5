namespace FargateApi.Aws.Endpoints;

/// <summary>Where the requests of one service go and how they are signed.</summary>
/// <param name="BaseUri">Scheme, host, port and an optional path prefix (kept from an override URL), no trailing slash.</param>
/// <param name="SigningRegion">The region in the credential scope.</param>
/// <param name="Source">Where the endpoint came from, for error messages and logs.</param>
internal sealed record ResolvedEndpoint(Uri BaseUri, string SigningRegion, string Source)
{
    /// <summary>Appends the request's already-encoded path and query to the base, keeping any path prefix.</summary>
    public Uri Combine(string pathAndQuery)
    {
        string root = BaseUri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        string relative = pathAndQuery.Length == 0 ? "/" : pathAndQuery[0] == '/' ? pathAndQuery : "/" + pathAndQuery;
        return new Uri(root + relative, UriKind.Absolute);
    }
}
