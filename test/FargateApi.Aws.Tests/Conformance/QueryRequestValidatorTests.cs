using FargateApi.Aws.Http;
using static FargateApi.Aws.Tests.Conformance.HandMadeRequests;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>The oracle must catch each mistake a query-protocol client can make (ELBv2, IAM).</summary>
public class QueryRequestValidatorTests
{
    private static readonly ServiceModel Elbv2Model = ServiceModel.Load("elbv2");
    private static readonly ServiceModel IamModel = ServiceModel.Load("iam");

    private static readonly (string, string)[] GoodTargetGroup =
    [
        ("Name", "web-tg"), ("Protocol", "HTTP"), ("Port", "8080"), ("VpcId", "vpc-0a1b2c3d"), ("TargetType", "ip"),
        ("HealthCheckPath", "/health"), ("Matcher.HttpCode", "200-399"),
        ("Tags.member.1.Key", "fargate-api:stack"), ("Tags.member.1.Value", "demo"),
        ("Tags.member.2.Key", "Name"), ("Tags.member.2.Value", "web"),
    ];

    private static IReadOnlyList<Violation> CreateTargetGroup(params (string, string)[] members) =>
        RequestValidator.Validate(Elbv2Model, "CreateTargetGroup", Elbv2("CreateTargetGroup", members));

    [Fact]
    public void Well_formed_create_target_group_has_no_violations()
    {
        Assert.Empty(CreateTargetGroup(GoodTargetGroup));
    }

    [Fact]
    public void Well_formed_iam_create_role_has_no_violations()
    {
        var request = Iam("CreateRole", ("RoleName", "web-task-role"), ("AssumeRolePolicyDocument", """{"Version":"2012-10-17","Statement":[]}"""),
            ("Path", "/fargate-api/"), ("Tags.member.1.Key", "fargate-api:stack"), ("Tags.member.1.Value", "demo"));

        Assert.Empty(RequestValidator.Validate(IamModel, "CreateRole", request));
    }

    [Fact]
    public void Empty_list_is_sent_as_the_bare_key()
    {
        Assert.Empty(RequestValidator.Validate(Elbv2Model, "DescribeTargetGroups", Elbv2("DescribeTargetGroups", ("Names", ""))));
    }

    [Theory]
    [InlineData("Tags.1.Key")]
    [InlineData("Tags.Tag.1.Key")]
    [InlineData("Tag.member.1.Key")]
    [InlineData("name")]
    [InlineData("Matcher.HttpCodes")]
    public void Key_no_member_path_produces_is_unknown(string key)
    {
        var violations = CreateTargetGroup([("Name", "tg"), (key, "x")]);

        Assert.Contains(violations, v => v.Rule == Rule.UnknownMember);
    }

    [Fact]
    public void Missing_required_member_is_reported_at_top_level_and_in_list_items()
    {
        var violations = CreateTargetGroup(("Protocol", "HTTP"), ("Tags.member.1.Value", "demo"));

        Assert.Contains(violations, v => v.Rule == Rule.MissingRequired && v.Path == "CreateTargetGroup.Name");
        Assert.Contains(violations, v => v.Rule == Rule.MissingRequired && v.Path == "CreateTargetGroup.Tags[0].Key");
    }

    [Fact]
    public void Enum_value_outside_the_model_is_reported()
    {
        var violation = Assert.Single(CreateTargetGroup(("Name", "tg"), ("Protocol", "http")));

        Assert.Equal((Rule.Enum, "CreateTargetGroup.Protocol"), (violation.Rule, violation.Path));
    }

    [Theory]
    [InlineData("Port", "eighty", Rule.Kind)]
    [InlineData("Port", "0", Rule.MinValue)]
    [InlineData("Port", "65536", Rule.MaxValue)]
    [InlineData("HealthCheckEnabled", "True", Rule.Kind)]
    public void Scalars_must_parse_as_their_type_and_fit_the_range(string key, string value, string rule)
    {
        Assert.Equal(rule, Assert.Single(CreateTargetGroup(("Name", "tg"), (key, value))).Rule);
    }

    [Fact]
    public void List_positions_start_at_one_without_gaps()
    {
        Assert.Contains(CreateTargetGroup(("Name", "tg"), ("Tags.member.2.Key", "a")), v => v.Rule == Rule.ListIndex);
        Assert.Contains(CreateTargetGroup(("Name", "tg"), ("Tags.member.0.Key", "a")), v => v.Rule == Rule.ListIndex);
    }

    [Fact]
    public void Structure_key_carrying_a_value_is_a_kind_error()
    {
        Assert.Equal(Rule.Kind, Assert.Single(CreateTargetGroup(("Name", "tg"), ("Matcher", "200"))).Rule);
    }

    [Fact]
    public void Wrong_action_is_reported()
    {
        var request = Form("CreateTargetGroup", ("Action", "createTargetGroup"), ("Version", "2015-12-01"), ("Name", "tg"));

        Assert.Equal(Rule.Action, Assert.Single(RequestValidator.Validate(Elbv2Model, "CreateTargetGroup", request)).Rule);
    }

    [Fact]
    public void Wrong_or_missing_version_is_reported()
    {
        var wrong = Form("CreateTargetGroup", ("Action", "CreateTargetGroup"), ("Version", "2012-06-01"), ("Name", "tg"));
        var missing = Form("CreateTargetGroup", ("Action", "CreateTargetGroup"), ("Name", "tg"));

        Assert.Equal(Rule.Version, Assert.Single(RequestValidator.Validate(Elbv2Model, "CreateTargetGroup", wrong)).Rule);
        Assert.Equal(Rule.Version, Assert.Single(RequestValidator.Validate(Elbv2Model, "CreateTargetGroup", missing)).Rule);
    }

    [Fact]
    public void Repeated_key_is_reported()
    {
        Assert.Contains(CreateTargetGroup(("Name", "tg"), ("Name", "tg2")), v => v.Rule == Rule.Duplicate);
    }

    [Fact]
    public void Json_body_on_a_query_service_is_reported()
    {
        var request = Json("ElasticLoadBalancing_v10", "CreateTargetGroup", """{"Name":"tg"}""");

        var rules = RequestValidator.Validate(Elbv2Model, "CreateTargetGroup", request).Select(v => v.Rule).ToArray();

        Assert.Contains(Rule.ContentType, rules);
        Assert.Contains(Rule.Action, rules);
    }

    [Fact]
    public void Value_outside_the_model_pattern_is_reported()
    {
        var request = Elbv2("ModifyTargetGroupAttributes", ("TargetGroupArn", "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef"),
            ("Attributes.member.1.Key", "deregistration delay"), ("Attributes.member.1.Value", "30"));

        var violation = Assert.Single(RequestValidator.Validate(Elbv2Model, "ModifyTargetGroupAttributes", request));

        Assert.Equal((Rule.Pattern, "ModifyTargetGroupAttributes.Attributes[0].Key"), (violation.Rule, violation.Path));
    }

    [Theory]
    [InlineData("Action=CreateRole&Version=2010-05-08&RoleName=web&AssumeRolePolicyDocument={\"Version\":\"2012-10-17\"}", '{')]
    [InlineData("Action=CreateRole&Version=2010-05-08&RoleName=web&AssumeRolePolicyDocument=%7B%7D&Path=/fargate-api/", '/')]
    public void Reserved_characters_left_unencoded_are_reported(string body, char raw)
    {
        var request = new AwsRequest("CreateRole", HttpMethod.Post, "/", new Dictionary<string, string>(), System.Text.Encoding.UTF8.GetBytes(body), "application/x-www-form-urlencoded; charset=utf-8");

        var violation = Assert.Single(RequestValidator.Validate(IamModel, "CreateRole", request), v => v.Rule == Rule.FormEncoding);

        Assert.Contains($"'{raw}'", violation.Detail, StringComparison.Ordinal);
    }
}
