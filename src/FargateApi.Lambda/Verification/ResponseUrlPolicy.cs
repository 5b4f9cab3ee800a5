namespace FargateApi.Lambda.Verification;

/// <summary>
/// Where an answer may be PUT: only to CloudFormation's own response bucket of the function's region and partition. The
/// provider answers whatever URL an event names, so without this an invoker could make it send requests to any host
/// (and read the answer's Data there).
/// <para>CloudFormation has one bucket per region for custom resource responses, <c>cloudformation-custom-resource-response-&lt;region&gt;</c>
/// with the region's hyphens left out (<c>uswest2</c>): "Setting up VPC endpoints for AWS CloudFormation",
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cfn-vpce-bucketnames.html. A stack's ServiceToken must be
/// in the stack's region (AWS::CloudFormation::CustomResource, ServiceToken), so that is the function's region. The
/// ResponseURL is a presigned S3 URL for that bucket; S3 names a bucket in the host (virtual-hosted style,
/// <c>bucket.s3.region.amazonaws.com</c>, the legacy <c>bucket.s3-region.amazonaws.com</c> and global
/// <c>bucket.s3.amazonaws.com</c>) or in the path (path style, <c>s3.region.amazonaws.com/bucket/…</c>): Amazon S3 User Guide,
/// "Virtual hosting of buckets" and "Regions and Endpoints"; China's regions use <c>amazonaws.com.cn</c>. Events seen in the
/// wild use <c>…-useast1.s3.amazonaws.com</c> and <c>…-useast1.s3-us-east-1.amazonaws.com</c>.</para>
/// <para>Plain http is for local tests only (<see cref="CloudFormation.HandlerOptions.AllowHttpVariable"/>=1), and then only to a
/// loopback address, so that a test of the provider can answer itself while nothing outside the machine can be reached.</para>
/// </summary>
internal static class ResponseUrlPolicy
{
    public const string BucketPrefix = "cloudformation-custom-resource-response-";

    /// <param name="functionArn">The invoked function's ARN (<c>arn:partition:lambda:region:account:function:name</c>).</param>
    /// <param name="fallbackRegion">AWS_REGION, when the Runtime API named no function.</param>
    /// <returns>Null when an answer may go there; otherwise why not.</returns>
    public static string? Refusal(Uri url, string? functionArn, string? fallbackRegion, bool allowHttpLoopback)
    {
        if (url.Scheme == Uri.UriSchemeHttp && allowHttpLoopback)
        {
            return url.IsLoopback
                ? null
                : $"The ResponseURL is plain http to {url.Host}, not a loopback address; {CloudFormation.HandlerOptions.AllowHttpVariable}=1 admits plain http to loopback only (local tests). No response was sent.";
        }

        if (url.Scheme != Uri.UriSchemeHttps)
        {
            // Answering over plain http would hand the answer to anyone on the path; an unknown scheme cannot be answered.
            return $"The ResponseURL uses '{url.Scheme}', not https; no response was sent (set {CloudFormation.HandlerOptions.AllowHttpVariable}=1 only for local tests).";
        }

        var (partition, region) = Locate(functionArn, fallbackRegion);
        if (region is null)
        {
            return "The function's region is unknown (no function ARN from the Runtime API and no AWS_REGION), so the ResponseURL cannot be checked; no response was sent.";
        }

        return IsResponseBucket(url, partition, region)
            ? null
            : $"The ResponseURL's host {url.Host} is not CloudFormation's response bucket {Bucket(region)} in {region} ({partition}); no response was sent.";
    }

    public static string Bucket(string region) => BucketPrefix + region.Replace("-", string.Empty, StringComparison.Ordinal);

    private static bool IsResponseBucket(Uri url, string partition, string region)
    {
        if (!url.IsDefaultPort || url.UserInfo.Length > 0)
        {
            return false;
        }

        var domain = partition == "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
        List<string> s3Hosts = [$"s3.{region}.{domain}", $"s3-{region}.{domain}", $"s3.dualstack.{region}.{domain}"];
        if (partition == "aws")
        {
            s3Hosts.Add($"s3.{domain}");
        }

        var host = url.Host.ToLowerInvariant();
        var bucket = Bucket(region);
        return s3Hosts.Any(s3 => host == $"{bucket}.{s3}")
            || (s3Hosts.Contains(host) && url.AbsolutePath.StartsWith($"/{bucket}/", StringComparison.Ordinal));
    }

    private static (string Partition, string? Region) Locate(string? functionArn, string? fallbackRegion)
    {
        var parts = functionArn?.Split(':');
        if (parts is { Length: >= 7 } && parts[0] == "arn" && parts[3].Length > 0)
        {
            return (parts[1], parts[3]);
        }

        return string.IsNullOrEmpty(fallbackRegion)
            ? ("aws", null)
            : (fallbackRegion.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn" : fallbackRegion.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov" : "aws", fallbackRegion);
    }
}
