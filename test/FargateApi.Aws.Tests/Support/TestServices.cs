using System.Text;
using FargateApi.Aws.Credentials;
using FargateApi.Aws.Http;

namespace FargateApi.Aws.Tests.Support;

/// <summary>Service descriptions and requests shaped like the real ones (metadata from the botocore models).</summary>
internal static class TestServices
{
    public static readonly AwsService Ecs = new("ECS", "ecs", "ecs", AwsProtocol.Json, "2014-11-13", "AmazonEC2ContainerServiceV20141113");
    public static readonly AwsService Elbv2 = new("ELASTIC_LOAD_BALANCING_V2", "elasticloadbalancing", "elasticloadbalancing", AwsProtocol.Query, "2015-12-01");
    public static readonly AwsService Ec2 = new("EC2", "ec2", "ec2", AwsProtocol.Ec2, "2016-11-15");
    public static readonly AwsService Lambda = new("LAMBDA", "lambda", "lambda", AwsProtocol.RestJson, "2015-03-31");
    public static readonly AwsService Iam = new("IAM", "iam", "iam", AwsProtocol.Query, "2010-05-08", IsGlobal: true);
    public static readonly AwsService Logs = new("CLOUDWATCH_LOGS", "logs", "logs", AwsProtocol.Json, "2014-03-28", "Logs_20140328");

    public static readonly AwsCredentials Credentials = new("AKIDLOOPBACK", "loopback/secret/key");
    public static readonly AwsCredentials SessionCredentials = new("ASIALOOPBACK", "loopback/secret/key", "FwoGZXIvYXdzEJr//session+token==");

    public static AwsRequest Json(AwsService service, string operation, string body = "{}") => new(
        operation,
        HttpMethod.Post,
        "/",
        new Dictionary<string, string> { ["X-Amz-Target"] = $"{service.TargetPrefix}.{operation}" },
        Encoding.UTF8.GetBytes(body),
        "application/x-amz-json-1.1");

    public static AwsRequest Query(AwsService service, string operation) => new(
        operation,
        HttpMethod.Post,
        "/",
        new Dictionary<string, string>(),
        Encoding.UTF8.GetBytes($"Action={operation}&Version={service.ApiVersion}"),
        "application/x-www-form-urlencoded; charset=utf-8");

    public static AwsRequest For(AwsService service, string operation) => service.Protocol switch
    {
        AwsProtocol.Json => Json(service, operation),
        AwsProtocol.RestJson => new AwsRequest(
            operation, HttpMethod.Get, "/2015-03-31/functions/my-fn%3Alive", new Dictionary<string, string>(), [], null),
        _ => Query(service, operation),
    };
}
