using FargateApi.Aws.Services;
using FargateApi.Aws.Services.ApplicationAutoScaling;
using FargateApi.Desired;

namespace FargateApi.Provisioning;

/// <summary>Application Auto Scaling: RegisterScalableTarget and PutScalingPolicy are upserts, so each step is re-runnable as is.</summary>
internal static class ScalingSteps
{
    public static async Task RegisterAsync(StackRun run, CancellationToken cancellationToken)
    {
        var scaling = run.Stack.Scaling ?? throw new ProvisioningException("The plan registers a scalable target the desired stack does not have.");
        await run.Aws.AutoScaling.RegisterScalableTargetAsync(
            new RegisterScalableTargetRequest
            {
                ServiceNamespace = scaling.ServiceNamespace,
                ResourceId = scaling.ResourceId,
                ScalableDimension = scaling.ScalableDimension,
                MinCapacity = scaling.MinCapacity,
                MaxCapacity = scaling.MaxCapacity,
                Tags = scaling.Tags,
            },
            cancellationToken).ConfigureAwait(false);
    }

    public static async Task PutPolicyAsync(StackRun run, string policyName, CancellationToken cancellationToken)
    {
        var scaling = run.Stack.Scaling ?? throw new ProvisioningException("The plan puts a scaling policy the desired stack does not have.");
        var policy = scaling.Policies.FirstOrDefault(candidate => candidate.Name == policyName)
            ?? throw new ProvisioningException($"The plan puts scaling policy '{policyName}', which the desired stack does not have.");
        string? label = null;
        if (policy.ResourceLabel is { } resourceLabel)
        {
            label = resourceLabel.Resolve(await run.TargetGroupArnAsync(cancellationToken).ConfigureAwait(false));
        }

        await run.Aws.AutoScaling.PutScalingPolicyAsync(
            new PutScalingPolicyRequest
            {
                PolicyName = policy.Name,
                ServiceNamespace = scaling.ServiceNamespace,
                ResourceId = scaling.ResourceId,
                ScalableDimension = scaling.ScalableDimension,
                PolicyType = DesiredScalingPolicy.TargetTracking,
                TargetTrackingScalingPolicyConfiguration = new TargetTrackingScalingPolicyConfiguration(
                    policy.TargetValue,
                    new PredefinedMetricSpecification(policy.PredefinedMetricType, label),
                    policy.ScaleOutCooldownSeconds,
                    policy.ScaleInCooldownSeconds),
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deregistering deletes the target's policies with it; a target already gone is success.</summary>
    public static Task DeregisterAsync(IApplicationAutoScalingClient autoScaling, string resourceId, CancellationToken cancellationToken) =>
        AwsErrorMatch.IgnoringAsync(() => autoScaling.DeregisterScalableTargetAsync(resourceId, cancellationToken), AwsErrorCodes.AutoScalingObjectNotFound);

    /// <summary>
    /// The value CloudFormation's <c>AWS::ApplicationAutoScaling::ScalableTarget</c> returns for Ref:
    /// <c>resourceId|scalableDimension|serviceNamespace</c>; empty without AutoScaling.
    /// </summary>
    public static string ScalableTargetId(DesiredScaling? scaling) =>
        scaling is null ? string.Empty : $"{scaling.ResourceId}|{scaling.ScalableDimension}|{scaling.ServiceNamespace}";
}
