using System.Text;
using System.Text.Json.Nodes;
using FargateApi.Lambda.CloudFormation;

namespace FargateApi.Lambda.Tests;

public class RequestParserTests
{
    private static readonly Uri Url = new("https://bucket.example/response?X-Amz-Signature=abc");

    private static ParsedEvent Parse(JsonNode node) => RequestParser.Parse(Encoding.UTF8.GetBytes(node.ToJsonString()));

    [Fact]
    public void Well_formed_update_keeps_every_field()
    {
        var parsed = Assert.IsType<WellFormedEvent>(Parse(Events.Update(Url, "acme-api")));

        var request = parsed.Request;
        Assert.Equal(RequestType.Update, request.RequestType);
        Assert.Equal(Url, request.Target.ResponseUrl);
        Assert.Equal(Events.StackId, request.Target.StackId);
        Assert.Equal(Events.LogicalResourceId, request.Target.LogicalResourceId);
        Assert.Equal("acme-api", request.PhysicalResourceId);
        Assert.Equal("Custom::FargateApi", request.ResourceType);
        Assert.Equal("512", request.ResourceProperties.GetProperty("Cpu").GetString());
        Assert.NotNull(request.OldResourceProperties);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[1,2]")]
    [InlineData("")]
    public void Event_that_is_not_a_json_object_cannot_be_answered(string payload)
    {
        Assert.IsType<UnanswerableEvent>(RequestParser.Parse(Encoding.UTF8.GetBytes(payload)));
    }

    [Theory]
    [InlineData("ResponseURL")]
    [InlineData("StackId")]
    [InlineData("RequestId")]
    [InlineData("LogicalResourceId")]
    public void Event_without_a_field_needed_to_answer_cannot_be_answered_and_says_which(string field)
    {
        var node = Events.Create(Url);
        node.Remove(field);

        var parsed = Assert.IsType<UnanswerableEvent>(Parse(node));

        Assert.Contains($"{field} is missing", parsed.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_response_url_cannot_be_answered()
    {
        var node = Events.Create(Url);
        node["ResponseURL"] = "/just/a/path";

        Assert.Contains("absolute URL", Assert.IsType<UnanswerableEvent>(Parse(node)).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_request_type_is_malformed_but_answerable()
    {
        var node = Events.Create(Url);
        node["RequestType"] = "Upsert";

        var parsed = Assert.IsType<MalformedEvent>(Parse(node));

        Assert.Contains("RequestType 'Upsert' is not one of Create, Update, Delete", parsed.Problem, StringComparison.Ordinal);
        Assert.Equal(Url, parsed.Target.ResponseUrl);
    }

    [Fact]
    public void Fields_of_the_wrong_kind_are_all_reported_at_once()
    {
        var node = Events.Create(Url);
        node["ResourceType"] = 42;
        node["ResourceProperties"] = "Cpu=256";

        var parsed = Assert.IsType<MalformedEvent>(Parse(node));

        Assert.Contains("ResourceType must be a string, not a Number", parsed.Problem, StringComparison.Ordinal);
        Assert.Contains("ResourceProperties must be an object, not a String", parsed.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Delete_without_physical_id_is_malformed()
    {
        var node = Events.Delete(Url, "x");
        node.Remove("PhysicalResourceId");

        var parsed = Assert.IsType<MalformedEvent>(Parse(node));

        Assert.Contains("PhysicalResourceId is required on Delete", parsed.Problem, StringComparison.Ordinal);
        Assert.Null(parsed.PhysicalResourceId);
    }

    [Fact]
    public void Update_without_old_properties_is_malformed_but_keeps_its_physical_id()
    {
        var node = Events.Update(Url, "acme-api");
        node.Remove("OldResourceProperties");

        var parsed = Assert.IsType<MalformedEvent>(Parse(node));

        Assert.Contains("OldResourceProperties is required on Update", parsed.Problem, StringComparison.Ordinal);
        Assert.Equal("acme-api", parsed.PhysicalResourceId);
    }

    [Fact]
    public void Physical_id_over_one_kilobyte_is_not_echoed()
    {
        var parsed = Assert.IsType<MalformedEvent>(Parse(Events.Delete(Url, new string('p', 1025))));

        Assert.Null(parsed.PhysicalResourceId);
        Assert.Contains("1 to 1024 bytes", parsed.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_create_id_is_deterministic_recognisable_and_distinct_per_request()
    {
        var first = FailedCreateId.For("ApiService", "req-1");

        Assert.Equal(first, FailedCreateId.For("ApiService", "req-1"));
        Assert.NotEqual(first, FailedCreateId.For("ApiService", "req-2"));
        Assert.True(FailedCreateId.IsFailedCreate(first));
        Assert.False(FailedCreateId.IsFailedCreate("acme-api"));
        Assert.StartsWith(FailedCreateId.Prefix + "ApiService:", first, StringComparison.Ordinal);
        Assert.True(RequestParser.IsUsablePhysicalId(FailedCreateId.For(new string('L', 5000), "req-1")));
    }
}
