using System.Globalization;
using FargateApi.Aws.Services;
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

    /// <summary>
    /// RegisterTaskDefinition: a new revision, tagged for this resource. On an update the family is this resource's (its
    /// service runs one of its revisions). Otherwise, a revision number above 1 means the family held revisions before: if
    /// the one before is not this resource's, the new revision is deregistered at once and nothing else of the family is
    /// touched; if it is this resource's and already what was registered (an earlier attempt's), it is used and the new
    /// one deregistered, so a retry leaves one revision as the first attempt would have.
    /// </summary>
    protected override async Task<StepOutcome> CreateAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredTaskDefinition>(step);
        var request = TaskDefinitionRequest.From(desired);
        var ecs = run.Aws.Ecs;

        // An Update read the family first: its latest revision is this resource's, and may already be the one to register
        // (a retried update).
        if (run.Facts.TryGetValue(LatestRevisionFact, out var found) && found is TaskDefinitionResponse { TaskDefinition: { } latest } latestRevision)
        {
            var tags = latestRevision.Tags.Select(tag => KeyValuePair.Create(tag.Key, tag.Value)).ToList();
            if (!OwnershipCheck.IsOwnedBy(tags, desired.Tags))
            {
                throw OwnershipCheck.NotOurs("task definition family", desired.Family, tags);
            }

            if (Identical(latest, latestRevision, request, desired))
            {
                run.Outputs.Set(Outputs.TaskDefinitionArn, latest.TaskDefinitionArn!);
                return StepOutcome.Done;
            }
        }

        var registered = (await Propagation.RetryAsync(
            run,
            token => ecs.RegisterTaskDefinitionAsync(request, token),
            Propagation.PassRoleNotYetVisible,
            cancellationToken).ConfigureAwait(false)).TaskDefinitionArn!;
        var revision = RevisionOf(registered);
        // Revisions are numbered one after another and stay readable once deregistered (INACTIVE), so the one before a new
        // revision exists: when it cannot be read, the read is behind (ECS is eventually consistent).
        if (step.Previous is null && revision > 1
            && await ReadAfterWrite.ReadAsync(
                run,
                $"task definition {desired.Family}:{revision - 1}",
                token => DescribeAsync(ecs, $"{desired.Family}:{revision - 1}", token),
                cancellationToken).ConfigureAwait(false) is { TaskDefinition: { } before } described)
        {
            var tags = described.Tags.Select(tag => KeyValuePair.Create(tag.Key, tag.Value)).ToList();
            if (!OwnershipCheck.IsOwnedBy(tags, desired.Tags))
            {
                await ecs.DeregisterTaskDefinitionAsync(registered, cancellationToken).ConfigureAwait(false);
                throw OwnershipCheck.NotOurs("task definition family", desired.Family, tags);
            }

            if (Identical(before, described, request, desired))
            {
                await ecs.DeregisterTaskDefinitionAsync(registered, cancellationToken).ConfigureAwait(false);
                registered = before.TaskDefinitionArn!;
            }
        }

        run.Outputs.Set(Outputs.TaskDefinitionArn, registered);
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

    private static int RevisionOf(string arn) => int.Parse(arn[(arn.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);

    /// <summary>A revision with its tags; null when ECS does not know it (a number never registered).</summary>
    private static async Task<TaskDefinitionResponse?> DescribeAsync(IEcsClient ecs, string taskDefinition, CancellationToken cancellationToken)
    {
        try
        {
            return await ecs.DescribeTaskDefinitionAsync(taskDefinition, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.EcsClientError))
        {
            return null;
        }
    }

    /// <summary>The key of the family's latest revision as an Update's read found it (<see cref="StackRun.Facts"/>).</summary>
    public const string LatestRevisionFact = "LatestRevision";

    /// <summary>An ACTIVE revision that already is what the request would register, tags included.</summary>
    private static bool Identical(TaskDefinition revision, TaskDefinitionResponse described, RegisterTaskDefinitionRequest request, DesiredTaskDefinition desired) =>
        revision.Status == EcsValues.TaskDefinitionActive
        && TaskDefinitionFingerprint.Of(revision) == TaskDefinitionFingerprint.Of(request)
        && TagsEqual(described.Tags, desired.Tags);

    private static bool TagsEqual(IReadOnlyList<EcsTag> actual, ValueMap desired) =>
        actual.Count == desired.Count && actual.All(tag => desired.TryGetValue(tag.Key, out var value) && value == tag.Value);
}
