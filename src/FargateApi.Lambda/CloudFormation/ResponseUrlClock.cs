using System.Globalization;

namespace FargateApi.Lambda.CloudFormation;

/// <summary>
/// When CloudFormation made a request, read off its ResponseURL: a presigned S3 URL whose <c>X-Amz-Date</c> is its signing
/// time (SigV4 query signing, "Authenticating Requests: Using Query Parameters"), taken when CloudFormation created the
/// request. Its ServiceTimeout runs from then, not from when the provider was invoked (the asynchronous invocation may sit
/// in Lambda's queue first).
/// </summary>
internal static class ResponseUrlClock
{
    /// <returns>Null when the URL carries no well-formed <c>X-Amz-Date</c> (a local test's URL).</returns>
    public static DateTimeOffset? SignedAt(Uri responseUrl)
    {
        foreach (var pair in responseUrl.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0
                && string.Equals(pair[..equals], "X-Amz-Date", StringComparison.OrdinalIgnoreCase)
                && DateTimeOffset.TryParseExact(Uri.UnescapeDataString(pair[(equals + 1)..]), "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var signed))
            {
                return signed;
            }
        }

        return null;
    }
}
