using static FargateApi.Aws.Tests.Conformance.HandMadeRequests;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>The oracle itself must catch each kind of mistake a json-protocol client can make (ECS, CloudWatch Logs).</summary>
public class JsonRequestValidatorTests
{
    private static readonly ServiceModel EcsModel = ServiceModel.Load("ecs");

    private const string GoodCreateService = """
        {"cluster":"default","serviceName":"web","taskDefinition":"web:3","desiredCount":2,"launchType":"FARGATE",
         "networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-0a1b2c3d"],"securityGroups":["sg-0a1b2c3d"],"assignPublicIp":"DISABLED"}},
         "loadBalancers":[{"targetGroupArn":"arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef","containerName":"web","containerPort":8080}],
         "tags":[{"key":"fargate-api:stack","value":"demo"}],"enableExecuteCommand":false,"healthCheckGracePeriodSeconds":60}
        """;

    [Fact]
    public void Well_formed_create_service_has_no_violations()
    {
        Assert.Empty(RequestValidator.Validate(EcsModel, "CreateService", Ecs("CreateService", GoodCreateService)));
    }

    [Fact]
    public void Unknown_member_is_reported_with_its_path()
    {
        var violations = RequestValidator.Validate(EcsModel, "CreateService", Ecs("CreateService", """{"serviceName":"web","networkConfiguration":{"awsvpcConfiguration":{"subnets":["s"],"publicIp":"ENABLED"}}}"""));

        var violation = Assert.Single(violations);
        Assert.Equal(Rule.UnknownMember, violation.Rule);
        Assert.Equal("CreateService.networkConfiguration.awsvpcConfiguration.publicIp", violation.Path);
    }

    [Fact]
    public void Member_name_with_wrong_case_is_unknown()
    {
        var violations = RequestValidator.Validate(EcsModel, "CreateService", Ecs("CreateService", """{"ServiceName":"web","serviceName":"web"}"""));

        Assert.Equal(Rule.UnknownMember, Assert.Single(violations).Rule);
    }

    [Fact]
    public void Missing_required_member_is_reported_at_top_level_and_nested()
    {
        Assert.Contains(RequestValidator.Validate(EcsModel, "DeleteService", Ecs("DeleteService", """{"cluster":"default"}""")),
            v => v.Rule == Rule.MissingRequired && v.Path == "DeleteService.service");

        var nested = RequestValidator.Validate(EcsModel, "CreateService", Ecs("CreateService", """{"serviceName":"web","networkConfiguration":{"awsvpcConfiguration":{"securityGroups":["sg-1"]}}}"""));
        Assert.Equal("CreateService.networkConfiguration.awsvpcConfiguration.subnets", Assert.Single(nested).Path);
    }

    [Fact]
    public void Enum_value_outside_the_model_lists_the_allowed_values()
    {
        var violation = Assert.Single(RequestValidator.Validate(EcsModel, "CreateService", Ecs("CreateService", """{"serviceName":"web","launchType":"Fargate"}""")));

        Assert.Equal(Rule.Enum, violation.Rule);
        Assert.Contains("FARGATE", violation.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"serviceName":"web","desiredCount":"2"}""", "CreateService.desiredCount")]
    [InlineData("""{"serviceName":"web","desiredCount":2.5}""", "CreateService.desiredCount")]
    [InlineData("""{"serviceName":"web","enableExecuteCommand":"false"}""", "CreateService.enableExecuteCommand")]
    [InlineData("""{"serviceName":42}""", "CreateService.serviceName")]
    [InlineData("""{"serviceName":"web","tags":{"key":"a"}}""", "CreateService.tags")]
    [InlineData("""{"serviceName":"web","networkConfiguration":"awsvpc"}""", "CreateService.networkConfiguration")]
    [InlineData("""{"serviceName":"web","launchType":null}""", "CreateService.launchType")]
    public void Scalar_and_container_kinds_must_match_the_shape_type(string body, string path)
    {
        var violation = Assert.Single(RequestValidator.Validate(EcsModel, "CreateService", Ecs("CreateService", body)));

        Assert.Equal(Rule.Kind, violation.Rule);
        Assert.Equal(path, violation.Path);
    }

    [Fact]
    public void Timestamps_are_epoch_second_numbers_in_json_protocols()
    {
        var bad = RequestValidator.Validate(EcsModel, "ListServiceDeployments", Ecs("ListServiceDeployments", """{"service":"web","createdAt":{"after":"2026-01-01T00:00:00Z"}}"""));
        var good = RequestValidator.Validate(EcsModel, "ListServiceDeployments", Ecs("ListServiceDeployments", """{"service":"web","createdAt":{"after":1767225600}}"""));

        Assert.Equal(Rule.Kind, Assert.Single(bad).Rule);
        Assert.Empty(good);
    }

    [Fact]
    public void String_length_limits_of_the_model_apply()
    {
        var longKey = new string('k', 129);
        var tooLong = RequestValidator.Validate(EcsModel, "TagResource", Ecs("TagResource", $$"""{"resourceArn":"arn:aws:ecs:us-east-1:123456789012:service/default/web","tags":[{"key":"{{longKey}}","value":"v"}]}"""));
        var empty = RequestValidator.Validate(EcsModel, "TagResource", Ecs("TagResource", """{"resourceArn":"arn:aws:ecs:us-east-1:123456789012:service/default/web","tags":[{"key":"","value":"v"}]}"""));

        Assert.Equal((Rule.MaxLength, "TagResource.tags[0].key"), (Assert.Single(tooLong).Rule, Assert.Single(tooLong).Path));
        Assert.Equal(Rule.MinLength, Assert.Single(empty).Rule);
    }

    [Fact]
    public void Numeric_range_limits_of_the_model_apply()
    {
        var logs = ServiceModel.Load("logs");
        var request = Json("Logs_20140328", "DescribeLogGroups", """{"logGroupNamePrefix":"/ecs/web","limit":51}""");

        var violation = Assert.Single(RequestValidator.Validate(logs, "DescribeLogGroups", request));

        Assert.Equal((Rule.MaxValue, "DescribeLogGroups.limit"), (violation.Rule, violation.Path));
    }

    [Fact]
    public void Wrong_target_is_reported()
    {
        var request = Json("AmazonEC2ContainerServiceV20141113", "CreateService", GoodCreateService, target: "AmazonECS.CreateService");

        Assert.Equal(Rule.Target, Assert.Single(RequestValidator.Validate(EcsModel, "CreateService", request)).Rule);
    }

    [Fact]
    public void Target_of_another_operation_is_reported()
    {
        var request = Json("AmazonEC2ContainerServiceV20141113", "CreateService", GoodCreateService, target: "AmazonEC2ContainerServiceV20141113.UpdateService");

        Assert.Equal(Rule.Target, Assert.Single(RequestValidator.Validate(EcsModel, "CreateService", request)).Rule);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/x-amz-json-1.0")]
    public void Wrong_content_type_is_reported(string contentType)
    {
        var request = Json("AmazonEC2ContainerServiceV20141113", "CreateService", GoodCreateService, contentType);

        Assert.Equal(Rule.ContentType, Assert.Single(RequestValidator.Validate(EcsModel, "CreateService", request)).Rule);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"serviceName\":")]
    public void Body_must_be_a_json_object(string body)
    {
        Assert.Contains(RequestValidator.Validate(EcsModel, "ListServices", Ecs("ListServices", body)), v => v.Rule == Rule.Body);
    }

    [Fact]
    public void Operation_missing_from_the_model_is_reported()
    {
        Assert.Equal(Rule.Action, Assert.Single(RequestValidator.Validate(EcsModel, "CreateServices", Ecs("CreateServices", "{}"))).Rule);
    }
}
