using FargateApi.Naming;

namespace FargateApi.Tests.Naming;

/// <summary>Each rule as its API model words it (shared/aws-models), and every derived name checked against one.</summary>
public sealed class AwsNameRulesTests
{
    [Theory]
    [InlineData("sg-api-ecs-sg", "security group name 'sg-api-ecs-sg' starts with 'sg-', which EC2 refuses")]
    [InlineData("SG-api", "security group name 'SG-api' starts with 'sg-', which EC2 refuses")]
    [InlineData("api|sg", "security group name 'api|sg' has the character '|'; EC2 allows only letters, digits, spaces and ._-:/()#,@[]+=&;{}!$*")]
    public void Security_group_names_follow_ec2s_rules(string name, string message) =>
        Assert.Equal([message], AwsNameRules.SecurityGroup.Check(name).Select(violation => violation.Message));

    [Theory]
    [InlineData("-api-tg", nameof(NameViolationKind.EdgeHyphen))]
    [InlineData("api-tg-", nameof(NameViolationKind.EdgeHyphen))]
    [InlineData("api_tg", nameof(NameViolationKind.Character))]
    [InlineData("abcdefghijklmnopqrstuvwxyz-tg-g10", nameof(NameViolationKind.TooLong))]
    public void Target_group_names_follow_elbs_rules(string name, string kind) =>
        Assert.Equal([kind], AwsNameRules.TargetGroup.Check(name).Select(violation => violation.Kind.ToString()));

    [Fact]
    public void Names_aws_accepts_break_no_rule()
    {
        Assert.Empty(AwsNameRules.SecurityGroup.Check("sgx-api-ecs-sg"));
        Assert.Empty(AwsNameRules.SecurityGroupDescription.Check("Security group for app-api ECS tasks"));
        Assert.Empty(AwsNameRules.TargetGroup.Check(new string('a', 32)));
        Assert.Empty(AwsNameRules.Role.Check("a_b+c=d,e.f@g-h"));
        Assert.Empty(AwsNameRules.LogGroup.Check("/ecs/my.proj/app_api#1"));
        Assert.Empty(AwsNameRules.ScalingPolicy.Check("app api: cpu (70%)"));
        Assert.Equal([NameViolationKind.Character], AwsNameRules.Service.Check("app.api").Select(violation => violation.Kind));
        Assert.Equal([NameViolationKind.Character], AwsNameRules.LogStreamPrefix.Check("app:api").Select(violation => violation.Kind));
    }

    /// <summary>A name added to ResourceNames without a rule here would reach AWS unchecked.</summary>
    [Fact]
    public void Every_name_resource_names_derives_is_checked_against_a_rule()
    {
        var names = new ResourceNames("myproj", "app-api", 3);
        var derived = typeof(ResourceNames).GetProperties()
            .Where(property => property.PropertyType == typeof(string) && property.Name is not (nameof(ResourceNames.ProjectPrefix) or nameof(ResourceNames.ServiceName)))
            .Select(property => (string)property.GetValue(names)!)
            .Concat(ResourceNames.ScalingPolicySuffixes.Select(names.ScalingPolicy));

        var checkedNames = AwsNameRules.Of(names).Select(entry => entry.Name).ToHashSet(StringComparer.Ordinal);

        Assert.All(derived, name => Assert.Contains(name, checkedNames));
    }
}
