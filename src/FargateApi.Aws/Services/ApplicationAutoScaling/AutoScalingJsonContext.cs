using System.Text.Json.Serialization;

namespace FargateApi.Aws.Services.ApplicationAutoScaling;

/// <summary>Source-generated (AOT-safe) JSON for Application Auto Scaling; the model spells members in PascalCase, as C# does.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RegisterScalableTargetRequest))]
[JsonSerializable(typeof(RegisterScalableTargetResponse))]
[JsonSerializable(typeof(DescribeScalableTargetsRequest))]
[JsonSerializable(typeof(DescribeScalableTargetsResponse))]
[JsonSerializable(typeof(DeregisterScalableTargetRequest))]
[JsonSerializable(typeof(PutScalingPolicyRequest))]
[JsonSerializable(typeof(PutScalingPolicyResponse))]
[JsonSerializable(typeof(DescribeScalingPoliciesRequest))]
[JsonSerializable(typeof(DescribeScalingPoliciesResponse))]
[JsonSerializable(typeof(DeleteScalingPolicyRequest))]
[JsonSerializable(typeof(AutoScalingTagResourceRequest))]
[JsonSerializable(typeof(AutoScalingUntagResourceRequest))]
[JsonSerializable(typeof(AutoScalingListTagsForResourceRequest))]
[JsonSerializable(typeof(AutoScalingListTagsForResourceResponse))]
internal sealed partial class AutoScalingJsonContext : JsonSerializerContext;
