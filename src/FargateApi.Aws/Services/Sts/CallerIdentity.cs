namespace FargateApi.Aws.Services.Sts;

/// <summary>Who we are: the account (for ECR image URIs and ARNs) and the partition (aws, aws-cn, aws-us-gov…) taken from the ARN.</summary>
internal sealed record CallerIdentity(string Account, string Arn, string UserId, string Partition);
