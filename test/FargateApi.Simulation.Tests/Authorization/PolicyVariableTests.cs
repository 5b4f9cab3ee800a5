using FargateApi.Simulation.Authorization;

namespace FargateApi.Simulation.Tests.Authorization;

/// <summary>Policy variables against the IAM User Guide, "IAM policy elements: Variables and tags".</summary>
public sealed class PolicyVariableTests
{
    private const string PrefixTag = "fargate-api:project-prefix";

    private static readonly Dictionary<string, string> Acme = new(StringComparer.Ordinal) { [PrefixTag] = "acme" };

    [Fact]
    public void A_principal_tag_in_a_resource_is_replaced_by_the_tag_of_the_role_making_the_request()
    {
        var policy = Policy("""{"Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "arn:aws:dynamodb:*:*:table/${aws:PrincipalTag/fargate-api:project-prefix}-*"}""");

        Assert.True(Allowed(policy, AccessRequest.ByRoleTagged("dynamodb:GetItem", Table("acme-orders"), Acme)));
        Assert.False(Allowed(policy, AccessRequest.ByRoleTagged("dynamodb:GetItem", Table("globex-orders"), Acme)));
        Assert.False(Allowed(policy, AccessRequest.ByRoleTagged("dynamodb:GetItem", Table("acmex-orders"), Acme)));
    }

    [Fact]
    public void Without_the_tag_an_allow_entry_matches_nothing_and_a_deny_naming_it_is_not_counted_on()
    {
        var allow = Policy("""{"Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "arn:aws:dynamodb:*:*:table/${aws:PrincipalTag/fargate-api:project-prefix}-*"}""");
        var allowOthers = Policy("""{"Effect": "Allow", "Action": "dynamodb:GetItem", "NotResource": "arn:aws:dynamodb:*:*:table/${aws:PrincipalTag/fargate-api:project-prefix}-*"}""");
        var denyOthers = Policy(
            """{"Effect": "Allow", "Action": "dynamodb:GetItem", "Resource": "*"}""",
            """{"Sid": "OnlyOwn", "Effect": "Deny", "Action": "dynamodb:GetItem", "NotResource": "arn:aws:dynamodb:*:*:table/${aws:PrincipalTag/fargate-api:project-prefix}-*"}""");
        var untagged = AccessRequest.ByRoleTagged("dynamodb:GetItem", Table("acme-orders"), new Dictionary<string, string>());

        // "will not match any resource": no Allow through Resource, and NotResource excludes nothing.
        Assert.Equal(AccessEffect.ImplicitlyDenied, allow.Evaluate(untagged).Effect);
        Assert.Equal(AccessEffect.Allowed, allowOthers.Evaluate(untagged).Effect);

        // "might cause the entire statement to be invalid": the Deny is not counted on.
        Assert.Equal(AccessEffect.Allowed, denyOthers.Evaluate(untagged).Effect);
        Assert.Equal(AccessEffect.Allowed, denyOthers.Evaluate(AccessRequest.ByRoleTagged("dynamodb:GetItem", Table("acme-orders"), Acme)).Effect);
        Assert.Equal("OnlyOwn", denyOthers.Evaluate(AccessRequest.ByRoleTagged("dynamodb:GetItem", Table("globex-orders"), Acme)).DecidedBy?.Sid);
    }

    [Fact]
    public void A_default_value_stands_in_for_a_missing_tag()
    {
        var policy = Policy("""{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::data-${aws:PrincipalTag/team, 'company-wide'}/*"}""");

        Assert.True(Allowed(policy, AccessRequest.ByRoleTagged("s3:GetObject", "arn:aws:s3:::data-company-wide/a", new Dictionary<string, string>())));
        Assert.True(Allowed(policy, AccessRequest.ByRoleTagged("s3:GetObject", "arn:aws:s3:::data-yellow/a", new Dictionary<string, string> { ["team"] = "yellow" })));
        Assert.False(Allowed(policy, AccessRequest.ByRoleTagged("s3:GetObject", "arn:aws:s3:::data-company-wide/a", new Dictionary<string, string> { ["team"] = "yellow" })));
    }

    [Fact]
    public void What_a_variable_puts_in_and_the_special_characters_match_as_themselves()
    {
        var policy = Policy("""{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/${aws:PrincipalTag/team}-${*}/*"}""");
        var starTeam = new Dictionary<string, string> { ["team"] = "*" };

        Assert.True(Allowed(policy, AccessRequest.ByRoleTagged("s3:GetObject", "arn:aws:s3:::b/*-*/x", starTeam)));
        Assert.False(Allowed(policy, AccessRequest.ByRoleTagged("s3:GetObject", "arn:aws:s3:::b/red-*/x", starTeam)));
        Assert.False(Allowed(policy, AccessRequest.ByRoleTagged("s3:GetObject", "arn:aws:s3:::b/*-any/x", starTeam)));
    }

    [Fact]
    public void A_condition_value_may_name_another_key_and_with_no_value_only_a_negated_operator_holds()
    {
        var keep = Policy("""{"Effect": "Allow", "Action": "iam:TagRole", "Resource": "*", "Condition": {"StringEquals": {"aws:RequestTag/fargate-api:project-prefix": "${aws:ResourceTag/fargate-api:project-prefix}"}}}""");
        var differ = Policy("""{"Effect": "Allow", "Action": "iam:TagRole", "Resource": "*", "Condition": {"StringNotEquals": {"aws:RequestTag/fargate-api:project-prefix": "${aws:ResourceTag/fargate-api:project-prefix}"}}}""");

        Assert.True(Allowed(keep, Request("iam:TagRole", ("aws:RequestTag/fargate-api:project-prefix", "acme"), ("aws:ResourceTag/fargate-api:project-prefix", "acme"))));
        Assert.False(Allowed(keep, Request("iam:TagRole", ("aws:RequestTag/fargate-api:project-prefix", "globex"), ("aws:ResourceTag/fargate-api:project-prefix", "acme"))));
        Assert.False(Allowed(keep, Request("iam:TagRole", ("aws:RequestTag/fargate-api:project-prefix", "acme"))));
        Assert.True(Allowed(differ, Request("iam:TagRole", ("aws:RequestTag/fargate-api:project-prefix", "acme"))));
    }

    [Fact]
    public void A_variable_in_an_arn_condition_is_compared_component_by_component()
    {
        var policy = Policy("""{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:ecs:*:*:service/*/${aws:PrincipalTag/fargate-api:project-prefix}-*"}}}""");

        Assert.True(Allowed(policy, Request("x:Y", ("aws:SourceArn", "arn:aws:ecs:us-east-1:1:service/c/acme-api"), ("aws:PrincipalTag/fargate-api:project-prefix", "acme"))));
        Assert.False(Allowed(policy, Request("x:Y", ("aws:SourceArn", "arn:aws:ecs:us-east-1:1:service/c/globex-api"), ("aws:PrincipalTag/fargate-api:project-prefix", "acme"))));
    }

    [Theory]
    [InlineData("""{"Effect": "Allow", "Action": "s3:${aws:PrincipalTag/verb}", "Resource": "*"}""", "in Action/NotAction")]
    [InlineData("""{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:${aws:PrincipalTag/region}::b"}""", "after the fifth colon")]
    [InlineData("""{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::${aws:PrincipalTag/team"}""", "never closed")]
    [InlineData("""{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::${aws:PrincipalTag/team, yellow}"}""", "not in single quotes")]
    [InlineData("""{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"NumericEquals": {"aws:MultiFactorAuthAge": "${aws:PrincipalTag/age}"}}}""", "String and ARN operators only")]
    [InlineData("""{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:s3:::${aws:SourceIp}"}""", "does not resolve")]
    public void A_variable_where_IAM_allows_none_or_the_evaluator_cannot_resolve_is_refused(string statement, string reason)
    {
        var error = Assert.Throws<FormatException>(() => Policy(statement));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Allowed", "Allowed", "Allowed")]
    [InlineData("Allowed", "ImplicitlyDenied", "ImplicitlyDenied")]
    [InlineData("Allowed", "ExplicitlyDenied", "ExplicitlyDenied")]
    [InlineData("ImplicitlyDenied", "Allowed", "ImplicitlyDenied")]
    [InlineData("ExplicitlyDenied", "Allowed", "ExplicitlyDenied")]
    public void A_boundary_caps_what_the_role_policy_allows(string identity, string boundary, string expected)
    {
        static IamPolicy Answering(string effect) => effect switch
        {
            "Allowed" => Policy("""{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}"""),
            "ExplicitlyDenied" => Policy("""{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}""", """{"Effect": "Deny", "Action": "s3:GetObject", "Resource": "*"}"""),
            _ => Policy("""{"Effect": "Allow", "Action": "s3:PutObject", "Resource": "*"}"""),
        };

        var decision = EffectivePermissions.Evaluate(Answering(identity), Answering(boundary), new AccessRequest("s3:GetObject", "arn:aws:s3:::b/k"));

        Assert.Equal(expected, decision.Effect.ToString());
        Assert.True(EffectivePermissions.Evaluate(Answering("Allowed"), null, new AccessRequest("s3:GetObject", "arn:aws:s3:::b/k")).IsAllowed);
    }

    private static string Table(string name) => $"arn:aws:dynamodb:us-east-1:123456789012:table/{name}";

    private static IamPolicy Policy(params string[] statements) =>
        IamPolicy.Parse($$"""{"Version": "2012-10-17", "Statement": [{{string.Join(',', statements)}}]}""");

    private static bool Allowed(IamPolicy policy, AccessRequest request) => policy.Evaluate(request).IsAllowed;

    private static AccessRequest Request(string action, params (string Key, string Value)[] context) =>
        new(action, "*", context.ToDictionary(entry => entry.Key, entry => (IReadOnlyList<string>)[entry.Value], StringComparer.OrdinalIgnoreCase));
}
