using System.Text;
using FargateApi.Aws.Http;
using FargateApi.Aws.Tests.Support;

namespace FargateApi.Aws.Tests.Http;

public sealed class AwsErrorParserTests
{
    private static readonly Dictionary<string, string> NoHeaders = [];

    [Theory]
    [InlineData("com.amazonaws.ecs#ClientException", "ClientException")]
    [InlineData("ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/", "ValidationException")]
    [InlineData("aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/", "FooError")]
    [InlineData("  Throttling ", "Throttling")]
    [InlineData("", null)]
    public void Error_codes_lose_namespace_and_url_suffix(string raw, string? expected)
    {
        Assert.Equal(expected, AwsErrorParser.SanitizeCode(raw));
    }

    [Fact]
    public void Json_code_field_is_read_when_type_is_missing_and_header_names_are_case_insensitive()
    {
        var headers = new Dictionary<string, string> { ["X-AMZN-REQUESTID"] = "abc" };

        AwsServiceException error = AwsErrorParser.Parse(
            TestServices.Ecs, "Op", 400, headers, """{"code":"ServerException","Message":"m"}"""u8);

        Assert.Equal(("ServerException", "m", "abc"), (error.ErrorCode, error.ErrorMessage, error.RequestId));
    }

    [Fact]
    public void Json_without_any_code_falls_back_to_the_status()
    {
        AwsServiceException error = AwsErrorParser.Parse(TestServices.Ecs, "Op", 500, NoHeaders, """{"message":"internal"}"""u8);

        Assert.Equal(("Http500", "internal"), (error.ErrorCode, error.ErrorMessage));
    }

    [Fact]
    public void Empty_body_says_so()
    {
        AwsServiceException error = AwsErrorParser.Parse(TestServices.Elbv2, "Op", 503, NoHeaders, []);

        Assert.Equal(("Http503", "HTTP 503 with an empty body"), (error.ErrorCode, error.ErrorMessage));
    }

    [Fact]
    public void Long_unparseable_body_is_cut_to_an_excerpt_without_control_characters()
    {
        byte[] body = Encoding.UTF8.GetBytes("<html>\n" + new string('x', 5000));

        AwsServiceException error = AwsErrorParser.Parse(TestServices.Ecs, "Op", 502, NoHeaders, body);

        Assert.StartsWith("HTTP 502 with an unrecognised body (5007 bytes): <html> xxx", error.ErrorMessage, StringComparison.Ordinal);
        Assert.True(error.ErrorMessage.Length < 300, error.ErrorMessage);
    }

    [Fact]
    public void Truncated_xml_keeps_what_was_read()
    {
        AwsServiceException error = AwsErrorParser.Parse(
            TestServices.Ec2, "Op", 400, NoHeaders, "<Response><Errors><Error><Code>InvalidVpcID.NotFound</Code><Message>gone"u8);

        Assert.Equal("InvalidVpcID.NotFound", error.ErrorCode);
    }

    [Fact]
    public void Xml_with_a_dtd_is_not_expanded()
    {
        AwsServiceException error = AwsErrorParser.Parse(
            TestServices.Elbv2, "Op", 400, NoHeaders,
            "<!DOCTYPE x [<!ENTITY e \"boom\">]><ErrorResponse><Error><Code>&e;</Code></Error></ErrorResponse>"u8);

        Assert.Equal("Http400", error.ErrorCode);
    }
}
