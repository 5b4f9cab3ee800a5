using System.Text.Json;
using System.Xml.Linq;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>The generated responses have the wire shape botocore's parsers expect, fully populated, for every protocol we call.</summary>
public class SampleResponseTests
{
    private static readonly XNamespace Elb = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
    private static readonly XNamespace Ec2 = SampleXml.Ec2Namespace;

    [Fact]
    public void Json_response_has_every_member_lists_of_two_first_enum_and_epoch_timestamps()
    {
        var response = SampleResponses.For(ServiceModel.Load("ecs"), "DescribeServices");
        using var json = JsonDocument.Parse(response.Body);

        var services = json.RootElement.GetProperty("services");
        Assert.Equal(SampleValues.ListItems, services.GetArrayLength());
        var service = services[0];
        Assert.StartsWith("arn:aws:", service.GetProperty("serviceArn").GetString(), StringComparison.Ordinal);
        Assert.Equal("EC2", service.GetProperty("launchType").GetString());
        Assert.Equal(SampleValues.EpochSeconds, service.GetProperty("createdAt").GetInt64());
        Assert.Equal(2, service.GetProperty("desiredCount").GetInt32());
        Assert.Equal("sample-subnet-0", service.GetProperty("networkConfiguration").GetProperty("awsvpcConfiguration").GetProperty("subnets")[0].GetString());
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("failures").ValueKind);
        Assert.Equal("application/x-amz-json-1.1", response.Headers["Content-Type"]);
    }

    [Fact]
    public void Json_maps_have_one_entry()
    {
        using var json = JsonDocument.Parse(SampleResponses.For(ServiceModel.Load("ecs"), "DescribeTaskDefinition").Body);

        var options = json.RootElement.GetProperty("taskDefinition").GetProperty("containerDefinitions")[0]
            .GetProperty("logConfiguration").GetProperty("options");

        Assert.Single(options.EnumerateObject());
    }

    [Fact]
    public void Query_response_wraps_the_result_and_carries_the_request_id()
    {
        var response = SampleResponses.For(ServiceModel.Load("elbv2"), "CreateTargetGroup");
        var root = XDocument.Parse(SampleResponses.Utf8(response.Body)).Root!;

        Assert.Equal(Elb + "CreateTargetGroupResponse", root.Name);
        var groups = root.Element(Elb + "CreateTargetGroupResult")!.Element(Elb + "TargetGroups")!.Elements(Elb + "member").ToArray();
        Assert.Equal(SampleValues.ListItems, groups.Length);
        Assert.StartsWith("arn:aws:", groups[0].Element(Elb + "TargetGroupArn")!.Value, StringComparison.Ordinal);
        Assert.Equal("2", groups[0].Element(Elb + "Port")!.Value);
        Assert.Equal(SampleValues.RequestId, root.Element(Elb + "ResponseMetadata")!.Element(Elb + "RequestId")!.Value);
    }

    [Fact]
    public void Query_timestamps_are_iso8601_and_nested_lists_use_member()
    {
        XNamespace iam = "https://iam.amazonaws.com/doc/2010-05-08/";
        var root = XDocument.Parse(SampleResponses.Utf8(SampleResponses.For(ServiceModel.Load("iam"), "GetRole").Body)).Root!;

        var role = root.Element(iam + "GetRoleResult")!.Element(iam + "Role")!;
        Assert.Equal("2026-01-01T00:00:00Z", role.Element(iam + "CreateDate")!.Value);
        Assert.Equal(SampleValues.ListItems, role.Element(iam + "Tags")!.Elements(iam + "member").Count());
    }

    [Fact]
    public void Operation_without_output_has_only_response_metadata()
    {
        var root = XDocument.Parse(SampleResponses.Utf8(SampleResponses.For(ServiceModel.Load("iam"), "DeleteRole").Body)).Root!;

        Assert.Equal(["ResponseMetadata"], root.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public void Ec2_response_has_no_result_wrapper_lower_camel_names_and_item_entries()
    {
        var root = XDocument.Parse(SampleResponses.Utf8(SampleResponses.For(ServiceModel.Load("ec2"), "DescribeSecurityGroups").Body)).Root!;

        Assert.Equal(Ec2 + "DescribeSecurityGroupsResponse", root.Name);
        Assert.Equal(SampleValues.RequestId, root.Element(Ec2 + "requestId")!.Value);
        var groups = root.Element(Ec2 + "securityGroupInfo")!.Elements(Ec2 + "item").ToArray();
        Assert.Equal(SampleValues.ListItems, groups.Length);
        Assert.NotEmpty(groups[0].Element(Ec2 + "groupId")!.Value);
        var permission = groups[0].Element(Ec2 + "ipPermissions")!.Elements(Ec2 + "item").First();
        Assert.Equal(2, permission.Element(Ec2 + "groups")!.Elements(Ec2 + "item").Count());
    }

    [Fact]
    public void Rest_json_response_puts_header_members_in_headers_and_the_payload_in_the_body()
    {
        var response = SampleResponses.For(ServiceModel.Load("lambda"), "Invoke");

        Assert.Equal(200, response.StatusCode);
        Assert.True(response.Headers.ContainsKey("X-Amz-Executed-Version"));
        using var payload = JsonDocument.Parse(response.Body);
        Assert.Equal(JsonValueKind.Object, payload.RootElement.ValueKind);
    }

    [Fact]
    public void Every_operation_of_every_model_generates_a_parseable_response()
    {
        var generated = 0;
        foreach (var service in CataloguedModels.Names)
        {
            var model = ServiceModel.Load(service);
            foreach (var operation in model.OperationNames)
            {
                var response = SampleResponses.For(model, operation);
                if (model.Protocol is "query" or "ec2")
                {
                    Assert.NotNull(XDocument.Parse(SampleResponses.Utf8(response.Body)).Root);
                }
                else if (response.Body.Length > 0 && response.Headers["Content-Type"] != "application/octet-stream")
                {
                    using var _ = JsonDocument.Parse(response.Body);
                }

                generated++;
            }
        }

        Assert.True(generated > 300, $"only {generated} operations generated");
    }

    [Fact]
    public void Sample_strings_respect_the_model_length_limits()
    {
        using var json = JsonDocument.Parse(SampleResponses.For(ServiceModel.Load("application-autoscaling"), "DescribeScalableTargets").Body);

        var target = json.RootElement.GetProperty("ScalableTargets")[0];
        Assert.Equal("ecs", target.GetProperty("ServiceNamespace").GetString());
        Assert.InRange(target.GetProperty("ResourceId").GetString()!.Length, 1, 1600);
    }
}
