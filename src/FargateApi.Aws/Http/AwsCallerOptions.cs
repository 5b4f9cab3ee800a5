using FargateApi.Aws.Credentials;
using FargateApi.Aws.Retry;

namespace FargateApi.Aws.Http;

/// <summary>Waits before a retry; tests pass one that records the delay and returns at once.</summary>
internal delegate Task RetryDelay(TimeSpan delay, CancellationToken cancellationToken);

/// <summary>Everything an <see cref="AwsHttpCaller"/> needs besides the HttpClient; the defaults are production's.</summary>
internal sealed record AwsCallerOptions
{
    public required AwsCredentials Credentials { get; init; }

    public required string Region { get; init; }

    /// <summary>Reads environment variables (endpoint overrides).</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Jitter source; pass a seeded Random for reproducible delays. Used under a lock.</summary>
    public Random Random { get; init; } = new();

    /// <summary>Null: a real delay on <see cref="Clock"/>.</summary>
    public RetryDelay? Delay { get; init; }

    public RetryStatistics Statistics { get; init; } = new();

    /// <summary>Production options: credentials and region from the environment and the shared files.</summary>
    public static AwsCallerOptions FromEnvironment(Func<string, string?> environment)
    {
        AwsSettings settings = AwsSettingsResolver.Resolve(environment);
        return new AwsCallerOptions { Credentials = settings.Credentials, Region = settings.Region, Environment = environment };
    }
}
