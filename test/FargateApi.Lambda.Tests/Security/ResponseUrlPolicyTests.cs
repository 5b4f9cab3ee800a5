using FargateApi.Lambda.Verification;

namespace FargateApi.Lambda.Tests.Security;

/// <summary>Answers go to CloudFormation's response bucket of the function's own region and partition, nowhere else.</summary>
public sealed class ResponseUrlPolicyTests
{
    private const string UsEast1 = "arn:aws:lambda:us-east-1:123456789012:function:provider";
    private const string EuWest1 = "arn:aws:lambda:eu-west-1:123456789012:function:provider";
    private const string CnNorth1 = "arn:aws-cn:lambda:cn-north-1:123456789012:function:provider";
    private const string Key = "/arn%3Aaws%3Acloudformation%3Aus-east-1%3A123456789012%3Astack/shop/1%7CApi%7Creq?X-Amz-Signature=abc";

    [Theory]
    [InlineData(UsEast1, "https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com" + Key)]
    [InlineData(UsEast1, "https://cloudformation-custom-resource-response-useast1.s3-us-east-1.amazonaws.com" + Key)]
    [InlineData(EuWest1, "https://cloudformation-custom-resource-response-euwest1.s3.eu-west-1.amazonaws.com" + Key)]
    [InlineData(EuWest1, "https://s3.eu-west-1.amazonaws.com/cloudformation-custom-resource-response-euwest1" + Key)]
    [InlineData(CnNorth1, "https://cloudformation-custom-resource-response-cnnorth1.s3.cn-north-1.amazonaws.com.cn" + Key)]
    public void Cloudformations_response_bucket_of_the_functions_region_is_accepted(string functionArn, string url)
    {
        Assert.Null(ResponseUrlPolicy.Refusal(new Uri(url), functionArn, null, allowHttpLoopback: false));
    }

    [Theory]
    [InlineData(EuWest1, "https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com" + Key)] // another region's bucket
    [InlineData(CnNorth1, "https://cloudformation-custom-resource-response-cnnorth1.s3.cn-north-1.amazonaws.com" + Key)] // another partition's domain
    [InlineData(UsEast1, "https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com.attacker.example" + Key)]
    [InlineData(UsEast1, "https://attacker-bucket.s3.amazonaws.com" + Key)]
    [InlineData(UsEast1, "https://s3.amazonaws.com/attacker-bucket" + Key)]
    [InlineData(UsEast1, "https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com:8443" + Key)]
    [InlineData(UsEast1, "https://user@cloudformation-custom-resource-response-useast1.s3.amazonaws.com" + Key)]
    [InlineData(UsEast1, "http://cloudformation-custom-resource-response-useast1.s3.amazonaws.com" + Key)]
    public void Anything_else_is_refused(string functionArn, string url)
    {
        Assert.NotNull(ResponseUrlPolicy.Refusal(new Uri(url), functionArn, null, allowHttpLoopback: false));
    }

    [Fact]
    public void Allowed_plain_http_reaches_loopback_only()
    {
        Assert.Null(ResponseUrlPolicy.Refusal(new Uri("http://127.0.0.1:8080/cfn/req"), UsEast1, null, allowHttpLoopback: true));
        var refusal = ResponseUrlPolicy.Refusal(new Uri("http://169.254.169.254/latest/meta-data"), UsEast1, null, allowHttpLoopback: true);

        Assert.Equal(
            "The ResponseURL is plain http to 169.254.169.254, not a loopback address; FARGATE_API_ALLOW_HTTP_RESPONSE_URL=1 admits plain http to loopback only (local tests). No response was sent.",
            refusal);
    }

    [Fact]
    public void Without_a_function_arn_the_region_comes_from_aws_region()
    {
        Assert.Null(ResponseUrlPolicy.Refusal(new Uri("https://cloudformation-custom-resource-response-cnnorth1.s3.cn-north-1.amazonaws.com.cn" + Key), null, "cn-north-1", allowHttpLoopback: false));
        Assert.NotNull(ResponseUrlPolicy.Refusal(new Uri("https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com" + Key), null, null, allowHttpLoopback: false));
    }
}
