using FargateApi.Properties;

namespace FargateApi.LifecycleBench;

/// <summary>The lifecycle tests' seed service (<see cref="Props.Seed"/>) and the two updates the bench times.</summary>
internal static class BenchProperties
{
    public const string Prefix = Props.Prefix;

    public static ServiceProperties Seed => Props.Seed;

    /// <summary>An in-place update: a new image tag means a new task definition revision and an UpdateService.</summary>
    public static ServiceProperties NewImage { get; } = Props.Seed.WithImageTag("v2");

    /// <summary>A replacement: a new ServiceName means new names for every resource, so a new stack beside the old one.</summary>
    public static ServiceProperties Renamed { get; } = NewImage.Replaced();
}
