using FargateApi.Aws.Http;

namespace FargateApi.Aws.Services;

/// <summary>
/// The services we call, with the values of each botocore model's <c>metadata</c> block
/// (/work/shared/aws-models/&lt;service&gt;/&lt;version&gt;/service-2.json; signingName falls back to endpointPrefix where the
/// model omits it). <see cref="AwsService.EndpointEnvName"/> is the model's serviceId upper-cased with spaces as underscores,
/// as in <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html).
/// </summary>
internal static class AwsServices
{
    public static readonly AwsService Ecs = new("ECS", "ecs", "ecs", AwsProtocol.Json, "2014-11-13", TargetPrefix: "AmazonEC2ContainerServiceV20141113");

    public static readonly AwsService ElasticLoadBalancingV2 = new("ELASTIC_LOAD_BALANCING_V2", "elasticloadbalancing", "elasticloadbalancing", AwsProtocol.Query, "2015-12-01");

    public static readonly AwsService ApplicationAutoScaling = new("APPLICATION_AUTO_SCALING", "application-autoscaling", "application-autoscaling", AwsProtocol.Json, "2016-02-06", TargetPrefix: "AnyScaleFrontendService");

    public static readonly AwsService CloudWatchLogs = new("CLOUDWATCH_LOGS", "logs", "logs", AwsProtocol.Json, "2014-03-28", TargetPrefix: "Logs_20140328");

    public static readonly AwsService Ec2 = new("EC2", "ec2", "ec2", AwsProtocol.Ec2, "2016-11-15");

    public static readonly AwsService Ssm = new("SSM", "ssm", "ssm", AwsProtocol.Json, "2014-11-06", TargetPrefix: "AmazonSSM");

    /// <summary>metadata.globalEndpoint is iam.amazonaws.com: one endpoint per partition.</summary>
    public static readonly AwsService Iam = new("IAM", "iam", "iam", AwsProtocol.Query, "2010-05-08", IsGlobal: true);

    public static readonly AwsService Lambda = new("LAMBDA", "lambda", "lambda", AwsProtocol.RestJson, "2015-03-31");

    /// <summary>Regional endpoint; the model has no signingName, so requests are signed for its endpointPrefix.</summary>
    public static readonly AwsService CloudFormation = new("CLOUDFORMATION", "cloudformation", "cloudformation", AwsProtocol.Query, "2010-05-15");

    public static readonly AwsService SecretsManager = new("SECRETS_MANAGER", "secretsmanager", "secretsmanager", AwsProtocol.Json, "2017-10-17", TargetPrefix: "secretsmanager");

    /// <summary>The model names a global endpoint, but the SDKs default to regional STS endpoints, which we use too.</summary>
    public static readonly AwsService Sts = new("STS", "sts", "sts", AwsProtocol.Query, "2011-06-15");
}
