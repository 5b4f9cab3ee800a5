using FargateApi.Aws.Services;
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
using FargateApi.Simulation.Adapters;

namespace FargateApi.Simulation;

/// <summary>The simulated service clients: the same interfaces the provisioner gets from FargateApi.Aws.</summary>
public sealed partial class SimulatedAws
{
    internal IEcsClient Ecs => new SimulatedEcsClient(this);

    internal IElasticLoadBalancingClient ElasticLoadBalancing => new SimulatedElasticLoadBalancingClient(this);

    internal IEc2Client Ec2 => new SimulatedEc2Client(this);

    internal IIamClient Iam => new SimulatedIamClient(this);

    internal ICloudWatchLogsClient Logs => new SimulatedCloudWatchLogsClient(this);

    internal ISsmClient Ssm => new SimulatedSsmClient(this);

    internal IApplicationAutoScalingClient ApplicationAutoScaling => new SimulatedApplicationAutoScalingClient(this);

    internal ILambdaClient Lambda => new SimulatedLambdaClient(this);

    internal IStsClient Sts => new SimulatedStsClient(this);

    internal ICloudFormationClient CloudFormation => new SimulatedCloudFormationClient(this);

    internal ISecretsManagerClient SecretsManager => new SimulatedSecretsManagerClient(this);

    /// <summary>All of them, as the provisioner takes them.</summary>
    internal AwsApis Apis => new(Ecs, ElasticLoadBalancing, Ec2, Iam, Logs, Ssm, ApplicationAutoScaling, Sts, Lambda, CloudFormation, SecretsManager);
}
