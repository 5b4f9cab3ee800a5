namespace FargateApi.Aws.Http;

/// <summary>
/// The one HttpClient every AWS call shares: pooled keep-alive connections (TLS handshakes dominate a cold start),
/// recycled every few minutes so DNS changes of AWS endpoints are picked up, no client-wide timeout (each attempt
/// has its own, see RetryPolicy.AttemptTimeout), no redirects, no cookies, no proxy lookup.
/// </summary>
internal static class AwsHttpClientFactory
{
    /// <summary>TCP+TLS connect budget; a regional endpoint answers in milliseconds, so a stall means a dead route.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Lambda freezes the sandbox between invocations; a connection idle longer than this is likely closed by the
    /// load balancer on the other side (ELB idle timeout defaults to 60 s:
    /// https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-load-balancer-attributes.html#connection-idle-timeout),
    /// so do not reuse it. A dropped reused connection is retried anyway.
    /// </summary>
    public static readonly TimeSpan PooledConnectionIdleTimeout = TimeSpan.FromSeconds(50);

    public static readonly TimeSpan PooledConnectionLifetime = TimeSpan.FromMinutes(5);

    private static readonly Lazy<HttpClient> SharedClient = new(Create);

    public static HttpClient Shared => SharedClient.Value;

    public static HttpClient Create()
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = ConnectTimeout,
            PooledConnectionIdleTimeout = PooledConnectionIdleTimeout,
            PooledConnectionLifetime = PooledConnectionLifetime,
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
        };
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
