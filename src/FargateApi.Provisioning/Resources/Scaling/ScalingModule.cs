using FargateApi.Aws.Http;
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

    /// <summary>
    /// RegisterScalableTarget. Its Tags apply only when the call creates the target ("Use this parameter to tag the scalable
    /// target when it is created. To tag an existing scalable target, use the TagResource operation.", API reference,
    /// https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html), and real accounts
    /// refuse Tags for a target that exists with a ValidationException (hashicorp/terraform-provider-aws#31839). So a step
    /// that changes an existing target (its <see cref="Step.Previous"/> is set) registers without tags, the tag step does
    /// the tags; a create that finds the target already there (a retry after a crash) checks it is ours, registers
    /// without tags and tags it with TagResource.
    /// </summary>
    protected override async Task<StepOutcome> CreateAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var scaling = SpecOf<DesiredScaling>(step);
        if (PreviousOf<DesiredScaling>(step) is not null)
        {
            await RegisterAsync(run, scaling, tags: null, cancellationToken).ConfigureAwait(false);
            return StepOutcome.Done;
        }

        try
        {
            await RegisterAsync(run, scaling, scaling.Tags, cancellationToken).ConfigureAwait(false);
            return StepOutcome.Done;
        }
        catch (Exception error) when (IsTagsOnExistingTarget(error))
        {
            // Found rather than made: whose is it?
        }

        var arn = await OwnedArnAsync(run, scaling, cancellationToken).ConfigureAwait(false);
        await RegisterAsync(run, scaling, tags: null, cancellationToken).ConfigureAwait(false);
        await run.Aws.AutoScaling.TagResourceAsync(arn, scaling.Tags, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// An existing target's tags change only through TagResource and UntagResource (RegisterScalableTarget API reference,
    /// Tags), on the target's ARN; only on a target whose tags say it is this resource's.
    /// </summary>
    protected override async Task<StepOutcome> TagAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var scaling = SpecOf<DesiredScaling>(step);
        var autoScaling = run.Aws.AutoScaling;
        var arn = await OwnedArnAsync(run, scaling, cancellationToken).ConfigureAwait(false);
        await autoScaling.TagResourceAsync(arn, scaling.Tags, cancellationToken).ConfigureAwait(false);
        if (Tagging.Removed(PreviousOf<DesiredScaling>(step)?.Tags, scaling.Tags) is { Count: > 0 } keys)
        {
            await autoScaling.UntagResourceAsync(arn, keys, cancellationToken).ConfigureAwait(false);
        }

        return StepOutcome.Done;
    }

    /// <summary>
    /// The value CloudFormation's <c>AWS::ApplicationAutoScaling::ScalableTarget</c> returns for Ref:
    /// <c>resourceId|scalableDimension|serviceNamespace</c>; empty without AutoScaling.
    /// </summary>
    public static string ScalableTargetId(DesiredScaling? scaling) =>
        scaling is null ? string.Empty : $"{scaling.ResourceId}|{scaling.ScalableDimension}|{scaling.ServiceNamespace}";

    private static Task RegisterAsync(StackRun run, DesiredScaling scaling, ValueMap? tags, CancellationToken cancellationToken) =>
        run.Aws.AutoScaling.RegisterScalableTargetAsync(
            new RegisterScalableTargetRequest
            {
                ServiceNamespace = scaling.ServiceNamespace,
                ResourceId = scaling.ResourceId,
                ScalableDimension = scaling.ScalableDimension,
                MinCapacity = scaling.MinCapacity,
                MaxCapacity = scaling.MaxCapacity,
                Tags = tags,
            },
            cancellationToken);

    /// <summary>The ValidationException real accounts answer to RegisterScalableTarget with Tags for a target that exists
    /// ("The scalable target that you tried to tag already exists. To update tags on an existing scalable target, use the
    /// TagResource API.": hashicorp/terraform-provider-aws#31839, terraform-aws-modules/terraform-aws-rds-aurora#420).</summary>
    private static bool IsTagsOnExistingTarget(Exception error) =>
        error.Is(AwsErrorCodes.AutoScalingValidation)
        && error is AwsServiceException { ErrorMessage: { } message }
        && message.Contains("already exists", StringComparison.OrdinalIgnoreCase);

    /// <summary>The target's ARN (DescribeScalableTargets), once ListTagsForResource shows it carries this resource's ownership tags.</summary>
    private static async Task<string> OwnedArnAsync(StackRun run, DesiredScaling scaling, CancellationToken cancellationToken)
    {
        var autoScaling = run.Aws.AutoScaling;
        var arn = await ReadAfterWrite.ReadAsync(
            run,
            $"scalable target {scaling.ResourceId}",
            async token =>
            {
                var page = await autoScaling.DescribeScalableTargetsAsync(
                    new DescribeScalableTargetsRequest { ServiceNamespace = scaling.ServiceNamespace, ResourceIds = [scaling.ResourceId], ScalableDimension = scaling.ScalableDimension },
                    token).ConfigureAwait(false);
                return page.ScalableTargets.FirstOrDefault(target => target.ResourceId == scaling.ResourceId)?.ScalableTargetARN;
            },
            cancellationToken).ConfigureAwait(false);
        var tags = await autoScaling.ListTagsForResourceAsync(arn, cancellationToken).ConfigureAwait(false);
        return OwnershipCheck.IsOwnedBy(tags, scaling.Tags) ? arn : throw OwnershipCheck.NotOurs("scalable target", scaling.ResourceId, tags);
    }
}
