using FargateApi.Aws.Services.Iam;

namespace FargateApi.Aws.Tests.Services;

public class IamClientTests
{
    private const string Ns = "https://iam.amazonaws.com/doc/2010-05-08/";
    private const string TrustPolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";

    private readonly RecordingCaller _caller = new();
    private readonly IamClient _client;

    public IamClientTests() => _client = new IamClient(_caller);

    private static string RoleXml(string operation) => $"""
        <{operation}Response xmlns="{Ns}"><{operation}Result><Role>
          <Path>/fargate-api/</Path><RoleName>p-web-task</RoleName><RoleId>AROA123</RoleId><Arn>arn:aws:iam::1:role/fargate-api/p-web-task</Arn>
          <CreateDate>2026-11-28T07:00:00Z</CreateDate><AssumeRolePolicyDocument>{Uri.EscapeDataString(TrustPolicy)}</AssumeRolePolicyDocument>
          <PermissionsBoundary><PermissionsBoundaryType>Policy</PermissionsBoundaryType><PermissionsBoundaryArn>arn:aws:iam::1:policy/boundary</PermissionsBoundaryArn></PermissionsBoundary>
          <Tags><member><Key>fargate-api:stack</Key><Value>s</Value></member></Tags><MaxSessionDuration>3600</MaxSessionDuration>
        </Role></{operation}Result><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></{operation}Response>
        """;

    [Fact]
    public async Task Create_role_sends_the_trust_policy_and_tags_as_query_members()
    {
        _caller.Answer(RoleXml("CreateRole"));

        var role = await _client.CreateRoleAsync(
            new CreateRoleRequest("p-web-task", TrustPolicy, new Dictionary<string, string> { ["fargate-api:stack"] = "s" }, Path: "/fargate-api/", Description: "Task role", PermissionsBoundary: "arn:aws:iam::1:policy/boundary"),
            CancellationToken.None);

        Assert.Equal(
            [
                "Action=CreateRole", "Version=2010-05-08", "Path=/fargate-api/", "RoleName=p-web-task", $"AssumeRolePolicyDocument={TrustPolicy}",
                "Description=Task role", "PermissionsBoundary=arn:aws:iam::1:policy/boundary", "Tags.member.1.Key=fargate-api:stack", "Tags.member.1.Value=s",
            ],
            _caller.LastFormLines());
        Assert.Equal("arn:aws:iam::1:role/fargate-api/p-web-task", role.Arn);
    }

    [Fact]
    public async Task Get_role_decodes_the_url_encoded_trust_policy_and_reads_boundary_and_tags()
    {
        _caller.Answer(RoleXml("GetRole"));

        var role = await _client.GetRoleAsync("p-web-task", CancellationToken.None);

        Assert.Equal(TrustPolicy, role.AssumeRolePolicyDocument);
        Assert.Equal("arn:aws:iam::1:policy/boundary", role.PermissionsBoundaryArn);
        Assert.Equal(("AROA123", "/fargate-api/", "s"), (role.RoleId, role.Path, role.Tags["fargate-api:stack"]));
    }

    [Fact]
    public async Task List_all_role_policies_follows_markers_while_truncated_across_three_pages()
    {
        static string Page(string name, string? marker) => $"""<ListRolePoliciesResponse xmlns="{Ns}"><ListRolePoliciesResult><PolicyNames><member>{name}</member></PolicyNames><IsTruncated>{(marker is null ? "false" : "true")}</IsTruncated>{(marker is null ? "" : $"<Marker>{marker}</Marker>")}</ListRolePoliciesResult></ListRolePoliciesResponse>""";
        _caller.Answer(Page("a", "m1")).Answer(Page("b", "m2")).Answer(Page("c", null));

        var names = await _client.ListAllRolePoliciesAsync("r", CancellationToken.None).ToListAsync();

        Assert.Equal(["a", "b", "c"], names);
        Assert.Equal(["Action=ListRolePolicies", "Version=2010-05-08", "RoleName=r", "Marker=m2"], _caller.LastFormLines());
    }

    [Fact]
    public async Task A_marker_without_is_truncated_ends_the_listing()
    {
        _caller.Answer($"""<ListAttachedRolePoliciesResponse xmlns="{Ns}"><ListAttachedRolePoliciesResult><AttachedPolicies><member><PolicyName>AmazonECSTaskExecutionRolePolicy</PolicyName><PolicyArn>arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy</PolicyArn></member></AttachedPolicies><IsTruncated>false</IsTruncated><Marker>stale</Marker></ListAttachedRolePoliciesResult></ListAttachedRolePoliciesResponse>""");

        var policies = await _client.ListAllAttachedRolePoliciesAsync("r", CancellationToken.None).ToListAsync();

        Assert.Equal("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy", Assert.Single(policies).PolicyArn);
        Assert.Single(_caller.Calls);
    }

    [Fact]
    public async Task Role_tags_and_inline_policies_use_query_member_names()
    {
        _caller.Answer($"""<ListRoleTagsResponse xmlns="{Ns}"><ListRoleTagsResult><Tags><member><Key>a</Key><Value>1</Value></member></Tags><IsTruncated>false</IsTruncated></ListRoleTagsResult></ListRoleTagsResponse>""");

        var tags = await _client.ListAllRoleTagsAsync("r", CancellationToken.None).ToListAsync();
        Assert.Equal([new KeyValuePair<string, string>("a", "1")], tags);

        await _client.PutRolePolicyAsync("r", "grants", """{"Version":"2012-10-17","Statement":[]}""", CancellationToken.None);
        Assert.Equal(["Action=PutRolePolicy", "Version=2010-05-08", "RoleName=r", "PolicyName=grants", """PolicyDocument={"Version":"2012-10-17","Statement":[]}"""], _caller.LastFormLines());

        await _client.TagRoleAsync("r", new Dictionary<string, string> { ["b"] = "2" }, CancellationToken.None);
        Assert.Equal(["Action=TagRole", "Version=2010-05-08", "RoleName=r", "Tags.member.1.Key=b", "Tags.member.1.Value=2"], _caller.LastFormLines());

        await _client.DeleteRoleAsync("r", CancellationToken.None);
        Assert.Equal(["Action=DeleteRole", "Version=2010-05-08", "RoleName=r"], _caller.LastFormLines());
    }

    [Fact]
    public async Task Untag_role_sends_the_keys_as_a_member_list()
    {
        await _client.UntagRoleAsync("r", ["cost-centre", "fargate-api:old"], CancellationToken.None);

        Assert.Equal(["Action=UntagRole", "Version=2010-05-08", "RoleName=r", "TagKeys.member.1=cost-centre", "TagKeys.member.2=fargate-api:old"], _caller.LastFormLines());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(IamClient.MaxTagKeysPerUntagRole + 1)]
    public async Task Untag_role_refuses_no_keys_and_more_keys_than_iam_takes(int count)
    {
        var keys = Enumerable.Range(0, count).Select(i => $"k{i}").ToArray();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _client.UntagRoleAsync("r", keys, CancellationToken.None));

        Assert.Contains($"1 to 50 tag keys, not {count}", error.Message, StringComparison.Ordinal);
        Assert.Empty(_caller.Calls);
    }
}
