using FargateApi.Aws.Services.CloudWatchLogs;
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
        aws.Gate.RunAsync(Service, "CreateLogGroup", logGroupName, () => Store.Create(logGroupName, tags), cancellationToken);

    public Task PutRetentionPolicyAsync(string logGroupName, int retentionInDays, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "PutRetentionPolicy", logGroupName, () => Store.PutRetention(logGroupName, retentionInDays), cancellationToken);

    public Task DeleteLogGroupAsync(string logGroupName, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DeleteLogGroup", logGroupName, () => Store.Delete(logGroupName), cancellationToken);

    public Task<DescribeLogGroupsResponse> DescribeLogGroupsAsync(DescribeLogGroupsRequest request, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DescribeLogGroups", request.LogGroupNamePrefix ?? "*", () =>
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
        aws.Gate.RunAsync(Service, "TagResource", logGroupArn, () => Store.Require(logGroupArn, "TagResource").MergeTags(tags), cancellationToken);

    public Task UntagResourceAsync(string logGroupArn, IReadOnlyList<string> tagKeys, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "UntagResource", logGroupArn, () =>
        {
            var group = Store.Require(logGroupArn, "UntagResource");
            foreach (var key in tagKeys)
            {
                group.Tags.Remove(key);
            }
        }, cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> ListTagsForResourceAsync(string logGroupArn, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "ListTagsForResource", logGroupArn,
            () => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(Store.Require(logGroupArn, "ListTagsForResource", read: true).Tags, StringComparer.Ordinal),
            cancellationToken);
}
