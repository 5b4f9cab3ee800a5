using static FargateApi.Aws.Tests.Conformance.HandMadeRequests;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>
/// EC2's serialization differs from query (botocore EC2Serializer): keys are queryName or the capitalized locationName,
/// and lists are always <c>Name.N</c>. The oracle must hold clients to those rules, not the query ones.
/// </summary>
public class Ec2RequestValidatorTests
{
    private static readonly ServiceModel Ec2Model = ServiceModel.Load("ec2");

    private static IReadOnlyList<Violation> Validate(string operation, params (string, string)[] members) =>
        RequestValidator.Validate(Ec2Model, operation, Ec2(operation, members));

    [Fact]
    public void Well_formed_create_security_group_uses_located_names_and_flat_lists()
    {
        var violations = Validate("CreateSecurityGroup",
            ("GroupName", "web-sg"), ("GroupDescription", "web service"), ("VpcId", "vpc-0a1b2c3d"),
            ("TagSpecification.1.ResourceType", "security-group"),
            ("TagSpecification.1.Tag.1.Key", "fargate-api:stack"), ("TagSpecification.1.Tag.1.Value", "demo"));

        Assert.Empty(violations);
    }

    [Fact]
    public void Well_formed_ingress_rule_capitalizes_lower_camel_location_names()
    {
        var violations = Validate("AuthorizeSecurityGroupIngress",
            ("GroupId", "sg-0a1b2c3d"),
            ("IpPermissions.1.IpProtocol", "tcp"), ("IpPermissions.1.FromPort", "8080"), ("IpPermissions.1.ToPort", "8080"),
            ("IpPermissions.1.Groups.1.GroupId", "sg-0fedcba9"), ("IpPermissions.1.Groups.1.Description", "from the load balancer"),
            ("IpPermissions.1.IpRanges.1.CidrIp", "10.0.0.0/16"));

        Assert.Empty(violations);
    }

    [Fact]
    public void Filters_use_the_singular_location_names()
    {
        Assert.Empty(Validate("DescribeSecurityGroups", ("Filter.1.Name", "group-name"), ("Filter.1.Value.1", "web-sg"), ("GroupId.1", "sg-1")));
    }

    [Theory]
    [InlineData("Filters.1.Name")]
    [InlineData("Filter.1.Values.1")]
    [InlineData("GroupIds.1")]
    [InlineData("dryRun")]
    public void Member_names_instead_of_location_names_are_unknown(string key)
    {
        Assert.Contains(Validate("DescribeSecurityGroups", (key, "true")), v => v.Rule == Rule.UnknownMember);
    }

    [Theory]
    [InlineData("Filter.member.1.Name")]
    [InlineData("Filter.1.Value.item.1")]
    public void Query_style_list_wrappers_are_rejected(string key)
    {
        Assert.NotEmpty(Validate("DescribeSecurityGroups", (key, "x")));
    }

    [Fact]
    public void Missing_required_member_is_reported()
    {
        var violation = Assert.Single(Validate("CreateSecurityGroup", ("GroupName", "web-sg")));

        Assert.Equal((Rule.MissingRequired, "CreateSecurityGroup.Description"), (violation.Rule, violation.Path));
    }

    [Fact]
    public void Enum_value_outside_the_model_is_reported()
    {
        var violations = Validate("CreateSecurityGroup", ("GroupName", "web-sg"), ("GroupDescription", "d"), ("TagSpecification.1.ResourceType", "securitygroup"));

        Assert.Equal(Rule.Enum, Assert.Single(violations).Rule);
    }

    [Fact]
    public void Empty_list_marker_of_the_query_protocol_is_not_ec2()
    {
        Assert.NotEmpty(Validate("DescribeSecurityGroups", ("GroupId", "")));
    }
}
