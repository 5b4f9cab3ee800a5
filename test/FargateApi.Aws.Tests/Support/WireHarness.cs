using FargateApi.Aws.Credentials;
using FargateApi.Aws.Http;
using FargateApi.Aws.Retry;

namespace FargateApi.Aws.Tests.Support;

/// <summary>Builds a real <see cref="AwsHttpCaller"/> pointed at a loopback server, with recorded, instant backoff.</summary>
internal sealed class WireHarness
{
    public List<TimeSpan> Delays { get; } = [];

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public AwsHttpCaller Caller(
        LoopbackAwsServer server,
        AwsCredentials? credentials = null,
        RetryPolicy? policy = null,
        RetryDelay? delay = null,
        TimeProvider? clock = null,
        Random? random = null,
        string region = "eu-west-1")
    {
        Environment.TryAdd("AWS_ENDPOINT_URL", server.BaseUri.ToString());
        return new AwsHttpCaller(
            new AwsCallerOptions
            {
                Credentials = credentials ?? TestServices.Credentials,
                Region = region,
                Environment = name => Environment.GetValueOrDefault(name),
                Retry = policy ?? RetryPolicy.Default,
                Clock = clock ?? TimeProvider.System,
                Random = random ?? new Random(7),
                Delay = delay ?? ((d, _) =>
                {
                    Delays.Add(d);
                    return Task.CompletedTask;
                }),
            },
            AwsHttpClientFactory.Shared);
    }
}
