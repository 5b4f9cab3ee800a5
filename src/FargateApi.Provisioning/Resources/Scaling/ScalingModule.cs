using FargateApi.Aws.Services;
using FargateApi.Aws.Services.ApplicationAutoScaling;
using FargateApi.Desired;
using FargateApi.Planning;
using FargateApi.Provisioning.Execution;
using FargateApi.Provisioning.Resources.Services;
using FargateApi.Provisioning.Resources.TargetGroups;

namespace FargateApi.Provisioning.Resources.Scaling;

/// <summary>Application Auto Scaling: RegisterScalableTarget and PutScalingPolicy are upserts, so each step is re-runnable as is.</summary>
internal sealed class ScalingModule : ResourceModule
{
    public override ResourceKind Kind => ResourceKind.Scaling;

    protected override async Task<StepOutcome> CreateAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        await RegisterAsync(run, SpecOf<DesiredScaling>(step), cancellationToken).ConfigureAwait(false);
        return StepOutcome.Done;
    }

    /// <summary>One target-tracking policy (the step's member), put as declared.</summary>
    protected override async Task<StepOutcome> UpdateAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var scaling = SpecOf<DesiredScaling>(step);
        var policy = scaling.Policies.FirstOrDefault(candidate => candidate.Name == step.Member)
            ?? throw new ProvisioningException($"Internal error: step '{step.Id}' puts scaling policy '{step.Member}', which the desired stack does not have.");
        string? label = null;
        if (policy.ResourceLabel is { } resourceLabel)
        {
            label = resourceLabel.Resolve(await TargetGroupModule.ArnAsync(run, run.Stack.TargetGroup, cancellationToken).ConfigureAwait(false));
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
        return StepOutcome.Done;
    }

    /// <summary>
    /// Deregistering deletes the target's policies with it; a target already gone is success. Only the target of a service
    /// of ours: its resource id names the service, whose tags say whose it is.
    /// </summary>
    protected override async Task<StepOutcome> DeleteAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var scaling = SpecOf<DesiredScaling>(step);
        if (await ServiceModule.OwnedForDeletionAsync(run, run.Stack.Service, cancellationToken).ConfigureAwait(false) is null)
        {
            return StepOutcome.FoundNothing;
        }

        await AwsErrorMatch.IgnoringAsync(
            () => run.Aws.AutoScaling.DeregisterScalableTargetAsync(scaling.ResourceId, cancellationToken),
            AwsErrorCodes.AutoScalingObjectNotFound).ConfigureAwait(false);
        return StepOutcome.Done;
    }

    /// <summary>RegisterScalableTarget with Tags on an existing target adds them.</summary>
    protected override async Task<StepOutcome> TagAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        await RegisterAsync(run, SpecOf<DesiredScaling>(step), cancellationToken).ConfigureAwait(false);
        return StepOutcome.Done;
    }

    /// <summary>
    /// The value CloudFormation's <c>AWS::ApplicationAutoScaling::ScalableTarget</c> returns for Ref:
    /// <c>resourceId|scalableDimension|serviceNamespace</c>; empty without AutoScaling.
    /// </summary>
    public static string ScalableTargetId(DesiredScaling? scaling) =>
        scaling is null ? string.Empty : $"{scaling.ResourceId}|{scaling.ScalableDimension}|{scaling.ServiceNamespace}";

    private static Task RegisterAsync(StackRun run, DesiredScaling scaling, CancellationToken cancellationToken) =>
        run.Aws.AutoScaling.RegisterScalableTargetAsync(
            new RegisterScalableTargetRequest
            {
                ServiceNamespace = scaling.ServiceNamespace,
                ResourceId = scaling.ResourceId,
                ScalableDimension = scaling.ScalableDimension,
                MinCapacity = scaling.MinCapacity,
                MaxCapacity = scaling.MaxCapacity,
                Tags = scaling.Tags,
            },
            cancellationToken);
}
