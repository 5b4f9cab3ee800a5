using System.Text;
using FargateApi.Aws.Http;
using FargateApi.Aws.Protocols;
using FargateApi.Aws.Services;

namespace FargateApi.Aws.Tests.Services;

public class ProtocolTests
{
    [Fact]
    public void Query_body_percent_encodes_names_and_values_per_rfc3986()
    {
        var body = new QueryParameters("PutRolePolicy", "2010-05-08", QueryListStyle.Member)
            .Add("PolicyDocument", "{\"a\": \"b/c*~\"}")
            .ToBody();

        Assert.Equal(
            "Action=PutRolePolicy&Version=2010-05-08&PolicyDocument=%7B%22a%22%3A%20%22b%2Fc%2A~%22%7D",
            Encoding.UTF8.GetString(body));
    }

    [Fact]
    public void Query_lists_use_member_entries_and_ec2_lists_are_flat()
    {
        var query = new QueryParameters("X", "v", QueryListStyle.Member).AddList("Names", ["a", "b"]);
        var ec2 = new QueryParameters("X", "v", QueryListStyle.Flat).AddList("GroupId", ["a", "b"]);

        Assert.Equal(["Action", "Version", "Names.member.1", "Names.member.2"], query.Pairs.Select(p => p.Key));
        Assert.Equal(["Action", "Version", "GroupId.1", "GroupId.2"], ec2.Pairs.Select(p => p.Key));
    }

    [Fact]
    public void Query_leaves_out_null_members_and_writes_booleans_lowercase()
    {
        var p = new QueryParameters("X", "v", QueryListStyle.Member)
            .Add("A", (string?)null).Add("B", (int?)null).Add("C", true).Add("D", false).AddList("E", null);

        Assert.Equal(["Action=X", "Version=v", "C=true", "D=false"], p.Pairs.Select(x => $"{x.Key}={x.Value}"));
    }

    [Fact]
    public void Json_request_targets_the_operation_and_uses_json_1_1()
    {
        var request = JsonProtocol.CreateRequest(AwsServices.Ssm, "GetParameters", new FargateApi.Aws.Services.Ssm.GetParametersRequest(["/a"]), FargateApi.Aws.Services.Ssm.SsmJsonContext.Default.GetParametersRequest);

        Assert.Equal("AmazonSSM.GetParameters", request.Headers["X-Amz-Target"]);
        Assert.Equal("application/x-amz-json-1.1", request.ContentType);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/", request.PathAndQuery);
        Assert.Equal("""{"Names":["/a"]}""", Encoding.UTF8.GetString(request.Body));
    }

    [Fact]
    public void Json_request_for_a_service_without_target_prefix_is_refused()
        => Assert.Throws<InvalidOperationException>(() => JsonProtocol.CreateRequest(AwsServices.Iam, "GetRole", new FargateApi.Aws.Services.Ssm.GetParametersRequest(["/a"]), FargateApi.Aws.Services.Ssm.SsmJsonContext.Default.GetParametersRequest));

    [Fact]
    public void Json_response_that_does_not_fit_the_shape_is_reported_with_the_operation()
    {
        var response = new AwsResponse(200, new Dictionary<string, string>(), Encoding.UTF8.GetBytes("""{"Parameters": 5}"""));

        var error = Assert.Throws<InvalidDataException>(() => JsonProtocol.ReadResponse("GetParameters", response, FargateApi.Aws.Services.Ssm.SsmJsonContext.Default.GetParametersResult));
        Assert.Contains("GetParameters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Xml_with_a_doctype_is_refused()
    {
        var body = Encoding.UTF8.GetBytes("<!DOCTYPE x [<!ENTITY e \"boom\">]><GetRoleResponse>&e;</GetRoleResponse>");

        Assert.Throws<InvalidDataException>(() => AwsXml.Parse("GetRole", body));
    }

    [Fact]
    public void Query_result_is_found_inside_the_response_whatever_the_namespace()
    {
        var body = Encoding.UTF8.GetBytes("""<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Account>1</Account></GetCallerIdentityResult></GetCallerIdentityResponse>""");

        var result = QueryProtocol.ReadResult(AwsServices.Sts, "GetCallerIdentity", body);

        Assert.Equal("GetCallerIdentityResult", result.Name.LocalName);
        Assert.Equal("1", result.Text("Account"));
    }

    [Fact]
    public async Task Pagination_that_does_not_advance_is_reported_instead_of_looping()
    {
        var walk = Paginator.WalkAsync((token, _) => Task.FromResult((Items: new[] { 1 }, Next: "same")), page => page.Items, page => page.Next, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await foreach (var _ in walk)
            {
            }
        });
    }
}
