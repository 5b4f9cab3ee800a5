namespace FargateApi.Aws.Endpoints;

/// <summary>
/// The partitions we deploy to, with the one global endpoint (IAM) each has. Values from botocore's
/// endpoints.json (partitions aws / aws-cn / aws-us-gov: dnsSuffix, and service "iam" with partitionEndpoint
/// aws-global / aws-cn-global / aws-us-gov-global and their hostname + credentialScope.region), matching the
/// IAM endpoint rules in aws-sdk-js-v3 clients/client-iam/src/endpoint/ruleset.ts:
/// https://iam.amazonaws.com (us-east-1), https://iam.cn-north-1.amazonaws.com.cn (cn-north-1),
/// https://iam.us-gov.amazonaws.com (us-gov-west-1).
/// </summary>
/// <param name="Name">The partition id as the SDKs spell it.</param>
/// <param name="DnsSuffix">Suffix of regional hostnames: {endpointPrefix}.{region}.{DnsSuffix}.</param>
/// <param name="GlobalHostTemplate">Host of a global service; "{service}" is the endpoint prefix.</param>
/// <param name="GlobalSigningRegion">The region global services are signed for (their credentialScope).</param>
internal sealed record AwsPartition(string Name, string DnsSuffix, string GlobalHostTemplate, string GlobalSigningRegion)
{
    public static readonly AwsPartition Aws = new("aws", "amazonaws.com", "{service}.amazonaws.com", "us-east-1");

    public static readonly AwsPartition China = new("aws-cn", "amazonaws.com.cn", "{service}.cn-north-1.amazonaws.com.cn", "cn-north-1");

    public static readonly AwsPartition GovCloud = new("aws-us-gov", "amazonaws.com", "{service}.us-gov.amazonaws.com", "us-gov-west-1");

    /// <summary>
    /// By region prefix, as the partitions' regionRegex in endpoints.json do: ^cn\-\w+\-\d+$ and ^us\-gov\-\w+\-\d+$;
    /// everything else (including regions newer than this code) is the commercial partition.
    /// </summary>
    public static AwsPartition ForRegion(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? China
        : region.StartsWith("us-gov-", StringComparison.Ordinal) ? GovCloud
        : Aws;
}
