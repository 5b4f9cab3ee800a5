using FargateApi.Aws.Http;
using FargateApi.Aws.Services;
using FargateApi.Aws.Services.Ecs;
using FargateApi.Desired;
using FargateApi.Naming;
using FargateApi.Planning;
using FargateApi.Properties;
using FargateApi.Provisioning.Execution;
using FargateApi.Provisioning.Observing;
using FargateApi.Provisioning.Resources.ListenerRules;
using FargateApi.Provisioning.Resources.Network;
using FargateApi.Provisioning.Resources.Scaling;
using FargateApi.Provisioning.Resources.SecurityGroups;
using FargateApi.Provisioning.Resources.Services;
using FargateApi.Provisioning.Resources.TargetGroups;
using FargateApi.Provisioning.Resources.TaskDefinitions;

namespace FargateApi.Provisioning;

/// <summary>
/// The lifecycle over AWS. Every operation is a plan run by the one executor: read what the plan depends on, derive the
/// desired stack (pure), plan (pure), execute the plan's steps. Create and Update return the service ARN as physical id;
/// a replacement returns the new generation's. An operation that outgrows the invocation comes back as a
/// <see cref="LifecycleContinuation"/> that records what was read and done, so the next invocation runs the same plan on.
/// </summary>
internal sealed partial class StackProvisioner(AwsApis aws, ProvisionerOptions options, TimeProvider time) : IResumableLifecycle
{
    private AwsEnvironment? _environment;

    public Task<LifecycleOutcome> CreateAsync(ResourceIdentity identity, ServiceProperties properties, CancellationToken cancellationToken) =>
        CreateCoreAsync(identity, properties, InTime(NewBudget(identity, properties.ServiceTimeoutSeconds, ContinuedOperation.Create)), null, cancellationToken);

    public Task<LifecycleOutcome> UpdateAsync(ResourceIdentity identity, string physicalResourceId, ServiceProperties? oldProperties, ServiceProperties newProperties, CancellationToken cancellationToken) =>
        UpdateCoreAsync(identity, physicalResourceId, oldProperties, newProperties, InTime(NewBudget(identity, newProperties.ServiceTimeoutSeconds, ContinuedOperation.Update)), null, cancellationToken);

    /// <summary>A Delete that arrives past CloudFormation's deadline still removes what it can in this invocation: nothing is left to leak.</summary>
    public Task<LifecycleOutcome> DeleteAsync(ResourceIdentity identity, string physicalResourceId, ServiceProperties? properties, CancellationToken cancellationToken)
    {
        var budget = NewBudget(identity, properties?.ServiceTimeoutSeconds ?? PropertyLimits.MaxServiceTimeout, ContinuedOperation.Delete);
        var late = identity.InvocationDeadline is { } ends && budget.Deadline < ends ? budget with { Deadline = ends, InvocationDeadline = null } : budget;
        return DeleteCoreAsync(identity, physicalResourceId, properties, late, null, cancellationToken);
    }

    public async Task<LifecycleOutcome> ResumeAsync(
        ResourceIdentity identity,
        LifecycleContinuation continuation,
        string? physicalResourceId,
        ServiceProperties? oldProperties,
        ServiceProperties? newProperties,
        CancellationToken cancellationToken)
    {
        var serviceTimeout = TimeSpan.FromSeconds(newProperties?.ServiceTimeoutSeconds ?? PropertyLimits.MaxServiceTimeout);
        var budget = new WaitBudget(continuation.StartedAt, continuation.Deadline, identity.InvocationDeadline, continuation.Operation, continuation.Invocation, serviceTimeout, identity.RequestId);
        if (continuation.Operation == ContinuedOperation.Delete)
        {
            return await DeleteCoreAsync(identity, physicalResourceId ?? string.Empty, newProperties, budget, continuation, cancellationToken).ConfigureAwait(false);
        }

        if (newProperties is null)
        {
            throw new ProvisioningException($"Internal error: a continued {continuation.Operation} came without its properties.");
        }

        if (await DeletedMeanwhileAsync(continuation, cancellationToken).ConfigureAwait(false) is { } gone)
        {
            return LifecycleOutcome.Empty(physicalResourceId ?? string.Empty) with { Abandoned = gone };
        }

        return continuation.Operation == ContinuedOperation.Update && physicalResourceId is not null
            ? await UpdateCoreAsync(identity, physicalResourceId, oldProperties, newProperties, budget, continuation, cancellationToken).ConfigureAwait(false)
            : await CreateCoreAsync(identity, newProperties, budget, continuation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Grants and Secrets name only what the platform team allows this ProjectPrefix, checked before any call.</summary>
    private void RefuseUngrantable(ServiceProperties properties)
    {
        if (options.Grantable.Violations(properties) is { Count: > 0 } violations)
        {
            throw new ProvisioningException($"{string.Join(" ", violations)} Nothing was changed.");
        }
    }

    private async Task<LifecycleOutcome> CreateCoreAsync(ResourceIdentity identity, ServiceProperties properties, WaitBudget budget, LifecycleContinuation? resumed, CancellationToken cancellationToken)
    {
        RefuseUngrantable(properties);
        var env = await EnvironmentAsync(identity, cancellationToken).ConfigureAwait(false);
        var network = resumed?.Network is { } read ? FromContinued(read) : await ReadNetworkAsync(properties.Network, cancellationToken).ConfigureAwait(false);
        var desired = DesiredStack.From(properties, network, env, Owner(identity), generation: 0);
        return await ExecuteAsync(Plan.ForCreate(desired), budget, resumed, new Observed(network, null), cancellationToken).ConfigureAwait(false);
    }

    private async Task<LifecycleOutcome> UpdateCoreAsync(
        ResourceIdentity identity,
        string physicalResourceId,
        ServiceProperties? oldProperties,
        ServiceProperties newProperties,
        WaitBudget budget,
        LifecycleContinuation? resumed,
        CancellationToken cancellationToken)
    {
        RefuseUngrantable(newProperties);
        var id = PhysicalIds.ParseServiceArn(physicalResourceId, oldProperties ?? newProperties)
            ?? throw new ProvisioningException($"'{physicalResourceId}' is not the ARN of an ECS service this provider made; it cannot be updated.");
        var env = await EnvironmentAsync(identity, cancellationToken).ConfigureAwait(false);
        var owner = Owner(identity);

        // What exists decides the plan: the network the new properties name (read now), the stack as it stands (found).
        ResolvedNetwork network;
        ResolvedNetwork? currentNetwork;
        ObservedStack? observed = null;
        if (resumed?.Network is { } read)
        {
            network = FromContinued(read);
            currentNetwork = resumed.PreviousNetwork is { } before ? FromContinued(before) : null;
        }
        else
        {
            observed = await new StackObserver(aws, options).ObserveAsync(
                newProperties.Network, id.Cluster, id.Service, ResourceNames.For(oldProperties ?? newProperties, id.Generation).TaskFamily, owner.Tags(id.Generation), cancellationToken).ConfigureAwait(false);
            network = observed.Network;
            currentNetwork = oldProperties is null || observed.ServiceGone ? null : observed.CurrentNetwork(id.Cluster, network);
        }

        var next = DesiredStack.From(newProperties, network, env, owner, id.Generation);
        if (oldProperties is null || currentNetwork is null)
        {
            // Nothing to update in place (old properties unreadable, or the service gone): every resource of this
            // generation made or brought in line, as a Create would.
            return await ExecuteAsync(Plan.ForEnsure(next), budget, resumed, new Observed(network, null), cancellationToken, observed).ConfigureAwait(false);
        }

        var current = DesiredStack.From(oldProperties, currentNetwork, env, owner, id.Generation);
        var plan = Plan.ForUpdate(current, next);
        var recorded = new Observed(network, currentNetwork);
        if (plan.Kind != PlanKind.Replace)
        {
            return await ExecuteAsync(plan, budget, resumed, recorded, cancellationToken, observed).ConfigureAwait(false);
        }

        // A resumed replacement was no rollback when it started: the first invocation looked.
        if (resumed is null && await ReplacementRollback.FindServingGenerationAsync(aws, next, id, cancellationToken).ConfigureAwait(false) is { } serving)
        {
            return await ReviveAsync(identity, serving, current, next, oldProperties, budget, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await ExecuteAsync(plan, budget, resumed, recorded, cancellationToken, observed).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is ProvisioningException or AwsServiceException)
        {
            // The new generation never served: remove what was built of it, so CloudFormation's rollback (which never
            // learns its id) leaves nothing behind, and give the generation that kept serving back what the replacement took
            // over (the shared log group's ownership tags, the declared rule priority). The rollback Update may not do it:
            // when the id's cluster is the old one it is an update in place (a ClusterName move rolled back). Best effort:
            // the rollback Update cleans up again.
            await CleanUpGenerationAsync(identity, plan.Stack, newProperties, budget, cancellationToken).ConfigureAwait(false);
            await HandBackAsync(current, plan.Stack, budget, cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// A rollback: an existing generation already has what the update asks for (the old stack kept serving while the
    /// replacement was built). It takes the declared rule priority and the log group back (<see cref="Plan.ForRevive"/>)
    /// and its id is returned; a leftover newer generation the rollback abandons is removed by its Delete plan.
    /// </summary>
    private async Task<LifecycleOutcome> ReviveAsync(ResourceIdentity identity, DesiredStack serving, DesiredStack abandoned, DesiredStack next, ServiceProperties abandonedProperties, WaitBudget budget, CancellationToken cancellationToken)
    {
        var (run, _) = await RunAsync(Plan.ForRevive(serving, abandoned, next), budget, null, cancellationToken).ConfigureAwait(false);
        if (abandoned.Generation == serving.Generation)
        {
            var built = Generations.After(
                ResourceNames.For(serving.Inputs.Value.Properties, serving.Generation),
                ResourceNames.For(abandonedProperties, serving.Generation));
            await CleanUpGenerationAsync(identity, abandoned.AtGeneration(built), abandonedProperties, budget, cancellationToken).ConfigureAwait(false);
        }

        return new LifecycleOutcome(serving.PhysicalResourceId, await DataAsync(run, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// After a failed replacement, the revive plan for the generation that kept serving: the shared log group's ownership
    /// tags and the declared rule priority are its again. Within what is left of this invocation, as the cleanup.
    /// </summary>
    private async Task HandBackAsync(DesiredStack serving, DesiredStack failed, WaitBudget budget, CancellationToken cancellationToken)
    {
        try
        {
            await RunAsync(Plan.ForRevive(serving, failed, serving), budget with { InvocationDeadline = null, Deadline = budget.InvocationDeadline ?? budget.Deadline }, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception handBack) when (handBack is ProvisioningException or AwsServiceException)
        {
            // The original failure is the one to report; the rollback Update of a replacement revives the serving generation.
        }
    }

    private async Task CleanUpGenerationAsync(ResourceIdentity identity, DesiredStack stack, ServiceProperties properties, WaitBudget budget, CancellationToken cancellationToken)
    {
        try
        {
            // Within what is left of this invocation: what outlasts it is the Delete of either id's to remove.
            await DeleteCoreAsync(identity, stack.PhysicalResourceId, properties, budget with { InvocationDeadline = null, Deadline = budget.InvocationDeadline ?? budget.Deadline }, null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception cleanup) when (cleanup is ProvisioningException or AwsServiceException)
        {
            // The original failure is the one to report; the Delete of either id removes the rest.
        }
    }

    private async Task<LifecycleOutcome> ExecuteAsync(Plan plan, WaitBudget budget, LifecycleContinuation? resumed, Observed observed, CancellationToken cancellationToken, ObservedStack? found = null)
    {
        var (run, result) = await RunAsync(plan, budget, resumed, cancellationToken, found).ConfigureAwait(false);
        return result.IsFinished
            ? new LifecycleOutcome(plan.PhysicalResourceId, await DataAsync(run, cancellationToken).ConfigureAwait(false))
            : Continue(plan, budget, (run, result), observed, plan.PhysicalResourceId);
    }

    /// <summary>
    /// Runs the plan, skipping what an earlier invocation finished and the reads made before the plan could exist (what they
    /// found is handed to the steps that use it).
    /// </summary>
    private async Task<(StackRun Run, ExecutionResult Result)> RunAsync(Plan plan, WaitBudget budget, LifecycleContinuation? resumed, CancellationToken cancellationToken, ObservedStack? found = null)
    {
        var run = new StackRun(aws, time, options, plan, budget, new Outputs(resumed?.Outputs));
        if (found?.LatestRevision is { } latest)
        {
            run.Facts[TaskDefinitionModule.LatestRevisionFact] = latest;
        }

        if (found?.TargetGroup is { } targetGroup && found.Service?.LoadBalancers.FirstOrDefault()?.TargetGroupArn == targetGroup.TargetGroupArn && plan.Kind != PlanKind.Replace)
        {
            run.Outputs.Set(Outputs.TargetGroupArn, targetGroup.TargetGroupArn);

            // What the Update's reads found of this generation is what its steps would look up again by the same names.
            if (found.Rule is { } rule)
            {
                run.Outputs.Set(Outputs.ListenerRuleArn, rule.RuleArn);
            }

            if (found.SecurityGroup is { GroupId: { } groupId, GroupName: { } groupName } && groupName == plan.Stack.SecurityGroup.Name)
            {
                run.Outputs.Set(Outputs.SecurityGroupId, groupId);
            }
        }

        var completed = new HashSet<string>(resumed?.Completed ?? [], StringComparer.Ordinal);
        completed.UnionWith(plan.Steps.Where(step => step.Action == StepAction.ResolveNetwork || Observation.IsRead(step)).Select(step => step.Id));
        return (run, await PlanExecutor.RunAsync(run, completed, cancellationToken).ConfigureAwait(false));
    }

    private static LifecycleOutcome Continue(Plan plan, WaitBudget budget, (StackRun Run, ExecutionResult Result) ran, Observed observed, string physicalResourceId)
    {
        var service = plan.Stack.Service;
        return LifecycleOutcome.Empty(physicalResourceId) with
        {
            Continuation = new LifecycleContinuation(budget.Operation, service.Cluster, service.Name, budget.StartedAt, budget.Deadline, budget.Invocation + 1)
            {
                Completed = [.. ran.Result.Completed.Order(StringComparer.Ordinal)],
                Outputs = ran.Run.Outputs.Known(),
                Network = ToContinued(observed.Network),
                PreviousNetwork = observed.Previous is null ? null : ToContinued(observed.Previous),
                PlanKind = plan.Kind.ToString(),
            },
        };
    }

    /// <summary>
    /// Whether CloudFormation moved on while a Create or Update waited: its service is gone, or going (a Delete of the
    /// resource ran meanwhile). The wait then stops without answering (there is nobody left to answer) and without
    /// making anything again.
    /// </summary>
    /// <remarks>
    /// A deleted service stays visible as DRAINING, then INACTIVE ("Services in the DRAINING or INACTIVE status can still be
    /// viewed with the DescribeServices API operation", API_DeleteService.html), so one that is missing (failure reason
    /// MISSING) is first taken for a read that does not see a new service yet ("The Amazon ECS API follows an eventual
    /// consistency model", API_RunTask.html) and read again for <see cref="ReadAfterWrite.Bound"/>.
    /// </remarks>
    private async Task<string?> DeletedMeanwhileAsync(LifecycleContinuation continuation, CancellationToken cancellationToken)
    {
        EcsService? service;
        try
        {
            service = await ReadAfterWrite.ReadOrMissingAsync(
                time,
                options.ConsistencyDelay,
                ReadAfterWrite.Bound,
                token => ServiceModule.DescribeAsync(aws.Ecs, continuation.Cluster, continuation.Service, token),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.EcsClusterNotFound))
        {
            return $"cluster {continuation.Cluster} is gone";
        }

        return service is null or { Status: EcsValues.ServiceDraining or EcsValues.ServiceInactive }
            ? $"service {continuation.Service} is {service?.Status ?? "gone"}: the resource was deleted while the {continuation.Operation} waited"
            : null;
    }

    /// <summary>
    /// A Create's network is read before the stack can be derived from it: the plan's read step has run by the time the plan
    /// exists. It is reported to the step observer where it ran, so what was run is still exactly the plan. (An Update reads
    /// the network too, as it reads what exists, before it can choose between an in-place and a replacing plan.)
    /// </summary>
    private async Task<ResolvedNetwork> ReadNetworkAsync(NetworkProperties network, CancellationToken cancellationToken)
    {
        options.Steps?.Started(NetworkResolver.StepId, 1);
        var resolved = await NetworkResolver.ResolveAsync(network, aws, cancellationToken).ConfigureAwait(false);
        options.Steps?.Finished(NetworkResolver.StepId, StepOutcome.Done);
        return resolved;
    }

    /// <summary>The <c>Fn::GetAtt</c> attributes.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> DataAsync(StackRun run, CancellationToken cancellationToken)
    {
        var stack = run.Stack;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ServiceArn"] = stack.Service.Arn,
            ["ServiceName"] = stack.Service.Name,
            ["ClusterName"] = stack.Service.Cluster,
            ["TaskDefinitionArn"] = await TaskDefinitionModule.ArnAsync(run, cancellationToken).ConfigureAwait(false),
            ["TaskRoleArn"] = stack.TaskDefinition.TaskRoleArn,
            ["ExecutionRoleArn"] = stack.TaskDefinition.ExecutionRoleArn,
            ["TargetGroupArn"] = await TargetGroupModule.ArnAsync(run, stack.TargetGroup, cancellationToken).ConfigureAwait(false),
            ["ListenerRuleArn"] = await ListenerRuleModule.ArnAsync(run, stack.ListenerRule, cancellationToken).ConfigureAwait(false),
            ["SecurityGroupId"] = await SecurityGroupModule.GroupIdAsync(run, stack.SecurityGroup, cancellationToken).ConfigureAwait(false),
            ["LogGroupName"] = stack.LogGroup.Name,
            ["ScalableTargetId"] = ScalingModule.ScalableTargetId(stack.Scaling),
        };
    }

    /// <summary>
    /// The operation's bound: CloudFormation's ServiceTimeout from when it made the request (the first invocation's start
    /// when that is unknown), less <see cref="ProvisionerOptions.AnswerMargin"/> (at most a quarter of a short timeout) so
    /// the answer arrives while CloudFormation still waits for it.
    /// </summary>
    private WaitBudget NewBudget(ResourceIdentity identity, int serviceTimeoutSeconds, ContinuedOperation operation)
    {
        var started = identity.RequestedAt ?? time.GetUtcNow();
        var timeout = TimeSpan.FromSeconds(serviceTimeoutSeconds);
        var margin = options.AnswerMargin < timeout / 4 ? options.AnswerMargin : timeout / 4;
        return new WaitBudget(started, started + timeout - margin, identity.InvocationDeadline, operation, 0, timeout, identity.RequestId);
    }

    /// <summary>A Create or Update that arrives after CloudFormation stopped waiting for it starts nothing (its rollback follows).</summary>
    private WaitBudget InTime(WaitBudget budget) =>
        time.GetUtcNow() < budget.Deadline
            ? budget
            : throw new ProvisioningException(
                $"The {budget.Operation} arrived at {time.GetUtcNow():yyyy-MM-dd'T'HH:mm:ss'Z'}, after CloudFormation's deadline for it ({budget.Deadline:yyyy-MM-dd'T'HH:mm:ss'Z'}: " +
                $"ServiceTimeout {budget.ServiceTimeout.TotalSeconds:0} s from its request at {budget.StartedAt:yyyy-MM-dd'T'HH:mm:ss'Z'}); nothing was started.");

    private async Task<AwsEnvironment> EnvironmentAsync(ResourceIdentity identity, CancellationToken cancellationToken) =>
        _environment ??= await EnvironmentResolver.ResolveAsync(options, identity.FunctionArn, aws.Sts, cancellationToken).ConfigureAwait(false);

    private static Ownership Owner(ResourceIdentity identity) => new(identity.StackId, identity.LogicalResourceId);

    private static ContinuedNetwork ToContinued(ResolvedNetwork network) =>
        new(network.VpcId, [.. network.SubnetIds], network.ClusterName, network.ListenerArn, network.LoadBalancerArn, network.LoadBalancerSecurityGroupId);

    private static ResolvedNetwork FromContinued(ContinuedNetwork network) =>
        new(network.VpcId, network.SubnetIds.ToValueList(), network.ClusterName, network.ListenerArn, network.LoadBalancerArn, network.LoadBalancerSecurityGroupId);

    private static bool SameNetwork(NetworkProperties a, NetworkProperties b) =>
        a.ParameterPrefix == b.ParameterPrefix && a.VpcId == b.VpcId && a.ClusterName == b.ClusterName && a.ListenerArn == b.ListenerArn
        && a.LoadBalancerSecurityGroupId == b.LoadBalancerSecurityGroupId
        && (a.SubnetIds ?? []).SequenceEqual(b.SubnetIds ?? []) && (a.SubnetIds is null) == (b.SubnetIds is null);

    /// <summary>What an operation read before it planned: what a continuation must carry to plan the same again.</summary>
    private sealed record Observed(ResolvedNetwork Network, ResolvedNetwork? Previous);
}
