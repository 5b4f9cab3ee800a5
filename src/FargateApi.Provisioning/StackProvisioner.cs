using FargateApi.Aws.Http;
using FargateApi.Aws.Services;
using FargateApi.Desired;
using FargateApi.Planning;
using FargateApi.Properties;

namespace FargateApi.Provisioning;

/// <summary>
/// The lifecycle over AWS: derive the desired stack (pure), plan (pure), execute the plan's waves of idempotent steps.
/// Create and Update return the service ARN as physical id; a replacement returns the new generation's. Steady-state
/// waits that outgrow the invocation come back as a <see cref="LifecycleContinuation"/>.
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
        await new StackDeleter(aws, time, options).DeleteAsync(identity, target, properties, deadline, cancellationToken).ConfigureAwait(false);
    }

    private async Task<LifecycleOutcome> CreateCoreAsync(ResourceIdentity identity, ServiceProperties properties, WaitBudget budget, CancellationToken cancellationToken)
    {
        var env = await EnvironmentAsync(cancellationToken).ConfigureAwait(false);
        var network = await NetworkResolver.ResolveAsync(properties.Network, aws, cancellationToken).ConfigureAwait(false);
        var desired = DesiredStack.From(properties, network, env, Owner(identity), generation: 0);
        var run = new StackRun(aws, time, options, Plan.ForCreate(desired), desired, null, budget);
        return await ExecuteAsync(run, cancellationToken).ConfigureAwait(false);
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
            return await ExecuteAsync(new StackRun(aws, time, options, Plan.ForCreate(next), next, null, budget), cancellationToken).ConfigureAwait(false);
        }

        var oldNetwork = SameNetwork(oldProperties.Network, newProperties.Network)
            ? network
            : await NetworkResolver.ResolveAsync(oldProperties.Network, aws, cancellationToken).ConfigureAwait(false);
        var current = DesiredStack.From(oldProperties, oldNetwork, env, owner, id.Generation);
        var plan = Plan.ForUpdate(current, next);
        if (plan.Kind != PlanKind.Replace)
        {
            return await ExecuteAsync(new StackRun(aws, time, options, plan, plan.Stack, current, budget), cancellationToken).ConfigureAwait(false);
        }

        if (await ReplacementRollback.FindServingGenerationAsync(aws, next, id, cancellationToken).ConfigureAwait(false) is { } serving)
        {
            return await ReviveAsync(identity, serving, current, oldProperties, budget, cancellationToken).ConfigureAwait(false);
        }

        var run = new StackRun(aws, time, options, plan, plan.Stack, current, budget);
        try
        {
            return await ExecuteAsync(run, cancellationToken).ConfigureAwait(false);
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
    /// replacement was built). It takes the declared rule priority back and its id is returned; a leftover newer
    /// generation the rollback abandons is removed.
    /// </summary>
    private async Task<LifecycleOutcome> ReviveAsync(ResourceIdentity identity, DesiredStack serving, DesiredStack abandoned, ServiceProperties abandonedProperties, WaitBudget budget, CancellationToken cancellationToken)
    {
        var run = new StackRun(aws, time, options, Plan.ForUpdate(serving, serving), serving, null, budget);
        await ListenerRuleSteps.SwapAsync(run, cancellationToken).ConfigureAwait(false);

        // The shared log group's ownership goes back to the generation that serves.
        await LogGroupSteps.EnsureAsync(run, cancellationToken).ConfigureAwait(false);
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
            await new StackDeleter(aws, time, options).DeleteAsync(identity, target, properties, deadline, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception cleanup) when (cleanup is ProvisioningException or AwsServiceException)
        {
            // The original failure is the one to report; the Delete of either id removes the rest.
        }
    }

    private async Task<LifecycleOutcome> ExecuteAsync(StackRun run, CancellationToken cancellationToken)
    {
        try
        {
            await PlanExecutor.RunAsync(run, cancellationToken).ConfigureAwait(false);
        }
        catch (ContinuationRequiredException wait)
        {
            var budget = run.Wait;
            return new LifecycleOutcome(run.Stack.PhysicalResourceId, new Dictionary<string, string>())
            {
                Continuation = new LifecycleContinuation(budget.Operation, wait.Cluster, wait.Service, budget.StartedAt, budget.Deadline, budget.Invocation + 1),
            };
        }

        return new LifecycleOutcome(run.Stack.PhysicalResourceId, await DataAsync(run, cancellationToken).ConfigureAwait(false));
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
            ["TaskDefinitionArn"] = await ServiceSteps.TaskDefinitionArnAsync(run, cancellationToken).ConfigureAwait(false),
            ["TaskRoleArn"] = stack.TaskDefinition.TaskRoleArn,
            ["ExecutionRoleArn"] = stack.TaskDefinition.ExecutionRoleArn,
            ["TargetGroupArn"] = await run.TargetGroupArnAsync(cancellationToken).ConfigureAwait(false),
            ["ListenerRuleArn"] = await run.ListenerRuleArnAsync(cancellationToken).ConfigureAwait(false),
            ["SecurityGroupId"] = await run.SecurityGroupIdAsync(cancellationToken).ConfigureAwait(false),
            ["LogGroupName"] = stack.LogGroup.Name,
            ["ScalableTargetId"] = ScalingSteps.ScalableTargetId(stack.Scaling),
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
