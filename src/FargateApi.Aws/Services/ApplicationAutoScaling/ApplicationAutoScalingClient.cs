using FargateApi.Aws.Http;
using FargateApi.Aws.Protocols;

namespace FargateApi.Aws.Services.ApplicationAutoScaling;

/// <summary>Application Auto Scaling over the json 1.1 protocol (target prefix AnyScaleFrontendService).</summary>
internal sealed class ApplicationAutoScalingClient(IAwsCaller caller) : IApplicationAutoScalingClient
{
    private static readonly AwsService Service = AwsServices.ApplicationAutoScaling;
    private static AutoScalingJsonContext Json => AutoScalingJsonContext.Default;

    public async Task<string?> RegisterScalableTargetAsync(RegisterScalableTargetRequest request, CancellationToken cancellationToken)
    {
        var response = await JsonProtocol.CallAsync(caller, Service, "RegisterScalableTarget", request, Json.RegisterScalableTargetRequest, Json.RegisterScalableTargetResponse, cancellationToken).ConfigureAwait(false);
        return response.ScalableTargetARN;
    }

    public Task<DescribeScalableTargetsResponse> DescribeScalableTargetsAsync(DescribeScalableTargetsRequest request, CancellationToken cancellationToken)
        => JsonProtocol.CallAsync(caller, Service, "DescribeScalableTargets", request, Json.DescribeScalableTargetsRequest, Json.DescribeScalableTargetsResponse, cancellationToken);

    public Task DeregisterScalableTargetAsync(string resourceId, CancellationToken cancellationToken)
        => JsonProtocol.CallAsync(
            caller,
            Service,
            "DeregisterScalableTarget",
            new DeregisterScalableTargetRequest(AutoScalingValues.NamespaceEcs, resourceId, AutoScalingValues.EcsServiceDesiredCount),
            Json.DeregisterScalableTargetRequest,
            cancellationToken);

    public async Task<string> PutScalingPolicyAsync(PutScalingPolicyRequest request, CancellationToken cancellationToken)
    {
        var response = await JsonProtocol.CallAsync(caller, Service, "PutScalingPolicy", request, Json.PutScalingPolicyRequest, Json.PutScalingPolicyResponse, cancellationToken).ConfigureAwait(false);
        return response.PolicyARN ?? throw new InvalidDataException("PutScalingPolicy answered without PolicyARN.");
    }

    public Task<DescribeScalingPoliciesResponse> DescribeScalingPoliciesAsync(DescribeScalingPoliciesRequest request, CancellationToken cancellationToken)
        => JsonProtocol.CallAsync(caller, Service, "DescribeScalingPolicies", request, Json.DescribeScalingPoliciesRequest, Json.DescribeScalingPoliciesResponse, cancellationToken);

    public Task DeleteScalingPolicyAsync(string policyName, string resourceId, CancellationToken cancellationToken)
        => JsonProtocol.CallAsync(
            caller,
            Service,
            "DeleteScalingPolicy",
            new DeleteScalingPolicyRequest(policyName, AutoScalingValues.NamespaceEcs, resourceId, AutoScalingValues.EcsServiceDesiredCount),
            Json.DeleteScalingPolicyRequest,
            cancellationToken);

    public Task TagResourceAsync(string scalableTargetArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
        => JsonProtocol.CallAsync(caller, Service, "TagResource", new AutoScalingTagResourceRequest(scalableTargetArn, tags), Json.AutoScalingTagResourceRequest, cancellationToken);

    public Task UntagResourceAsync(string scalableTargetArn, IReadOnlyList<string> tagKeys, CancellationToken cancellationToken)
        => JsonProtocol.CallAsync(caller, Service, "UntagResource", new AutoScalingUntagResourceRequest(scalableTargetArn, tagKeys), Json.AutoScalingUntagResourceRequest, cancellationToken);

    public async Task<IReadOnlyDictionary<string, string>> ListTagsForResourceAsync(string scalableTargetArn, CancellationToken cancellationToken)
    {
        var response = await JsonProtocol.CallAsync(
            caller,
            Service,
            "ListTagsForResource",
            new AutoScalingListTagsForResourceRequest(scalableTargetArn),
            Json.AutoScalingListTagsForResourceRequest,
            Json.AutoScalingListTagsForResourceResponse,
            cancellationToken).ConfigureAwait(false);
        return response.Tags;
    }
}
