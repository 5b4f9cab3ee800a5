using FargateApi.Aws.Endpoints;
using FargateApi.Aws.Http;
using FargateApi.Aws.Tests.Support;

namespace FargateApi.Aws.Tests.Endpoints;

public sealed class EndpointResolverTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.Where(v => v.Name == name).Select(v => v.Value).FirstOrDefault();

    [Theory]
    [InlineData("eu-west-1", "https://ecs.eu-west-1.amazonaws.com/")]
    [InlineData("cn-northwest-1", "https://ecs.cn-northwest-1.amazonaws.com.cn/")]
    [InlineData("us-gov-east-1", "https://ecs.us-gov-east-1.amazonaws.com/")]
    public void Regional_service_uses_the_partition_dns_suffix(string region, string expected)
    {
        ResolvedEndpoint endpoint = EndpointResolver.Resolve(TestServices.Ecs, region, Env());

        Assert.Equal((expected, region), (endpoint.BaseUri.ToString(), endpoint.SigningRegion));
    }

    [Fact]
    public void Endpoint_prefix_differs_from_the_env_name_for_load_balancing()
    {
        Assert.Equal(
            "https://elasticloadbalancing.ap-southeast-2.amazonaws.com/",
            EndpointResolver.Resolve(TestServices.Elbv2, "ap-southeast-2", Env()).BaseUri.ToString());
    }

    [Theory]
    [InlineData("eu-central-1", "https://iam.amazonaws.com/", "us-east-1")]
    [InlineData("cn-northwest-1", "https://iam.cn-north-1.amazonaws.com.cn/", "cn-north-1")]
    [InlineData("us-gov-east-1", "https://iam.us-gov.amazonaws.com/", "us-gov-west-1")]
    public void Iam_uses_the_partition_global_endpoint_and_signing_region(string region, string expected, string signingRegion)
    {
        ResolvedEndpoint endpoint = EndpointResolver.Resolve(TestServices.Iam, region, Env());

        Assert.Equal((expected, signingRegion), (endpoint.BaseUri.ToString(), endpoint.SigningRegion));
    }

    [Fact]
    public void Service_variable_beats_global_variable()
    {
        var env = Env(("AWS_ENDPOINT_URL", "http://global:4566"), ("AWS_ENDPOINT_URL_ECS", "http://ecs-only:5000"));

        Assert.Equal("http://ecs-only:5000/", EndpointResolver.Resolve(TestServices.Ecs, "eu-west-1", env).BaseUri.ToString());
        Assert.Equal("http://global:4566/", EndpointResolver.Resolve(TestServices.Elbv2, "eu-west-1", env).BaseUri.ToString());
    }

    [Theory]
    [InlineData("true")]
    [InlineData("TRUE")]
    public void Ignore_flag_disables_every_override(string flag)
    {
        var env = Env(("AWS_ENDPOINT_URL", "http://global:4566"), ("AWS_ENDPOINT_URL_ECS", "http://ecs:1"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", flag));

        Assert.Equal("https://ecs.eu-west-1.amazonaws.com/", EndpointResolver.Resolve(TestServices.Ecs, "eu-west-1", env).BaseUri.ToString());
    }

    [Fact]
    public void Ignore_flag_false_keeps_overrides()
    {
        var env = Env(("AWS_ENDPOINT_URL", "http://global:4566"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "false"));

        Assert.Equal("http://global:4566/", EndpointResolver.Resolve(TestServices.Ecs, "eu-west-1", env).BaseUri.ToString());
    }

    [Theory]
    [InlineData("http://localhost:4566/prefix", "/", "http://localhost:4566/prefix/")]
    [InlineData("http://localhost:4566/prefix/", "/2015-03-31/functions/f%3A1?Qualifier=x", "http://localhost:4566/prefix/2015-03-31/functions/f%3A1?Qualifier=x")]
    [InlineData("http://localhost:4566", "/", "http://localhost:4566/")]
    public void Override_path_prefix_is_kept_in_front_of_the_request_path(string overrideUrl, string pathAndQuery, string expected)
    {
        ResolvedEndpoint endpoint = EndpointResolver.Resolve(TestServices.Lambda, "eu-west-1", Env(("AWS_ENDPOINT_URL_LAMBDA", overrideUrl)));

        Assert.Equal(expected, endpoint.Combine(pathAndQuery).AbsoluteUri);
    }

    [Theory]
    [InlineData("localhost:4566")]
    [InlineData("ftp://host")]
    [InlineData("http://host/?a=b")]
    public void Unusable_override_is_a_configuration_error_naming_the_variable(string value)
    {
        var error = Assert.Throws<AwsConfigurationException>(
            () => EndpointResolver.Resolve(TestServices.Ecs, "eu-west-1", Env(("AWS_ENDPOINT_URL_ECS", value))));

        Assert.Contains("AWS_ENDPOINT_URL_ECS", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eu-west-1.evil.com/")]
    [InlineData("EU-WEST-1")]
    [InlineData("")]
    public void Region_that_is_not_a_region_name_is_rejected(string region)
    {
        Assert.Throws<AwsConfigurationException>(() => EndpointResolver.Resolve(TestServices.Ecs, region, Env()));
    }
}
