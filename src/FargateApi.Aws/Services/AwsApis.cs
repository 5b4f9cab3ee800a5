using FargateApi.Aws.Http;
using FargateApi.Aws.Services.ApplicationAutoScaling;
using FargateApi.Aws.Services.CloudFormation;
using FargateApi.Aws.Services.CloudWatchLogs;
using FargateApi.Aws.Services.Ec2;
using FargateApi.Aws.Services.Ecs;
using FargateApi.Aws.Services.ElasticLoadBalancing;
using FargateApi.Aws.Services.Iam;
using FargateApi.Aws.Services.Lambda;
using FargateApi.Aws.Services.SecretsManager;
using FargateApi.Aws.Services.Ssm;
using FargateApi.Aws.Services.Sts;

namespace FargateApi.Aws.Services;

/// <summary>The service clients provisioning calls: over HTTP in Lambda, the simulation in tests.</summary>
internal sealed record AwsApis(
    IEcsClient Ecs,
    IElasticLoadBalancingClient Elb,
    IEc2Client Ec2,
    IIamClient Iam,
    ICloudWatchLogsClient Logs,
    ISsmClient Ssm,
    IApplicationAutoScalingClient AutoScaling,
    IStsClient Sts,
    ILambdaClient Lambda,
    ICloudFormationClient CloudFormation,
    ISecretsManagerClient SecretsManager)
{
    /// <summary>The HTTP clients over one caller (signing, retries, endpoints): what the Lambda bootstrap uses.</summary>
    public static AwsApis Over(IAwsCaller caller) => new(
        new EcsClient(caller),
        new ElasticLoadBalancingClient(caller),
        new Ec2Client(caller),
        new IamClient(caller),
        new CloudWatchLogsClient(caller),
        new SsmClient(caller),
        new ApplicationAutoScalingClient(caller),
        new StsClient(caller),
        new LambdaClient(caller),
        new CloudFormationClient(caller),
        new SecretsManagerClient(caller));
}
