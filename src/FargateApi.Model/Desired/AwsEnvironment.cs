namespace FargateApi.Desired;

/// <summary>Where the stack is made: every ARN and the ECR registry host are derived from these three values.</summary>
internal sealed record AwsEnvironment(string Partition, string Region, string AccountId)
{
    /// <summary>The China partition's endpoints end in <c>.com.cn</c> ("Amazon Resource Names (ARNs)" and the
    /// "Amazon ECR endpoints" tables: <c>&lt;account&gt;.dkr.ecr.cn-north-1.amazonaws.com.cn</c>).</summary>
    public const string ChinaPartition = "aws-cn";

    public string DnsSuffix => Partition == ChinaPartition ? "amazonaws.com.cn" : "amazonaws.com";

    /// <summary><c>arn:partition:service:region:account:resource</c>; global services (IAM, S3) pass empty region/account.</summary>
    public string Arn(string service, string resource, string? region = null, string? accountId = null) =>
        $"arn:{Partition}:{service}:{region ?? Region}:{accountId ?? AccountId}:{resource}";

    public string EcrRegistry => $"{AccountId}.dkr.ecr.{Region}.{DnsSuffix}";
}
