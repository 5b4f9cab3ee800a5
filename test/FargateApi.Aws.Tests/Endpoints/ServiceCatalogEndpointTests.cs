using FargateApi.Aws.Endpoints;
using FargateApi.Aws.Http;
using FargateApi.Aws.Services;

namespace FargateApi.Aws.Tests.Endpoints;

/// <summary>The service catalog the typed clients use, run through the resolver: the hosts and override names AWS documents.</summary>
public sealed class ServiceCatalogEndpointTests
{
    private static readonly Dictionary<string, (AwsService Service, string Host, string Variable)> Catalog = new()
    {
        ["ecs"] = (AwsServices.Ecs, "ecs.eu-west-1.amazonaws.com", "AWS_ENDPOINT_URL_ECS"),
        ["elbv2"] = (AwsServices.ElasticLoadBalancingV2, "elasticloadbalancing.eu-west-1.amazonaws.com", "AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2"),
        ["autoscaling"] = (AwsServices.ApplicationAutoScaling, "application-autoscaling.eu-west-1.amazonaws.com", "AWS_ENDPOINT_URL_APPLICATION_AUTO_SCALING"),
        ["logs"] = (AwsServices.CloudWatchLogs, "logs.eu-west-1.amazonaws.com", "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS"),
        ["ec2"] = (AwsServices.Ec2, "ec2.eu-west-1.amazonaws.com", "AWS_ENDPOINT_URL_EC2"),
        ["ssm"] = (AwsServices.Ssm, "ssm.eu-west-1.amazonaws.com", "AWS_ENDPOINT_URL_SSM"),
        ["iam"] = (AwsServices.Iam, "iam.amazonaws.com", "AWS_ENDPOINT_URL_IAM"),
        ["lambda"] = (AwsServices.Lambda, "lambda.eu-west-1.amazonaws.com", "AWS_ENDPOINT_URL_LAMBDA"),
        ["sts"] = (AwsServices.Sts, "sts.eu-west-1.amazonaws.com", "AWS_ENDPOINT_URL_STS"),
        ["cloudformation"] = (AwsServices.CloudFormation, "cloudformation.eu-west-1.amazonaws.com", "AWS_ENDPOINT_URL_CLOUDFORMATION"),
        ["secretsmanager"] = (AwsServices.SecretsManager, "secretsmanager.eu-west-1.amazonaws.com", "AWS_ENDPOINT_URL_SECRETS_MANAGER"),
    };

    public static TheoryData<string> Services() => [.. Catalog.Keys];

    [Theory]
    [MemberData(nameof(Services))]
    public void Service_resolves_to_its_documented_host_and_override_variable(string name)
    {
        var (service, host, variable) = Catalog[name];

        ResolvedEndpoint endpoint = EndpointResolver.Resolve(service, "eu-west-1", _ => null);

        Assert.Equal("https://" + host + "/", endpoint.BaseUri.ToString());
        Assert.Equal(variable, EndpointResolver.ServiceOverrideVariable(service));
    }
}
