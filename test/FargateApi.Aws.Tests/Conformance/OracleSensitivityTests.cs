using System.Text;
using FargateApi.Aws.Http;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>
/// The client conformance theory passes only if the oracle would have failed on a broken client: these tests take real
/// client requests, break them the way a serializer bug would, and require a violation; and break parsed results the way
/// a parser bug would, and require an empty path.
/// </summary>
public class OracleSensitivityTests
{
    private static async Task<(ServiceModel Model, ConformanceCase Sample, AwsRequest Request)> CaptureAsync(string id)
    {
        var sample = SampleRequests.ById(id);
        var caller = new ModelAnsweringCaller();
        await sample.Call(caller, CancellationToken.None);
        return (ServiceModel.Load(sample.Model), sample, caller.Sent[0].Request);
    }

    private static AwsRequest WithBody(AwsRequest request, Func<string, string> edit)
    {
        var body = Encoding.UTF8.GetString(request.Body);
        var edited = edit(body);
        Assert.NotEqual(body, edited);
        return request with { Body = Encoding.UTF8.GetBytes(edited) };
    }

    [Theory]
    [InlineData("ecs:CreateService:CreateServiceAsync", "\"serviceName\"", "\"ServiceName\"", Rule.UnknownMember)]
    [InlineData("ecs:CreateService:CreateServiceAsync", "\"FARGATE\"", "\"Fargate\"", Rule.Enum)]
    [InlineData("ecs:CreateService:CreateServiceAsync", "\"desiredCount\":2", "\"desiredCount\":\"2\"", Rule.Kind)]
    [InlineData("application-autoscaling:PutScalingPolicy:PutScalingPolicyAsync", "\"TargetValue\"", "\"targetValue\"", Rule.UnknownMember)]
    [InlineData("logs:CreateLogGroup:CreateLogGroupAsync", "\"logGroupName\"", "\"LogGroupName\"", Rule.MissingRequired)]
    [InlineData("ssm:GetParameters:GetParametersAsync", "\"Names\"", "\"names\"", Rule.MissingRequired)]
    [InlineData("elbv2:CreateTargetGroup:CreateTargetGroupAsync", "Tags.member.1.", "Tags.1.", Rule.UnknownMember)]
    [InlineData("elbv2:CreateRule:CreateRuleAsync", "Priority=120", "Priority=0", Rule.MinValue)]
    [InlineData("elbv2:CreateRule:CreateRuleAsync", "Actions.member.1.Type=forward", "Actions.member.1.Type=Forward", Rule.Enum)]
    [InlineData("iam:CreateRole:CreateRoleAsync", "RoleName=", "Rolename=", Rule.UnknownMember)]
    [InlineData("ec2:CreateSecurityGroup:CreateSecurityGroupAsync", "TagSpecification.1.", "TagSpecifications.1.", Rule.UnknownMember)]
    [InlineData("ec2:CreateSecurityGroup:CreateSecurityGroupAsync", "GroupDescription=", "Description=", Rule.UnknownMember)]
    [InlineData("ec2:AuthorizeSecurityGroupIngress:AuthorizeSecurityGroupIngressAsync", "IpPermissions.1.Groups.1.", "IpPermissions.1.UserIdGroupPairs.1.", Rule.UnknownMember)]
    [InlineData("ec2:DescribeSecurityGroups:DescribeSecurityGroupsAsync:Filters", "Filter.1.Value.1", "Filter.1.Values.member.1", Rule.UnknownMember)]
    public async Task Body_broken_like_a_serializer_bug_is_caught(string id, string find, string replace, string rule)
    {
        var (model, sample, request) = await CaptureAsync(id);
        Assert.Empty(RequestValidator.Validate(model, sample.Operation, request));

        var broken = WithBody(request, body => body.Replace(find, replace, StringComparison.Ordinal));

        Assert.Contains(RequestValidator.Validate(model, sample.Operation, broken), v => v.Rule == rule);
    }

    [Theory]
    [InlineData("ecs:ListTasks:ListTasksAsync")]
    [InlineData("elbv2:DeleteRule:DeleteRuleAsync")]
    [InlineData("ec2:DescribeVpcs:DescribeVpcsAsync")]
    public async Task Request_sent_as_another_operation_is_caught(string id)
    {
        var (model, sample, request) = await CaptureAsync(id);
        var other = model.OperationNames.First(name => name != sample.Operation && name.StartsWith("Describe", StringComparison.Ordinal));

        Assert.NotEmpty(RequestValidator.Validate(model, other, request with { Operation = other }));
    }

    [Fact]
    public async Task Lambda_invoke_with_a_wrong_invocation_type_is_caught()
    {
        var (model, sample, request) = await CaptureAsync("lambda:Invoke:InvokeEventAsync");
        var headers = new Dictionary<string, string>(request.Headers, StringComparer.OrdinalIgnoreCase) { ["X-Amz-Invocation-Type"] = "event" };

        Assert.Contains(RequestValidator.Validate(model, sample.Operation, request with { Headers = headers }), v => v.Rule == Rule.Enum);
    }

    private sealed record Parsed(string? Arn, int Count, bool Flag, IReadOnlyList<string> Items, Nested? Child);

    private sealed record Nested(string? Name, IReadOnlyDictionary<string, string> Tags);

    [Fact]
    public void Result_fields_a_parser_missed_are_listed_by_path()
    {
        var parsed = new Parsed(null, 0, false, [], new Nested("n", new Dictionary<string, string>()));

        Assert.Equal(["result.Arn", "result.Count", "result.Flag", "result.Items", "result.Child.Tags"], Population.EmptyPaths(parsed));
    }

    [Fact]
    public void Fully_parsed_result_has_no_empty_paths()
    {
        var parsed = new Parsed("arn", 2, true, ["a", "b"], new Nested("n", new Dictionary<string, string> { ["k"] = "v" }));

        Assert.Empty(Population.EmptyPaths(parsed));
    }
}
