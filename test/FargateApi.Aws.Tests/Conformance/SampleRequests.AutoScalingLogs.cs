using FargateApi.Aws.Services.ApplicationAutoScaling;
using FargateApi.Aws.Services.CloudWatchLogs;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>Application Auto Scaling and CloudWatch Logs calls (json protocol) with every member our records can carry set.</summary>
internal static partial class SampleRequests
{
    private const string ScalingResourceId = "service/default/web";
    private const string ScalableTargetArn = "arn:aws:application-autoscaling:us-east-1:123456789012:scalable-target/0ec1234567890abcdef1234567890abcdef1";
    private const string LogGroupName = "/ecs/web";
    private const string LogGroupArn = "arn:aws:logs:us-east-1:123456789012:log-group:/ecs/web";

    private static ConformanceCase Scaling(string operation, string method, Func<IApplicationAutoScalingClient, CancellationToken, Task> call, params string[] mayStayEmpty) =>
        ConformanceCase.Of<IApplicationAutoScalingClient>("application-autoscaling", operation, method, caller => new ApplicationAutoScalingClient(caller), call, mayStayEmpty);

    private static ConformanceCase Logs(string operation, string method, Func<ICloudWatchLogsClient, CancellationToken, Task> call, params string[] mayStayEmpty) =>
        ConformanceCase.Of<ICloudWatchLogsClient>("logs", operation, method, caller => new CloudWatchLogsClient(caller), call, mayStayEmpty);

    private static IEnumerable<ConformanceCase> AutoScalingCases() =>
    [
        Scaling("RegisterScalableTarget", nameof(IApplicationAutoScalingClient.RegisterScalableTargetAsync), (c, ct) => c.RegisterScalableTargetAsync(
            new RegisterScalableTargetRequest { ResourceId = ScalingResourceId, MinCapacity = 2, MaxCapacity = 10, Tags = ResourceTags }, ct)),
        Scaling("DescribeScalableTargets", nameof(IApplicationAutoScalingClient.DescribeScalableTargetsAsync), (c, ct) => c.DescribeScalableTargetsAsync(
            new DescribeScalableTargetsRequest { ResourceIds = [ScalingResourceId, "service/default/api"], MaxResults = 50, NextToken = "token-1" }, ct)),
        Scaling("DeregisterScalableTarget", nameof(IApplicationAutoScalingClient.DeregisterScalableTargetAsync), (c, ct) => c.DeregisterScalableTargetAsync(ScalingResourceId, ct)),
        Scaling("PutScalingPolicy", nameof(IApplicationAutoScalingClient.PutScalingPolicyAsync), (c, ct) => c.PutScalingPolicyAsync(
            new PutScalingPolicyRequest
            {
                PolicyName = "web-cpu",
                ResourceId = ScalingResourceId,
                TargetTrackingScalingPolicyConfiguration = new TargetTrackingScalingPolicyConfiguration(
                    60.0,
                    new PredefinedMetricSpecification(AutoScalingValues.AlbRequestCountPerTarget, "app/shared-alb/50dc6c495c0c9188/targetgroup/web/0123456789abcdef"),
                    60,
                    300),
            }, ct)),
        Scaling("DescribeScalingPolicies", nameof(IApplicationAutoScalingClient.DescribeScalingPoliciesAsync), (c, ct) => c.DescribeScalingPoliciesAsync(
            new DescribeScalingPoliciesRequest { PolicyNames = ["web-cpu", "web-requests"], ResourceId = ScalingResourceId, MaxResults = 50, NextToken = "token-1" }, ct)),
        Scaling("DeleteScalingPolicy", nameof(IApplicationAutoScalingClient.DeleteScalingPolicyAsync), (c, ct) => c.DeleteScalingPolicyAsync("web-cpu", ScalingResourceId, ct)),
        Scaling("TagResource", nameof(IApplicationAutoScalingClient.TagResourceAsync), (c, ct) => c.TagResourceAsync(ScalableTargetArn, ResourceTags, ct)),
        Scaling("UntagResource", nameof(IApplicationAutoScalingClient.UntagResourceAsync), (c, ct) => c.UntagResourceAsync(ScalableTargetArn, ["fargate-api:old", "cost-centre"], ct)),
        Scaling("ListTagsForResource", nameof(IApplicationAutoScalingClient.ListTagsForResourceAsync), (c, ct) => c.ListTagsForResourceAsync(ScalableTargetArn, ct)),
    ];

    private static IEnumerable<ConformanceCase> LogsCases() =>
    [
        Logs("CreateLogGroup", nameof(ICloudWatchLogsClient.CreateLogGroupAsync), (c, ct) => c.CreateLogGroupAsync(LogGroupName, ResourceTags, ct)),
        Logs("PutRetentionPolicy", nameof(ICloudWatchLogsClient.PutRetentionPolicyAsync), (c, ct) => c.PutRetentionPolicyAsync(LogGroupName, 30, ct)),
        Logs("DeleteLogGroup", nameof(ICloudWatchLogsClient.DeleteLogGroupAsync), (c, ct) => c.DeleteLogGroupAsync(LogGroupName, ct)),
        Logs("DescribeLogGroups", nameof(ICloudWatchLogsClient.DescribeLogGroupsAsync), (c, ct) => c.DescribeLogGroupsAsync(
            new DescribeLogGroupsRequest { LogGroupNamePrefix = LogGroupName, NextToken = "token-1", Limit = 50 }, ct)),
        Logs("TagResource", nameof(ICloudWatchLogsClient.TagResourceAsync), (c, ct) => c.TagResourceAsync(LogGroupArn, ResourceTags, ct)),
        Logs("UntagResource", nameof(ICloudWatchLogsClient.UntagResourceAsync), (c, ct) => c.UntagResourceAsync(LogGroupArn, ["fargate-api:old", "Name"], ct)),
        Logs("ListTagsForResource", nameof(ICloudWatchLogsClient.ListTagsForResourceAsync), (c, ct) => c.ListTagsForResourceAsync(LogGroupArn, ct)),
    ];
}
