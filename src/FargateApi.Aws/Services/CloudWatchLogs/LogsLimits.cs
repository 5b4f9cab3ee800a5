namespace FargateApi.Aws.Services.CloudWatchLogs;

/// <summary>CloudWatch Logs values the provisioner relies on.</summary>
internal static class LogsLimits
{
    /// <summary>
    /// The retentionInDays values PutRetentionPolicy accepts
    /// (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html).
    /// </summary>
    public static readonly IReadOnlyList<int> RetentionDays = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    /// <summary>UntagResource.tagKeys: max 50 (logs/2014-03-28 model, shape TagKeyList).</summary>
    public const int MaxTagKeysPerUntag = 50;

    /// <summary>
    /// The ARN the tagging APIs take: the log group ARN without the trailing <c>:*</c> that DescribeLogGroups' <c>arn</c>
    /// carries (https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_TagResource.html).
    /// </summary>
    public static string TaggableArn(string logGroupArn)
        => logGroupArn.EndsWith(":*", StringComparison.Ordinal) ? logGroupArn[..^2] : logGroupArn;
}
