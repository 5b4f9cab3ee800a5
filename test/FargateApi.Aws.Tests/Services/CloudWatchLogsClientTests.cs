using FargateApi.Aws.Services.CloudWatchLogs;

namespace FargateApi.Aws.Tests.Services;

public class CloudWatchLogsClientTests
{
    private readonly RecordingCaller _caller = new();
    private readonly CloudWatchLogsClient _client;

    public CloudWatchLogsClientTests() => _client = new CloudWatchLogsClient(_caller);

    [Fact]
    public async Task Create_log_group_sends_camel_case_name_and_tag_map()
    {
        await _client.CreateLogGroupAsync("/ecs/p/web", new Dictionary<string, string> { ["k"] = "v" }, CancellationToken.None);

        Assert.Equal("Logs_20140328.CreateLogGroup", _caller.Last.Headers["X-Amz-Target"]);
        Assert.Equal("""{"logGroupName":"/ecs/p/web","tags":{"k":"v"}}""", _caller.LastJson());
    }

    [Fact]
    public async Task Create_log_group_without_tags_leaves_the_member_out()
    {
        await _client.CreateLogGroupAsync("/ecs/p/web", new Dictionary<string, string>(), CancellationToken.None);

        Assert.Equal("""{"logGroupName":"/ecs/p/web"}""", _caller.LastJson());
    }

    [Fact]
    public async Task Retention_must_be_a_value_cloudwatch_accepts()
    {
        await _client.PutRetentionPolicyAsync("/g", 14, CancellationToken.None);
        Assert.Equal("""{"logGroupName":"/g","retentionInDays":14}""", _caller.LastJson());

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _client.PutRetentionPolicyAsync("/g", 10, CancellationToken.None));
        Assert.Single(_caller.Calls);
    }

    [Fact]
    public async Task Tagging_uses_the_log_group_arn_without_the_trailing_star()
    {
        _caller.Answer("{}").Answer("""{"tags":{"a":"1"}}""");

        await _client.TagResourceAsync("arn:aws:logs:eu-west-1:1:log-group:/ecs/web:*", new Dictionary<string, string> { ["a"] = "1" }, CancellationToken.None);
        Assert.Equal("""{"resourceArn":"arn:aws:logs:eu-west-1:1:log-group:/ecs/web","tags":{"a":"1"}}""", _caller.LastJson());
        var tags = await _client.ListTagsForResourceAsync("arn:aws:logs:eu-west-1:1:log-group:/ecs/web", CancellationToken.None);

        Assert.Equal("""{"resourceArn":"arn:aws:logs:eu-west-1:1:log-group:/ecs/web"}""", _caller.LastJson());
        Assert.Equal("1", tags["a"]);
    }

    [Fact]
    public async Task Describe_all_log_groups_follows_next_tokens_across_three_pages()
    {
        _caller.Answer("""{"logGroups":[{"logGroupName":"/ecs/a","arn":"arn:aws:logs:eu-west-1:1:log-group:/ecs/a:*","logGroupArn":"arn:aws:logs:eu-west-1:1:log-group:/ecs/a","retentionInDays":7,"creationTime":1700000000000,"storedBytes":0}],"nextToken":"1"}""")
            .Answer("""{"logGroups":[{"logGroupName":"/ecs/b"}],"nextToken":"2"}""")
            .Answer("""{"logGroups":[{"logGroupName":"/ecs/c"}]}""");

        var groups = await _client.DescribeAllLogGroupsAsync(new DescribeLogGroupsRequest { LogGroupNamePrefix = "/ecs/" }, CancellationToken.None).ToListAsync();

        Assert.Equal(["/ecs/a", "/ecs/b", "/ecs/c"], groups.Select(g => g.LogGroupName));
        Assert.Equal((7, "arn:aws:logs:eu-west-1:1:log-group:/ecs/a"), (groups[0].RetentionInDays, groups[0].LogGroupArn));
        Assert.Null(groups[1].RetentionInDays);
        Assert.Equal("""{"logGroupNamePrefix":"/ecs/","nextToken":"2"}""", _caller.LastJson());
    }

    [Fact]
    public async Task Untag_refuses_more_than_fifty_keys_and_delete_names_the_group()
    {
        var keys = Enumerable.Range(0, LogsLimits.MaxTagKeysPerUntag + 1).Select(i => $"k{i}").ToArray();
        await Assert.ThrowsAsync<ArgumentException>(() => _client.UntagResourceAsync("arn:g", keys, CancellationToken.None));

        await _client.DeleteLogGroupAsync("/ecs/p/web", CancellationToken.None);

        Assert.Equal("Logs_20140328.DeleteLogGroup", Assert.Single(_caller.Calls).Request.Headers["X-Amz-Target"]);
        Assert.Equal("""{"logGroupName":"/ecs/p/web"}""", _caller.LastJson());
    }
}
