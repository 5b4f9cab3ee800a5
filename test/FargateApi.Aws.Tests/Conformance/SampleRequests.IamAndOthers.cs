using FargateApi.Aws.Services.CloudFormation;
using FargateApi.Aws.Services.Iam;
using FargateApi.Aws.Services.Lambda;
using FargateApi.Aws.Services.SecretsManager;
using FargateApi.Aws.Services.Ssm;
using FargateApi.Aws.Services.Sts;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>IAM (query), Lambda (rest-json), SSM and Secrets Manager (json), STS and CloudFormation (query) calls with every member our records can carry set.</summary>
internal static partial class SampleRequests
{
    private const string RoleName = "web-task";
    private const string PolicyArn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";

    /// <summary>Characters that need form encoding (quotes, braces, colons, slashes, *), as every real policy has.</summary>
    private const string TrustPolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private const string InlinePolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ssm:GetParameters"],"Resource":"arn:aws:ssm:us-east-1:123456789012:parameter/web/*"}]}""";

    private static ConformanceCase Iam(string operation, string method, Func<IIamClient, CancellationToken, Task> call, params string[] mayStayEmpty) =>
        ConformanceCase.Of<IIamClient>("iam", operation, method, caller => new IamClient(caller), call, mayStayEmpty);

    private static IEnumerable<ConformanceCase> IamCases() =>
    [
        Iam("CreateRole", nameof(IIamClient.CreateRoleAsync), (c, ct) => c.CreateRoleAsync(
            new CreateRoleRequest(RoleName, TrustPolicy, ResourceTags, "/fargate-api/", "Task role of the web service", "arn:aws:iam::123456789012:policy/boundary"), ct)),
        Iam("GetRole", nameof(IIamClient.GetRoleAsync), (c, ct) => c.GetRoleAsync(RoleName, ct)),
        Iam("DeleteRole", nameof(IIamClient.DeleteRoleAsync), (c, ct) => c.DeleteRoleAsync(RoleName, ct)),
        Iam("UpdateAssumeRolePolicy", nameof(IIamClient.UpdateAssumeRolePolicyAsync), (c, ct) => c.UpdateAssumeRolePolicyAsync(RoleName, TrustPolicy, ct)),
        Iam("PutRolePolicy", nameof(IIamClient.PutRolePolicyAsync), (c, ct) => c.PutRolePolicyAsync(RoleName, "read-parameters", InlinePolicy, ct)),
        Iam("DeleteRolePolicy", nameof(IIamClient.DeleteRolePolicyAsync), (c, ct) => c.DeleteRolePolicyAsync(RoleName, "read-parameters", ct)),
        Iam("ListRolePolicies", nameof(IIamClient.ListRolePoliciesAsync), (c, ct) => c.ListRolePoliciesAsync(RoleName, "marker-1", ct)),
        Iam("AttachRolePolicy", nameof(IIamClient.AttachRolePolicyAsync), (c, ct) => c.AttachRolePolicyAsync(RoleName, PolicyArn, ct)),
        Iam("DetachRolePolicy", nameof(IIamClient.DetachRolePolicyAsync), (c, ct) => c.DetachRolePolicyAsync(RoleName, PolicyArn, ct)),
        Iam("ListAttachedRolePolicies", nameof(IIamClient.ListAttachedRolePoliciesAsync), (c, ct) => c.ListAttachedRolePoliciesAsync(RoleName, "marker-1", ct)),
        Iam("TagRole", nameof(IIamClient.TagRoleAsync), (c, ct) => c.TagRoleAsync(RoleName, ResourceTags, ct)),
        Iam("UntagRole", nameof(IIamClient.UntagRoleAsync), (c, ct) => c.UntagRoleAsync(RoleName, ["fargate-api:old", "cost-centre"], ct)),
        Iam("ListRoleTags", nameof(IIamClient.ListRoleTagsAsync), (c, ct) => c.ListRoleTagsAsync(RoleName, "marker-1", ct)),
    ];

    private static IEnumerable<ConformanceCase> OtherCases() =>
    [
        ConformanceCase.Of<ILambdaClient>("lambda", "Invoke", nameof(ILambdaClient.InvokeEventAsync), caller => new LambdaClient(caller),
            (c, ct) => c.InvokeEventAsync("arn:aws:lambda:us-east-1:123456789012:function:fargate-api-provider", """{"RequestType":"Create","ResourceProperties":{}}"""u8.ToArray(), ct)),
        ConformanceCase.Of<ISsmClient>("ssm", "GetParameters", nameof(ISsmClient.GetParametersAsync), caller => new SsmClient(caller),
            (c, ct) => c.GetParametersAsync(["/network/vpc-id", "/network/private-subnets", "/network/alb-listener-arn"], ct)),
        ConformanceCase.Of<IStsClient>("sts", "GetCallerIdentity", nameof(IStsClient.GetCallerIdentityAsync), caller => new StsClient(caller),
            (c, ct) => c.GetCallerIdentityAsync(ct)),
        ConformanceCase.Of<ICloudFormationClient>("cloudformation", "DescribeStackResource", nameof(ICloudFormationClient.DescribeStackResourceAsync), caller => new CloudFormationClient(caller),
            (c, ct) => c.DescribeStackResourceAsync("arn:aws:cloudformation:us-east-1:123456789012:stack/web/51af3dc0-da77-11e4-872e-1234567db123", "WebService", ct)),
        ConformanceCase.Of<ISecretsManagerClient>("secretsmanager", "GetSecretValue", nameof(ISecretsManagerClient.GetSecretValueAsync), caller => new SecretsManagerClient(caller),
            (c, ct) => c.GetSecretValueAsync(new GetSecretValueRequest("arn:aws:secretsmanager:us-east-1:123456789012:secret:fargate-api/continuation-key-a1B2c3", "EXAMPLE1-90ab-cdef-fedc-ba987SECRET1", "AWSPREVIOUS"), ct)),
    ];
}
