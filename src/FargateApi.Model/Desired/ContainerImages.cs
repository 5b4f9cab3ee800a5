using System.Text.RegularExpressions;
using FargateApi.Properties;

namespace FargateApi.Desired;

/// <summary>The image URI a task definition runs, and the ECR repository behind it when there is one.</summary>
internal sealed record ResolvedImage(string Uri, string? EcrRepositoryArn);

internal static partial class ContainerImages
{
    public static ResolvedImage Resolve(ContainerImage image, AwsEnvironment env)
    {
        if (image.Uri is { } uri)
        {
            return new(uri, EcrRepositoryArnOf(uri, env.Partition));
        }

        return new(
            $"{env.EcrRegistry}/{image.Repository}:{image.Tag}",
            env.Arn("ecr", $"repository/{image.Repository}"));
    }

    /// <summary>
    /// A full URI given by the user still needs pull rights when it points at ECR
    /// (<c>&lt;account&gt;.dkr.ecr.&lt;region&gt;.amazonaws.com[.cn]/&lt;repository&gt;[:tag|@digest]</c>, "Amazon ECR private registry").
    /// </summary>
    public static string? EcrRepositoryArnOf(string uri, string partition)
    {
        var match = EcrUri().Match(uri);
        return match.Success
            ? $"arn:{partition}:ecr:{match.Groups["region"].Value}:{match.Groups["account"].Value}:repository/{match.Groups["repository"].Value}"
            : null;
    }

    [GeneratedRegex(@"^(?<account>\d{12})\.dkr\.ecr(-fips)?\.(?<region>[a-z0-9-]+)\.amazonaws\.com(\.cn)?/(?<repository>[^:@]+)([:@].*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex EcrUri();
}
