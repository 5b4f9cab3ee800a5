using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FargateApi.Naming;
using FargateApi.Properties;

namespace FargateApi.Provisioning;

internal static partial class PhysicalIds
{
    /// <summary>The Lambda edge's id for a Create that failed (FargateApi.Lambda FailedCreateId.Prefix).</summary>
    public const string FailedCreatePrefix = "fargate-api-create-failed:";

    public static bool IsFailedCreate(string physicalResourceId) =>
        physicalResourceId.StartsWith(FailedCreatePrefix, StringComparison.Ordinal);

    /// <summary>
    /// An id CloudFormation made up because no answer gave it one: a Create cancelled because a sibling failed ("Resource
    /// creation cancelled"), or one whose answer never arrived before its deadline. CloudFormation then sends the Delete
    /// with an id it generated itself, such as <c>mystack-AppApi-1A2B3C4D5E6F</c> (remind101/empire#918: without an id from
    /// the answer "CloudFormation generates one"; aws-cloudformation/custom-resource-helper#7: the Delete handler must
    /// recognise it). Every id the provider answers with
    /// is a service ARN or <see cref="FailedCreatePrefix"/>; any other ARN is not ours to act on.
    /// </summary>
    public static bool IsGeneratedByCloudFormation(string physicalResourceId) =>
        !IsFailedCreate(physicalResourceId) && !physicalResourceId.StartsWith("arn:", StringComparison.Ordinal);

    /// <summary>
    /// <c>arn:partition:ecs:region:account:service/cluster/name</c> (the long ARN format, which ECS uses for every service
    /// created since 2021). The generation is read against the properties' names when they fit, else off the <c>-gN</c> suffix.
    /// </summary>
    public static ServiceId? ParseServiceArn(string physicalResourceId, ServiceProperties? properties)
    {
        var match = ServiceArn().Match(physicalResourceId);
        if (!match.Success)
        {
            return null;
        }

        var cluster = match.Groups["cluster"].Value;
        var service = match.Groups["service"].Value;
        return new ServiceId(cluster, service, GenerationOf(service, properties));
    }

    public static int GenerationOf(string serviceName, ServiceProperties? properties)
    {
        if (properties is not null)
        {
            var first = ResourceNames.For(properties).Service;
            if (serviceName == first)
            {
                return 0;
            }

            if (serviceName.StartsWith(first + "-g", StringComparison.Ordinal)
                && int.TryParse(serviceName.AsSpan(first.Length + 2), NumberStyles.None, CultureInfo.InvariantCulture, out var generation))
            {
                return generation;
            }
        }

        var suffix = GenerationSuffix().Match(serviceName);
        return suffix.Success ? int.Parse(suffix.Groups["generation"].Value, CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>
    /// Properties a Delete can work with when the event's own no longer validate (written for an older provider): the
    /// names come from the service name in the id (<c>{ProjectPrefix}-{ServiceName}-service[-gN]</c>, ResourceNames),
    /// which fixes every name but the log group's (the split between prefix and service is not recoverable), and the log
    /// group is kept, since its removal policy cannot be read. Every other value is a default: Delete reads none of them.
    /// </summary>
    public static ServiceProperties? PropertiesFromServiceName(string serviceName)
    {
        var generation = GenerationSuffix().Match(serviceName);
        var name = generation.Success ? serviceName[..generation.Index] : serviceName;
        const string Suffix = "-service";
        if (!name.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return null;
        }

        var baseName = name[..^Suffix.Length];
        var split = baseName.IndexOf('-', StringComparison.Ordinal);
        if (split <= 0 || split == baseName.Length - 1)
        {
            return null;
        }

        var json = new JsonObject
        {
            ["ProjectPrefix"] = baseName[..split],
            ["ServiceName"] = baseName[(split + 1)..],
            ["Priority"] = 1,
            ["LogRemovalPolicy"] = nameof(RemovalPolicy.Retain),
            ["AutoScaling"] = new JsonObject(),
        };
        using var document = JsonDocument.Parse(json.ToJsonString());
        return PropertiesReader.Read(document.RootElement).Properties;
    }

    [GeneratedRegex(@"^arn:[a-z-]+:ecs:[a-z0-9-]+:\d{12}:service/(?<cluster>[A-Za-z0-9_-]+)/(?<service>[A-Za-z0-9_-]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ServiceArn();

    [GeneratedRegex(@"-g(?<generation>\d{1,6})$", RegexOptions.CultureInvariant)]
    private static partial Regex GenerationSuffix();
}
