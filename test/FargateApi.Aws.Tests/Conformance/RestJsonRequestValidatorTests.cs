using FargateApi.Aws.Http;
using static FargateApi.Aws.Tests.Conformance.HandMadeRequests;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>The oracle must catch each mistake in a rest-json call (Lambda Invoke: URI label, header members, raw payload).</summary>
public class RestJsonRequestValidatorTests
{
    private static readonly ServiceModel LambdaModel = ServiceModel.Load("lambda");

    private static IReadOnlyList<Violation> Validate(AwsRequest request) => RequestValidator.Validate(LambdaModel, "Invoke", request);

    [Fact]
    public void Asynchronous_invoke_by_name_or_arn_has_no_violations()
    {
        Assert.Empty(Validate(Invoke()));
        Assert.Empty(Validate(Invoke("/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Aprovider/invocations")));
        Assert.Empty(Validate(Invoke("/2015-03-31/functions/provider/invocations?Qualifier=live")));
    }

    [Fact]
    public void Invocation_type_outside_the_enum_is_reported()
    {
        var violation = Assert.Single(Validate(Invoke(invocationType: "Async")));

        Assert.Equal((Rule.Enum, "Invoke.InvocationType"), (violation.Rule, violation.Path));
    }

    [Fact]
    public void Wrong_method_is_reported()
    {
        Assert.Equal(Rule.Method, Assert.Single(Validate(Invoke(method: "PUT"))).Rule);
    }

    [Theory]
    [InlineData("/2015-03-31/functions/provider/invoke")]
    [InlineData("/2015-03-31/functions//invocations")]
    [InlineData("/functions/provider/invocations")]
    public void Path_not_matching_the_request_uri_is_reported(string path)
    {
        Assert.Contains(Validate(Invoke(path)), v => v.Rule is Rule.Uri);
    }

    [Fact]
    public void Label_longer_than_the_model_allows_is_reported()
    {
        var name = new string('f', 257);

        var violation = Assert.Single(Validate(Invoke($"/2015-03-31/functions/{name}/invocations")));

        Assert.Equal((Rule.MaxLength, "Invoke.FunctionName"), (violation.Rule, violation.Path));
    }

    [Fact]
    public void Unmodelled_header_and_query_parameter_are_reported()
    {
        Assert.Equal(Rule.UnknownHeader, Assert.Single(Validate(Invoke(extraHeaders: ("X-Amz-Invoke-Mode", "async")))).Rule);
        Assert.Equal(Rule.UnknownQuery, Assert.Single(Validate(Invoke("/2015-03-31/functions/provider/invocations?Version=1"))).Rule);
    }
}
