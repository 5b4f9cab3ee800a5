using FargateApi.Aws.Http;
using FargateApi.Aws.Services;
using FargateApi.Desired;
using FargateApi.Planning;
using FargateApi.Properties;
using FargateApi.Provisioning.Execution;
using FargateApi.Provisioning.Resources.ListenerRules;
using FargateApi.Provisioning.Resources.Network;
using FargateApi.Provisioning.Resources.Scaling;
using FargateApi.Provisioning.Resources.SecurityGroups;
using FargateApi.Provisioning.Resources.TargetGroups;
using FargateApi.Provisioning.Resources.TaskDefinitions;

namespace FargateApi.Provisioning;

/// <summary>
/// The lifecycle over AWS. Every operation is a plan run by the one executor: derive the desired stack (pure), plan (pure),
/// execute the plan's steps. Create and Update return the service ARN as physical id; a replacement returns the new
/// generation's. Steady-state waits that outgrow the invocation come back as a <see cref="LifecycleContinuation"/>.
/// </summary>
internal sealed class StackProvisioner(AwsApis aws, ProvisionerOptions options, TimeProvider time) : IResumableLifecycle
{
    /// <summary>Delete's bound when the edge gives no deadline: under Lambda's 15-minute maximum timeout.</summary>
    public static readonly TimeSpan DefaultDeleteBudget = TimeSpan.FromMinutes(14);

    private AwsEnvironment? _environment;

    public Task<LifecycleOutcome> CreateAsync(ResourceIdentity identity, ServiceProperties properties, CancellationToken cancellationToken) =>
        CreateCoreAsync(identity, properties, NewBudget(identity, properties, ContinuedOperation.Create), cancellationToken);

    public Task<LifecycleOutcome> UpdateAsync(ResourceIdentity identity, string physicalResourceId, ServiceProperties? oldProperties, ServiceProperties newProperties, CancellationToken cancellationToken) =>
        UpdateCoreAsync(identity, physicalResourceId, oldProperties, newProperties, NewBudget(identity, newProperties, ContinuedOperation.Update), cancellationToken);

    public Task<LifecycleOutcome> ResumeAsync(
        ResourceIdentity identity,
        LifecycleContinuation continuation,
        string? physicalResourceId,
        ServiceProperties? oldProperties,
        ServiceProperties newProperties,
        CancellationToken cancellationToken)
    {
        var budget = new WaitBudget(continuation.StartedAt, continuation.Deadline, identity.InvocationDeadline, continuation.Operation, continuation.Invocation);
        return continuation.Operation == ContinuedOperation.Update && physicalResourceId is not null
            ? UpdateCoreAsync(identity, physicalResourceId, oldProperties, newProperties, budget, cancellationToken)
            : CreateCoreAsync(identity, newProperties, budget, cancellationToken);
    }

    public async Task DeleteAsync(ResourceIdentity identity, string physicalResourceId, ServiceProperties? properties, CancellationToken cancellationToken)
    {
        var target = PhysicalIds.IsFailedCreate(physicalResourceId)
            ? new ServiceId(string.Empty, string.Empty, 0)
            : PhysicalIds.ParseServiceArn(physicalResourceId, properties);
        if (target is null)
        {
            return; // Not an id this provider hands out: nothing of ours stands behind it.
        }

        var deadline = identity.InvocationDeadline ?? time.GetUtcNow() + DefaultDeleteBudget;
        await DeleteGenerationAsync(identity, target, properties, deadline, cancellationToken).ConfigureAwait(false);
    }

    private async Task<LifecycleOutcome> CreateCoreAsync(ResourceIdentity identity, ServiceProperties properties, WaitBudget budget, CancellationToken cancellationToken)
    {
        var env = await EnvironmentAsync(cancellationToken).ConfigureAwait(false);
        var network = await ReadNetworkAsync(properties.Network, cancellationToken).ConfigureAwait(false);
        var desired = DesiredStack.From(properties, network, env, Owner(identity), generation: 0);
        return await ExecuteAsync(Plan.ForCreate(desired), budget, cancellationToken).ConfigureAwait(false);
    }

    private async Task<LifecycleOutcome> UpdateCoreAsync(
        ResourceIdentity identity,
        string physicalResourceId,
        ServiceProperties? oldProperties,
        ServiceProperties newProperties,
        WaitBudget budget,
        CancellationToken cancellationToken)
    {
        var id = PhysicalIds.ParseServiceArn(physicalResourceId, oldProperties ?? newProperties)
            ?? throw new ProvisioningException($"'{physicalResourceId}' is not the ARN of an ECS service this provider made; it cannot be updated.");
        var env = await EnvironmentAsync(cancellationToken).ConfigureAwait(false);
        var network = await NetworkResolver.ResolveAsync(newProperties.Network, aws, cancellationToken).ConfigureAwait(false);
        var owner = Owner(identity);
        var next = DesiredStack.From(newProperties, network, env, owner, id.Generation);
        if (oldProperties is null)
        {
            // Nothing to diff against: ensure every resource of this generation, as a Create would.
            return await ExecuteAsync(Plan.ForCreate(next), budget, cancellationToken).ConfigureAwait(false);
        }

        var oldNetwork = SameNetwork(oldProperties.Network, newProperties.Network)
            ? network
            : await NetworkResolver.ResolveAsync(oldProperties.Network, aws, cancellationToken).ConfigureAwait(false);
        var current = DesiredStack.From(oldProperties, oldNetwork, env, owner, id.Generation);
        var plan = Plan.ForUpdate(current, next);
        if (plan.Kind != PlanKind.Replace)
        {
            return await ExecuteAsync(plan, budget, cancellationToken).ConfigureAwait(false);
        }

        if (await ReplacementRollback.FindServingGenerationAsync(aws, next, id, cancellationToken).ConfigureAwait(false) is { } serving)
        {
            return await ReviveAsync(identity, serving, current, oldProperties, budget, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await ExecuteAsync(plan, budget, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is ProvisioningException or AwsServiceException)
        {
            // The new generation never served: remove what was built of it, so CloudFormation's rollback (which never
            // learns its id) leaves nothing behind. Best effort: the rollback Update cleans up again.
            await CleanUpGenerationAsync(identity, plan.Stack, newProperties, cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// A rollback: an existing generation already has what the update asks for (the old stack kept serving while the
    /// replacement was built). It takes the declared rule priority and the log group back (<see cref="Plan.ForRevive"/>)
    /// and its id is returned; a leftover newer generation the rollback abandons is removed by its Delete plan.
    /// </summary>
    private async Task<LifecycleOutcome> ReviveAsync(ResourceIdentity identity, DesiredStack serving, DesiredStack abandoned, ServiceProperties abandonedProperties, WaitBudget budget, CancellationToken cancellationToken)
    {
        var run = new StackRun(aws, time, options, Plan.ForRevive(serving), budget);
        await PlanExecutor.RunAsync(run, null, cancellationToken).ConfigureAwait(false);
        if (abandoned.Generation == serving.Generation)
        {
            await CleanUpGenerationAsync(identity, abandoned.AtGeneration(serving.Generation + 1), abandonedProperties, cancellationToken).ConfigureAwait(false);
        }

        return new LifecycleOutcome(serving.PhysicalResourceId, await DataAsync(run, cancellationToken).ConfigureAwait(false));
    }

    private async Task CleanUpGenerationAsync(ResourceIdentity identity, DesiredStack stack, ServiceProperties properties, CancellationToken cancellationToken)
    {
        var target = new ServiceId(stack.Service.Cluster, stack.Service.Name, stack.Generation);
        var deadline = identity.InvocationDeadline ?? time.GetUtcNow() + DefaultDeleteBudget;
        try
        {
            await DeleteGenerationAsync(identity, target, properties, deadline, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception cleanup) when (cleanup is ProvisioningException or AwsServiceException)
        {
            // The original failure is the one to report; the Delete of either id removes the rest.
        }
    }

    /// <summary>
    /// Delete of one generation: the Delete plan of the stack the properties describe at that generation, found by names and
    /// ownership tags, every step tolerant of what is already gone. Run a second time after
    /// <see cref="ProvisionerOptions.ConsistencyDelay"/> when the first found something missing: reads lag behind writes,
    /// and a Delete that follows a failed Create by seconds may not yet see what it made.
    /// </summary>
    private async Task DeleteGenerationAsync(ResourceIdentity identity, ServiceId target, ServiceProperties? properties, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var stack = await StackToDeleteAsync(identity, target, properties, cancellationToken).ConfigureAwait(false);
        if (stack is null)
        {
            return;
        }

        var plan = Plan.ForDelete(stack);
        var budget = new WaitBudget(time.GetUtcNow(), deadline, null, ContinuedOperation.Create, 0);
        var first = await PlanExecutor.RunAsync(new StackRun(aws, time, options, plan, budget), null, cancellationToken).ConfigureAwait(false);
        if (first.FoundNothing && time.GetUtcNow() + options.ConsistencyDelay < deadline)
        {
            await Task.Delay(options.ConsistencyDelay, time, cancellationToken).ConfigureAwait(false);
            await PlanExecutor.RunAsync(new StackRun(aws, time, options, plan, budget), null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The stack a Delete removes: the properties' stack at the id's generation, in the id's cluster. Null when the id names
    /// a service these properties would never have made (not one of our stacks). Without usable properties, the names come
    /// from the service name in the id; the log group is then kept, since its removal policy cannot be read.
    /// </summary>
    private async Task<DesiredStack?> StackToDeleteAsync(ResourceIdentity identity, ServiceId target, ServiceProperties? properties, CancellationToken cancellationToken)
    {
        var env = await EnvironmentAsync(cancellationToken).ConfigureAwait(false);
        var known = properties ?? (target.Service.Length > 0 ? PhysicalIds.PropertiesFromServiceName(target.Service) : null);
        if (known is null)
        {
            return null;
        }

        var network = properties is null
            ? new ResolvedNetwork(string.Empty, ValueList<string>.Empty, target.Cluster, string.Empty, string.Empty, string.Empty)
            : await NetworkResolver.ResolveLenientlyAsync(properties.Network, aws, cancellationToken).ConfigureAwait(false);
        if (target.Cluster.Length > 0 && network.ClusterName.Length > 0 && network.ClusterName != target.Cluster)
        {
            return null; // A service in another cluster than the properties' network: not one of our stacks.
        }

        var cluster = target.Cluster.Length > 0 ? target.Cluster : network.ClusterName;
        var stack = DesiredStack.From(known, network with { ClusterName = cluster }, env, Owner(identity), target.Generation);
        return target.Service.Length > 0 && target.Service != stack.Service.Name ? null : stack;
    }

    private async Task<LifecycleOutcome> ExecuteAsync(Plan plan, WaitBudget budget, CancellationToken cancellationToken)
    {
        var run = new StackRun(aws, time, options, plan, budget);
        var result = await PlanExecutor.RunAsync(run, NetworkReadDone(plan), cancellationToken).ConfigureAwait(false);
        if (!result.IsFinished)
        {
            var service = plan.Stack.Service;
            return new LifecycleOutcome(plan.PhysicalResourceId, new Dictionary<string, string>())
            {
                Continuation = new LifecycleContinuation(budget.Operation, service.Cluster, service.Name, budget.StartedAt, budget.Deadline, budget.Invocation + 1),
            };
        }

        return new LifecycleOutcome(plan.PhysicalResourceId, await DataAsync(run, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// A Create's network is read before the stack can be derived from it: the plan's read step has run by the time the plan
    /// exists. It is reported to the step observer where it ran, so what was run is still exactly the plan. (An Update reads
    /// the network too, as it reads what exists, before it can choose between an in-place and a replacing plan.)
    /// </summary>
    private static HashSet<string>? NetworkReadDone(Plan plan) =>
        plan.Steps.Where(step => step.Action == StepAction.ResolveNetwork).Select(step => step.Id).ToHashSet(StringComparer.Ordinal) is { Count: > 0 } done ? done : null;

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

    private WaitBudget NewBudget(ResourceIdentity identity, ServiceProperties properties, ContinuedOperation operation)
    {
        var now = time.GetUtcNow();
        return new WaitBudget(now, now + TimeSpan.FromSeconds(properties.ServiceTimeoutSeconds), identity.InvocationDeadline, operation, 0);
    }

    private async Task<AwsEnvironment> EnvironmentAsync(CancellationToken cancellationToken) =>
        _environment ??= await EnvironmentResolver.ResolveAsync(options, aws.Sts, cancellationToken).ConfigureAwait(false);

    private static Ownership Owner(ResourceIdentity identity) => new(identity.StackId, identity.LogicalResourceId);

    private static bool SameNetwork(NetworkProperties a, NetworkProperties b) =>
        a.ParameterPrefix == b.ParameterPrefix && a.VpcId == b.VpcId && a.ClusterName == b.ClusterName && a.ListenerArn == b.ListenerArn
        && a.LoadBalancerSecurityGroupId == b.LoadBalancerSecurityGroupId
        && (a.SubnetIds ?? []).SequenceEqual(b.SubnetIds ?? []) && (a.SubnetIds is null) == (b.SubnetIds is null);
}
