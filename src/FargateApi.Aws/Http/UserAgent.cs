using System.Reflection;

namespace FargateApi.Aws.Http;

/// <summary><c>fargate-api/&lt;version&gt;</c>, so our calls are recognisable in CloudTrail (userAgent field).</summary>
internal static class UserAgent
{
    public const string Product = "fargate-api";

    public static string Value { get; } = Product + "/" + Version();

    private static string Version()
    {
        string? informational = typeof(UserAgent).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        string version = informational ?? typeof(UserAgent).Assembly.GetName().Version?.ToString() ?? "0.0.0";
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
