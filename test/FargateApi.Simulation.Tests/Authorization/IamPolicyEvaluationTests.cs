using FargateApi.Simulation.Authorization;

namespace FargateApi.Simulation.Tests.Authorization;

/// <summary>The evaluator against the rules of the IAM User Guide ("Policy evaluation logic", "Condition operators").</summary>
public sealed class IamPolicyEvaluationTests
{
    private const string Group = "arn:aws:ec2:us-east-1:123456789012:security-group/sg-1";

    [Fact]
    public void Action_wildcards_ignore_case_and_resource_wildcards_span_slashes_but_respect_case()
    {
        var policy = Policy("""{"Effect": "Allow", "Action": "ECS:Describe*", "Resource": "arn:aws:ecs:*:*:service/*/myproj-*"}""");

        Assert.True(Allowed(policy, new("ecs:DescribeServices", "arn:aws:ecs:us-east-1:1:service/cluster/myproj-api-service")));
        Assert.False(Allowed(policy, new("ecs:UpdateService", "arn:aws:ecs:us-east-1:1:service/cluster/myproj-api-service")));
        Assert.False(Allowed(policy, new("ecs:DescribeServices", "arn:aws:ecs:us-east-1:1:service/cluster/MYPROJ-api-service")));
        Assert.True(Allowed(policy, new("ecs:DescribeServices", "arn:aws:ecs:us-east-1:1:service/a/b/myproj-x")));
    }

    [Fact]
    public void Question_mark_matches_exactly_one_character()
    {
        var policy = Policy("""{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": "arn:aws:secretsmanager:*:*:secret:db-??????"}""");

        Assert.True(Allowed(policy, new("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:us-east-1:1:secret:db-AbC123")));
        Assert.False(Allowed(policy, new("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:us-east-1:1:secret:db-AbC12")));
    }

    [Fact]
    public void An_explicit_deny_wins_and_no_allow_is_an_implicit_deny()
    {
        var policy = Policy(
            """{"Sid": "All", "Effect": "Allow", "Action": "ec2:*", "Resource": "*"}""",
            """{"Sid": "NoDelete", "Effect": "Deny", "Action": "ec2:DeleteSecurityGroup", "Resource": "*"}""");

        var denied = policy.Evaluate(new("ec2:DeleteSecurityGroup", Group));
        Assert.Equal(AccessEffect.ExplicitlyDenied, denied.Effect);
        Assert.Equal("NoDelete", denied.DecidedBy?.Sid);
        Assert.Equal(AccessEffect.Allowed, policy.Evaluate(new("ec2:CreateTags", Group)).Effect);
        Assert.Equal(AccessEffect.ImplicitlyDenied, policy.Evaluate(new("iam:PassRole", "*")).Effect);
    }

    [Fact]
    public void NotAction_and_NotResource_match_everything_else()
    {
        var policy = Policy("""{"Effect": "Allow", "NotAction": "iam:*", "NotResource": "arn:aws:s3:::secret/*"}""");

        Assert.True(Allowed(policy, new("s3:GetObject", "arn:aws:s3:::public/a")));
        Assert.False(Allowed(policy, new("s3:GetObject", "arn:aws:s3:::secret/a")));
        Assert.False(Allowed(policy, new("iam:GetRole", "arn:aws:s3:::public/a")));
    }

    [Fact]
    public void StringEquals_on_a_request_tag_needs_the_key_with_that_value()
    {
        var policy = Policy("""{"Effect": "Allow", "Action": "ec2:CreateSecurityGroup", "Resource": "*", "Condition": {"StringEquals": {"aws:RequestTag/fargate-api:managed-by": "fargate-api"}}}""");

        Assert.True(Allowed(policy, Request("ec2:CreateSecurityGroup", ("aws:RequestTag/fargate-api:managed-by", ["fargate-api"]))));
        Assert.False(Allowed(policy, Request("ec2:CreateSecurityGroup", ("aws:RequestTag/fargate-api:managed-by", ["someone"]))));
        Assert.False(Allowed(policy, Request("ec2:CreateSecurityGroup")));

        // Condition keys are case-insensitive; values are not (StringEquals).
        Assert.True(Allowed(policy, Request("ec2:CreateSecurityGroup", ("AWS:RequestTag/fargate-api:managed-by", ["fargate-api"]))));
        Assert.False(Allowed(policy, Request("ec2:CreateSecurityGroup", ("aws:RequestTag/fargate-api:managed-by", ["Fargate-API"]))));
    }

    [Fact]
    public void A_missing_key_fails_a_positive_operator_and_satisfies_a_negated_one_or_IfExists()
    {
        var negated = Policy("""{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringNotEquals": {"aws:ResourceTag/owner": "other"}}}""");
        var ifExists = Policy("""{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEqualsIfExists": {"aws:ResourceTag/owner": "me"}}}""");

        Assert.True(Allowed(negated, Request("x:Y")));
        Assert.False(Allowed(negated, Request("x:Y", ("aws:ResourceTag/owner", ["other"]))));
        Assert.True(Allowed(ifExists, Request("x:Y")));
        Assert.True(Allowed(ifExists, Request("x:Y", ("aws:ResourceTag/owner", ["me"]))));
        Assert.False(Allowed(ifExists, Request("x:Y", ("aws:ResourceTag/owner", ["you"]))));
    }

    [Fact]
    public void Set_qualifiers_follow_the_multivalued_key_rules()
    {
        var onlyOurs = Policy("""{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"ForAllValues:StringLike": {"aws:TagKeys": ["fargate-api:*", "team"]}}}""");
        var anyOurs = Policy("""{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"ForAnyValue:StringEquals": {"aws:TagKeys": "team"}}}""");

        Assert.True(Allowed(onlyOurs, Request("x:Y", ("aws:TagKeys", ["fargate-api:stack-id", "team"]))));
        Assert.False(Allowed(onlyOurs, Request("x:Y", ("aws:TagKeys", ["team", "cost-center"]))));
        Assert.True(Allowed(onlyOurs, Request("x:Y")));
        Assert.True(Allowed(anyOurs, Request("x:Y", ("aws:TagKeys", ["cost-center", "team"]))));
        Assert.False(Allowed(anyOurs, Request("x:Y")));
    }

    [Fact]
    public void Null_tests_whether_the_key_is_absent()
    {
        var untagged = Policy("""{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"Null": {"aws:ResourceTag/fargate-api:managed-by": "true"}}}""");

        Assert.True(Allowed(untagged, Request("iam:TagRole")));
        Assert.False(Allowed(untagged, Request("iam:TagRole", ("aws:ResourceTag/fargate-api:managed-by", ["fargate-api"]))));
    }

    [Fact]
    public void ArnLike_matches_each_of_the_six_components_on_its_own()
    {
        var policy = Policy("""{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:ecs:*:123456789012:*"}}}""");

        Assert.True(Allowed(policy, Request("x:Y", ("aws:SourceArn", ["arn:aws:ecs:us-east-1:123456789012:task/c/1"]))));
        Assert.False(Allowed(policy, Request("x:Y", ("aws:SourceArn", ["arn:aws:ecs:us-east-1:999999999999:task/c/1"]))));
    }

    [Fact]
    public void Several_values_are_ORed_and_several_keys_ANDed()
    {
        var policy = Policy("""
            {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"StringEquals": {
              "application-autoscaling:service-namespace": ["ecs", "dynamodb"],
              "application-autoscaling:scalable-dimension": "ecs:service:DesiredCount"}}}
            """);

        Assert.True(Allowed(policy, Request("x:Y", ("application-autoscaling:service-namespace", ["ecs"]), ("application-autoscaling:scalable-dimension", ["ecs:service:DesiredCount"]))));
        Assert.False(Allowed(policy, Request("x:Y", ("application-autoscaling:service-namespace", ["ecs"]))));
    }

    [Theory]
    [InlineData("""{"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"DateGreaterThan": {"aws:CurrentTime": "2020-01-01T00:00:00Z"}}}""", "DateGreaterThan")]
    [InlineData("""{"Effect": "Allow", "Action": "*", "Resource": "arn:aws:iam::*:user/${aws:username}"}""", "policy variable")]
    [InlineData("""{"Effect": "Allow", "Resource": "*"}""", "Action/NotAction")]
    [InlineData("""{"Effect": "Maybe", "Action": "*", "Resource": "*"}""", "Effect must be Allow or Deny")]
    [InlineData("""{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}""", "Principal")]
    public void A_policy_the_evaluator_cannot_honour_is_refused_with_the_reason(string statement, string reason)
    {
        var error = Assert.Throws<FormatException>(() => Policy(statement));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    private static IamPolicy Policy(params string[] statements) =>
        IamPolicy.Parse($$"""{"Version": "2012-10-17", "Statement": [{{string.Join(',', statements)}}]}""");

    private static bool Allowed(IamPolicy policy, AccessRequest request) => policy.Evaluate(request).IsAllowed;

    private static AccessRequest Request(string action, params (string Key, string[] Values)[] context) =>
        new(action, "*", context.ToDictionary(entry => entry.Key, entry => (IReadOnlyList<string>)entry.Values, StringComparer.OrdinalIgnoreCase));
}
