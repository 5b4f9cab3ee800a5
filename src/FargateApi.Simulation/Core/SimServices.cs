namespace FargateApi.Simulation.Core;

/// <summary>
/// The service names used in the call log, rate limits, snapshots and <see cref="Aws.Http.AwsServiceException.Service"/>:
/// each model's endpointPrefix, as the HTTP clients report them (AwsErrorParser.Name).
/// </summary>
public static class SimServices
{
    public const string Ecs = "ecs";
    public const string Elbv2 = "elasticloadbalancing";
    public const string Ec2 = "ec2";
    public const string Iam = "iam";
    public const string Logs = "logs";
    public const string Ssm = "ssm";
    public const string AutoScaling = "application-autoscaling";
    public const string Lambda = "lambda";
    public const string Sts = "sts";
    public const string CloudFormation = "cloudformation";
    public const string SecretsManager = "secretsmanager";
}
