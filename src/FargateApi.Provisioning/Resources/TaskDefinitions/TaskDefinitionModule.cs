using System.Globalization;
using FargateApi.Aws.Services.Ecs;
using FargateApi.Desired;
using FargateApi.Planning;
using FargateApi.Provisioning.Execution;
using FargateApi.Provisioning.Resources.Services;

namespace FargateApi.Provisioning.Resources.TaskDefinitions;

/// <summary>
/// Task definitions are immutable revisions. Create reuses the family's latest ACTIVE revision when its content and tags
/// are what we would register (a retried Create, a resumed wait), and registers a new revision otherwise.
/// </summary>
internal sealed class TaskDefinitionModule : ResourceModule
{
    public override ResourceKind Kind => ResourceKind.TaskDefinition;

    protected override async Task<StepOutcome> CreateAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredTaskDefinition>(step);
        var request = TaskDefinitionRequest.From(desired);
        var ecs = run.Aws.Ecs;
        var latest = await LatestActiveAsync(ecs, request.Family, cancellationToken).ConfigureAwait(false);
        if (latest is not null)
        {
            var described = await ecs.DescribeTaskDefinitionAsync(latest, cancellationToken).ConfigureAwait(false);
            if (described.TaskDefinition is { } current
                && TaskDefinitionFingerprint.Of(current) == TaskDefinitionFingerprint.Of(request)
                && TagsEqual(described.Tags, desired.Tags))
            {
                run.Outputs.Set(Outputs.TaskDefinitionArn, current.TaskDefinitionArn!);
                return StepOutcome.Done;
            }
        }

        var registered = await ecs.RegisterTaskDefinitionAsync(request, cancellationToken).ConfigureAwait(false);
        run.Outputs.Set(Outputs.TaskDefinitionArn, registered.TaskDefinitionArn!);
        return StepOutcome.Done;
    }

    /// <summary>Deregisters every ACTIVE revision of the family that carries this resource's tags.</summary>
    protected override async Task<StepOutcome> DeleteAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredTaskDefinition>(step);
        var ecs = run.Aws.Ecs;
        var revisions = await ActiveRevisionsAsync(ecs, desired.Family, cancellationToken).ConfigureAwait(false);
        foreach (var arn in revisions)
        {
            var described = await ecs.DescribeTaskDefinitionAsync(arn, cancellationToken).ConfigureAwait(false);
            if (OwnershipCheck.IsOwnedBy(described.Tags.Select(tag => KeyValuePair.Create(tag.Key, tag.Value)), desired.Tags))
            {
                await ecs.DeregisterTaskDefinitionAsync(arn, cancellationToken).ConfigureAwait(false);
            }
        }

        return revisions.Count == 0 ? StepOutcome.FoundNothing : StepOutcome.Done;
    }

    /// <summary>Tags of the revision the service runs (a new revision would carry them from the start).</summary>
    protected override async Task<StepOutcome> TagAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredTaskDefinition>(step);
        var arn = await ArnAsync(run, cancellationToken).ConfigureAwait(false);
        await EcsTagging.ApplyAsync(run.Aws.Ecs, arn, desired.Tags, PreviousOf<DesiredTaskDefinition>(step)?.Tags, cancellationToken).ConfigureAwait(false);
        return StepOutcome.Done;
    }

    /// <summary>The service's task definition: the one this run registered, else the revision the service runs now.</summary>
    public static Task<string> ArnAsync(StackRun run, CancellationToken cancellationToken) =>
        run.Outputs.RequireAsync(Outputs.TaskDefinitionArn, async () =>
        {
            var service = await ServiceModule.DescribeAsync(run.Aws.Ecs, run.Stack.Service.Cluster, run.Stack.Service.Name, cancellationToken).ConfigureAwait(false);
            return service?.TaskDefinition;
        });

    /// <summary>Every ACTIVE revision of exactly this family (ListTaskDefinitions' familyPrefix also matches longer names, e.g. <c>-g1</c>).</summary>
    public static async Task<IReadOnlyList<string>> ActiveRevisionsAsync(IEcsClient ecs, string family, CancellationToken cancellationToken)
    {
        var arns = new List<string>();
        var marker = $":task-definition/{family}:";
        await foreach (var arn in ecs.ListAllTaskDefinitionsAsync(new ListTaskDefinitionsRequest { FamilyPrefix = family, Status = EcsValues.TaskDefinitionActive }, cancellationToken).ConfigureAwait(false))
        {
            if (arn.Contains(marker, StringComparison.Ordinal))
            {
                arns.Add(arn);
            }
        }

        return arns;
    }

    private static async Task<string?> LatestActiveAsync(IEcsClient ecs, string family, CancellationToken cancellationToken) =>
        (await ActiveRevisionsAsync(ecs, family, cancellationToken).ConfigureAwait(false))
            .MaxBy(arn => int.Parse(arn[(arn.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture));

    private static bool TagsEqual(IReadOnlyList<EcsTag> actual, ValueMap desired) =>
        actual.Count == desired.Count && actual.All(tag => desired.TryGetValue(tag.Key, out var value) && value == tag.Value);
}
