using System.Text.RegularExpressions;
using FargateApi.Aws.Http;

namespace FargateApi.Aws.Endpoints;

/// <summary>
/// Finds a service's endpoint: <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, then <c>AWS_ENDPOINT_URL</c>, then the regional
/// (or, for IAM, the partition's global) endpoint; <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true</c> turns the
/// overrides off. Precedence and the optional path component follow "Service-specific endpoints",
/// https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html. With an override the request is
/// signed for the configured region, as the SDKs do (local emulators such as moto accept any region).
/// The config-file forms (endpoint_url, [services x]) are not read.
/// </summary>
internal static partial class EndpointResolver
{
    public const string GlobalOverrideVariable = "AWS_ENDPOINT_URL";
    public const string IgnoreOverridesVariable = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    public static string ServiceOverrideVariable(AwsService service) => GlobalOverrideVariable + "_" + service.EndpointEnvName;

    /// <exception cref="AwsConfigurationException">The region is not a plausible region name, or an override is not an http(s) URL.</exception>
    public static ResolvedEndpoint Resolve(AwsService service, string region, Func<string, string?> environment)
    {
        if (!RegionName().IsMatch(region))
        {
            throw new AwsConfigurationException(
                $"'{region}' is not an AWS region name (expected lower-case letters, digits and '-', e.g. us-east-1).");
        }

        bool ignoreOverrides = string.Equals(environment(IgnoreOverridesVariable)?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        if (!ignoreOverrides)
        {
            foreach (string variable in (ReadOnlySpan<string>)[ServiceOverrideVariable(service), GlobalOverrideVariable])
            {
                string? value = environment(variable);
                if (!string.IsNullOrWhiteSpace(value))
                {
                    return new ResolvedEndpoint(ParseOverride(variable, value.Trim()), region, variable);
                }
            }
        }

        AwsPartition partition = AwsPartition.ForRegion(region);
        if (service.IsGlobal)
        {
            string host = partition.GlobalHostTemplate.Replace("{service}", service.EndpointPrefix, StringComparison.Ordinal);
            return new ResolvedEndpoint(new Uri("https://" + host), partition.GlobalSigningRegion, $"global endpoint of partition {partition.Name}");
        }

        return new ResolvedEndpoint(
            new Uri($"https://{service.EndpointPrefix}.{region}.{partition.DnsSuffix}"), region, $"regional endpoint in partition {partition.Name}");
    }

    private static Uri ParseOverride(string variable, string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw new AwsConfigurationException(
                $"{variable}='{value}' is not an endpoint URL: expected http(s)://host[:port][/path], without query or fragment.");
        }

        return uri;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionName();
}
