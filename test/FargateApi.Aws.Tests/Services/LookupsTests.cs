using FargateApi.Aws.Http;
using FargateApi.Aws.Services;
using FargateApi.Aws.Services.ApplicationAutoScaling;
using FargateApi.Aws.Services.CloudWatchLogs;
using FargateApi.Aws.Services.Ec2;
using FargateApi.Aws.Services.Ecs;
using FargateApi.Aws.Services.ElasticLoadBalancing;
using FargateApi.Aws.Services.Iam;

namespace FargateApi.Aws.Tests.Services;

public class LookupsTests
{
    private readonly RecordingCaller _caller = new();

    [Fact]
    public async Task A_target_group_that_does_not_exist_is_found_as_null()
    {
        _caller.Fail(AwsErrorCodes.ElbTargetGroupNotFound);

        Assert.Null(await new ElasticLoadBalancingClient(_caller).FindTargetGroupByNameAsync("web-tg", CancellationToken.None));
        Assert.Equal(["Action=DescribeTargetGroups", "Version=2015-12-01", "Names.member.1=web-tg"], _caller.LastFormLines());
    }

    [Fact]
    public async Task Other_errors_are_not_swallowed_by_a_lookup()
    {
        _caller.Fail("AccessDenied", 403);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => new ElasticLoadBalancingClient(_caller).FindTargetGroupByNameAsync("web-tg", CancellationToken.None));
        Assert.Equal("AccessDenied", error.ErrorCode);
    }

    [Fact]
    public async Task A_role_that_does_not_exist_is_found_as_null()
    {
        _caller.Fail(AwsErrorCodes.IamNoSuchEntity, 404);

        Assert.Null(await new IamClient(_caller).FindRoleAsync("p-web-task", CancellationToken.None));
    }

    [Fact]
    public async Task A_log_group_is_found_by_exact_name_not_by_prefix()
    {
        _caller.Answer("""{"logGroups":[{"logGroupName":"/ecs/web-admin"}],"nextToken":"n"}""").Answer("""{"logGroups":[{"logGroupName":"/ecs/web","retentionInDays":7}]}""");

        var group = await new CloudWatchLogsClient(_caller).FindLogGroupAsync("/ecs/web", CancellationToken.None);

        Assert.Equal(7, group?.RetentionInDays);
        Assert.Equal(2, _caller.Calls.Count);
    }

    [Fact]
    public async Task A_security_group_is_found_by_vpc_and_name_filters()
    {
        _caller.Answer("""<DescribeSecurityGroupsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><securityGroupInfo><item><groupId>sg-1</groupId><groupName>p-web-sg</groupName><vpcId>vpc-1</vpcId></item></securityGroupInfo></DescribeSecurityGroupsResponse>""");

        var group = await new Ec2Client(_caller).FindSecurityGroupByNameAsync("vpc-1", "p-web-sg", CancellationToken.None);

        Assert.Equal("sg-1", group?.GroupId);
        Assert.Equal(["Action=DescribeSecurityGroups", "Version=2016-11-15", "Filter.1.Name=vpc-id", "Filter.1.Value.1=vpc-1", "Filter.2.Name=group-name", "Filter.2.Value.1=p-web-sg"], _caller.LastFormLines());
    }

    [Fact]
    public async Task Security_groups_by_tag_are_collected_across_pages()
    {
        _caller.Answer("""<DescribeSecurityGroupsResponse><securityGroupInfo><item><groupId>sg-1</groupId></item></securityGroupInfo><nextToken>t</nextToken></DescribeSecurityGroupsResponse>""")
            .Answer("""<DescribeSecurityGroupsResponse><securityGroupInfo><item><groupId>sg-2</groupId></item></securityGroupInfo></DescribeSecurityGroupsResponse>""");

        var groups = await new Ec2Client(_caller).FindSecurityGroupsByTagAsync("fargate-api:resource", "stack/Web", CancellationToken.None);

        Assert.Equal(["sg-1", "sg-2"], groups.Select(g => g.GroupId));
    }

    [Theory]
    [InlineData("INACTIVE", false)]
    [InlineData("DRAINING", true)]
    [InlineData("ACTIVE", true)]
    public async Task A_service_is_found_unless_it_is_inactive(string status, bool found)
    {
        _caller.Answer($$"""{"services":[{"serviceName":"web","status":"{{status}}"}],"failures":[]}""");

        var service = await new EcsClient(_caller).FindServiceAsync("c", "web", CancellationToken.None);

        Assert.Equal(found, service is not null);
    }

    [Fact]
    public async Task A_missing_service_is_found_as_null()
    {
        _caller.Answer("""{"services":[],"failures":[{"arn":"arn:aws:ecs:eu-west-1:1:service/c/web","reason":"MISSING"}]}""");

        Assert.Null(await new EcsClient(_caller).FindServiceAsync("c", "web", CancellationToken.None));
    }

    [Fact]
    public async Task A_scalable_target_is_found_by_resource_id()
    {
        _caller.Answer("""{"ScalableTargets":[]}""");

        Assert.Null(await new ApplicationAutoScalingClient(_caller).FindScalableTargetAsync("service/c/web", CancellationToken.None));
        Assert.Equal("""{"ServiceNamespace":"ecs","ResourceIds":["service/c/web"],"ScalableDimension":"ecs:service:DesiredCount"}""", _caller.LastJson());
    }
}
