using FargateApi.Aws.Services.ApplicationAutoScaling;
using FargateApi.Simulation.Authorization;
using FargateApi.Simulation.Authorization.Access;
using FargateApi.Simulation.AutoScaling;
using FargateApi.Simulation.Core;

namespace FargateApi.Simulation.Adapters;

/// <summary><see cref="IApplicationAutoScalingClient"/> over the simulated state (ECS service desired count).</summary>
internal sealed class SimulatedApplicationAutoScalingClient(SimulatedAws aws) : IApplicationAutoScalingClient
{
    /// <summary>MaxResults default 50 (application-autoscaling/2016-02-06 model).</summary>
    private const int DefaultPageSize = 50;

    private const string Service = SimServices.AutoScaling;
    private AutoScalingStore Store => aws.Stores.AutoScaling;

    public Task<string?> RegisterScalableTargetAsync(RegisterScalableTargetRequest request, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "RegisterScalableTarget", request.ResourceId, () => AutoScalingAccess.RegisterScalableTarget(aws, request),
            () => (string?)Store.Register(request.ServiceNamespace, request.ResourceId, request.ScalableDimension, request.MinCapacity, request.MaxCapacity, request.Tags).Arn,
            cancellationToken);

    public Task<DescribeScalableTargetsResponse> DescribeScalableTargetsAsync(DescribeScalableTargetsRequest request, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DescribeScalableTargets", request.ResourceIds is { Count: > 0 } ids ? string.Join(',', ids) : "*", () => AutoScalingAccess.NoResourceType("DescribeScalableTargets"), () =>
        {
            var targets = Store.Describe(request.ServiceNamespace, request.ResourceIds, request.ScalableDimension).Select(t => new ScalableTarget
            {
                ServiceNamespace = t.ServiceNamespace,
                ResourceId = t.ResourceId,
                ScalableDimension = t.ScalableDimension,
                MinCapacity = t.MinCapacity,
                MaxCapacity = t.MaxCapacity,
                RoleARN = aws.Context.Arn("iam", "role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService", global: true),
                ScalableTargetARN = t.Arn,
                CreationTime = t.CreatedAt,
            }).ToList();
            var (items, next) = Paging.Page(targets, request.NextToken, request.MaxResults, DefaultPageSize);
            return new DescribeScalableTargetsResponse { ScalableTargets = items, NextToken = next };
        }, cancellationToken);

    public Task DeregisterScalableTargetAsync(string resourceId, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DeregisterScalableTarget", resourceId,
            () => AutoScalingAccess.OnTarget(aws, "DeregisterScalableTarget", AutoScalingValues.NamespaceEcs, resourceId, AutoScalingValues.EcsServiceDesiredCount),
            () => Store.Deregister(AutoScalingValues.NamespaceEcs, resourceId, AutoScalingValues.EcsServiceDesiredCount), cancellationToken);

    public Task<string> PutScalingPolicyAsync(PutScalingPolicyRequest request, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "PutScalingPolicy", $"{request.ResourceId}/{request.PolicyName}",
            () => AutoScalingAccess.OnTarget(aws, "PutScalingPolicy", request.ServiceNamespace, request.ResourceId, request.ScalableDimension), () =>
        {
            var metric = request.TargetTrackingScalingPolicyConfiguration.PredefinedMetricSpecification;
            if (metric?.PredefinedMetricType == AutoScalingValues.AlbRequestCountPerTarget && string.IsNullOrEmpty(metric.ResourceLabel))
            {
                throw AutoScalingStore.Validation("PutScalingPolicy", "ResourceLabel must be specified for predefined metric type ALBRequestCountPerTarget");
            }

            return Store.PutPolicy(request.PolicyName, request.ServiceNamespace, request.ResourceId, request.ScalableDimension, request.PolicyType,
                request.TargetTrackingScalingPolicyConfiguration).PolicyArn;
        }, cancellationToken);

    public Task<DescribeScalingPoliciesResponse> DescribeScalingPoliciesAsync(DescribeScalingPoliciesRequest request, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DescribeScalingPolicies", request.ResourceId ?? "*", () => AutoScalingAccess.NoResourceType("DescribeScalingPolicies"), () =>
        {
            var policies = Store.DescribePolicies(request.ServiceNamespace, request.ResourceId, request.ScalableDimension, request.PolicyNames)
                .Select(p => new ScalingPolicy
                {
                    PolicyARN = p.PolicyArn,
                    PolicyName = p.PolicyName,
                    ResourceId = p.ResourceId,
                    PolicyType = p.PolicyType,
                    TargetTrackingScalingPolicyConfiguration = p.Spec as TargetTrackingScalingPolicyConfiguration,
                }).ToList();
            var (items, next) = Paging.Page(policies, request.NextToken, request.MaxResults, DefaultPageSize);
            return new DescribeScalingPoliciesResponse { ScalingPolicies = items, NextToken = next };
        }, cancellationToken);

    public Task DeleteScalingPolicyAsync(string policyName, string resourceId, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "DeleteScalingPolicy", $"{resourceId}/{policyName}",
            () => AutoScalingAccess.OnTarget(aws, "DeleteScalingPolicy", AutoScalingValues.NamespaceEcs, resourceId, AutoScalingValues.EcsServiceDesiredCount),
            () => Store.DeletePolicy(policyName, AutoScalingValues.NamespaceEcs, resourceId, AutoScalingValues.EcsServiceDesiredCount), cancellationToken);

    public Task TagResourceAsync(string scalableTargetArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "TagResource", scalableTargetArn, () => AutoScalingAccess.OnTargetArn("TagResource", scalableTargetArn, () => new RequestContext().RequestTags(tags)), () => Store.RequireByArn(scalableTargetArn, "TagResource").MergeTags(tags), cancellationToken);

    public Task UntagResourceAsync(string scalableTargetArn, IReadOnlyList<string> tagKeys, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "UntagResource", scalableTargetArn, () => AutoScalingAccess.OnTargetArn("UntagResource", scalableTargetArn, () => new RequestContext().TagKeys(tagKeys)), () => Store.RequireByArn(scalableTargetArn, "UntagResource").RemoveTags(tagKeys), cancellationToken);

    public Task<IReadOnlyDictionary<string, string>> ListTagsForResourceAsync(string scalableTargetArn, CancellationToken cancellationToken) =>
        aws.Gate.RunAsync(Service, "ListTagsForResource", scalableTargetArn,
            () => AutoScalingAccess.OnTargetArn("ListTagsForResource", scalableTargetArn),
            () => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(Store.RequireByArn(scalableTargetArn, "ListTagsForResource", read: true).Tags, StringComparer.Ordinal),
            cancellationToken);
}
