using FargateApi.Aws.Services.CloudWatchLogs;
using FargateApi.Simulation.Authorization;
using FargateApi.Simulation.Authorization.Access;
using FargateApi.Simulation.Core;
using FargateApi.Simulation.Logs;

namespace FargateApi.Simulation.Adapters;

/// <summary><see cref="ICloudWatchLogsClient"/> over the simulated state.</summary>
internal sealed class SimulatedCloudWatchLogsClient(SimulatedAws aws) : ICloudWatchLogsClient
{
    /// <summary>DescribeLogGroups limit default 50 (logs/2014-03-28 model, DescribeLogGroupsRequest.limit).</summary>
    private const int DefaultPageSize = 50;

    private const string Service = SimServices.Logs;
    private LogsStore Store => aws.Stores.Logs;

    public Task CreateLogGroupAsync(string logGroupName, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "CreateLogGroup", logGroupName, () => LogsAccess.CreateLogGroup(aws, logGroupName, tags), () => Store.Create(logGroupName, tags), cancellationToken);

    public Task PutRetentionPolicyAsync(string logGroupName, int retentionInDays, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "PutRetentionPolicy", logGroupName, () => LogsAccess.OnLogGroup(aws, "PutRetentionPolicy", logGroupName), () => Store.PutRetention(logGroupName, retentionInDays), cancellationToken);

    public Task DeleteLogGroupAsync(string logGroupName, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DeleteLogGroup", logGroupName, () => LogsAccess.OnLogGroup(aws, "DeleteLogGroup", logGroupName), () => Store.Delete(logGroupName), cancellationToken);

    public Task<DescribeLogGroupsResponse> DescribeLogGroupsAsync(DescribeLogGroupsRequest request, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DescribeLogGroups", request.LogGroupNamePrefix ?? "*", LogsAccess.DescribeLogGroups, () =>
        {
            var groups = Store.Describe(request.LogGroupNamePrefix).Select(g => new LogGroup
            {
                LogGroupName = g.Name,
                RetentionInDays = g.RetentionInDays,
                Arn = g.Arn,
                LogGroupArn = LogsLimits.TaggableArn(g.Arn),
                CreationTime = g.CreatedAt.ToUnixTimeMilliseconds(),
            }).ToList();
            var (items, next) = Paging.Page(groups, request.NextToken, request.Limit, DefaultPageSize);
            return new DescribeLogGroupsResponse { LogGroups = items, NextToken = next };
        }, cancellationToken);

    public Task TagResourceAsync(string logGroupArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "TagResource", logGroupArn, () => LogsAccess.OnLogGroup(aws, "TagResource", logGroupArn, () => new RequestContext().RequestTags(tags)), () => Store.Require(logGroupArn, "TagResource").MergeTags(tags), cancellationToken);

    public Task UntagResourceAsync(string logGroupArn, IReadOnlyList<string> tagKeys, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "UntagResource", logGroupArn, () => LogsAccess.OnLogGroup(aws, "UntagResource", logGroupArn, () => new RequestContext().TagKeys(tagKeys)), () =>
        {
            var group = Store.Require(logGroupArn, "UntagResource");
            foreach (var key in tagKeys)
            {
                group.Tags.Remove(key);
            }
        }, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> ListTagsForResourceAsync(string logGroupArn, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "ListTagsForResource", logGroupArn, () => LogsAccess.OnLogGroup(aws, "ListTagsForResource", logGroupArn),
            () => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(Store.Require(logGroupArn, "ListTagsForResource", read: true).Tags, StringComparer.Ordinal),
            cancellationToken);
}
