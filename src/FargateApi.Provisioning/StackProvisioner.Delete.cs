using FargateApi.Aws.Services;
using FargateApi.Desired;
using FargateApi.Planning;
using FargateApi.Properties;
using FargateApi.Provisioning.Execution;
using FargateApi.Provisioning.Resources.Network;
using FargateApi.Provisioning.Resources.Services;

namespace FargateApi.Provisioning;

/// <summary>The Delete: which stack an id stands for, and its plan run until nothing of it is left.</summary>
internal sealed partial class StackProvisioner
{
    /// <summary>
    /// Delete of one generation: the Delete plan of the stack the properties describe at the id's generation, found by
    /// names and ownership tags, every step tolerant of what is already gone. Run a second time after
    /// <see cref="ProvisionerOptions.ConsistencyDelay"/> when the first found something missing: reads lag behind writes,
    /// and a Delete that follows a failed Create by seconds may not yet see what it made. Task network interfaces may hold
    /// the security group past this invocation: the Delete then continues in the next one.
    /// </summary>
    private async Task<LifecycleOutcome> DeleteCoreAsync(ResourceIdentity identity, string physicalResourceId, ServiceProperties? properties, WaitBudget budget, LifecycleContinuation? resumed, CancellationToken cancellationToken)
    {
        // A Create that never answered (or answered FAILED) made, at most, the first generation under this resource's tags.
        var target = PhysicalIds.IsFailedCreate(physicalResourceId) || PhysicalIds.IsGeneratedByCloudFormation(physicalResourceId)
            ? new ServiceId(string.Empty, string.Empty, 0)
            : PhysicalIds.ParseServiceArn(physicalResourceId, properties);
        var done = LifecycleOutcome.Empty(physicalResourceId);
        if (target is null)
        {
            return done; // Not an id this provider hands out: nothing of ours stands behind it.
        }

        var network = resumed?.Network is { } read
            ? FromContinued(read)
            : properties is null ? null : await NetworkResolver.ResolveLenientlyAsync(properties.Network, aws, cancellationToken).ConfigureAwait(false);
        var stack = await StackToDeleteAsync(identity, target, properties, network, cancellationToken).ConfigureAwait(false);
        if (stack is null)
        {
            return done;
        }

        var plan = Plan.ForDelete(stack);
        var first = await RunAsync(plan, budget, resumed, cancellationToken).ConfigureAwait(false);
        if (!first.Result.IsFinished)
        {
            return Continue(plan, budget, first, new Observed(stack.Network, null), physicalResourceId);
        }

        if (first.Result.FoundNothing && time.GetUtcNow() + options.ConsistencyDelay < budget.Deadline)
        {
            await Task.Delay(options.ConsistencyDelay, time, cancellationToken).ConfigureAwait(false);
            var second = await RunAsync(plan, budget, null, cancellationToken).ConfigureAwait(false);
            if (!second.Result.IsFinished)
            {
                return Continue(plan, budget, second, new Observed(stack.Network, null), physicalResourceId);
            }
        }

        return done;
    }

    /// <summary>
    /// The stack a Delete removes: the properties' stack at the id's generation, in the id's cluster. Null when the id names
    /// a service these properties would never have made (not one of our stacks). Without usable properties, the names come
    /// from the service name in the id; the log group is then kept, since its removal policy cannot be read.
    /// </summary>
    private async Task<DesiredStack?> StackToDeleteAsync(ResourceIdentity identity, ServiceId target, ServiceProperties? properties, ResolvedNetwork? network, CancellationToken cancellationToken)
    {
        var env = await EnvironmentAsync(identity, cancellationToken).ConfigureAwait(false);
        var known = properties ?? (target.Service.Length > 0 ? PhysicalIds.PropertiesFromServiceName(target.Service) : null);
        if (known is null)
        {
            return null;
        }

        network ??= new ResolvedNetwork(string.Empty, ValueList<string>.Empty, target.Cluster, string.Empty, string.Empty, string.Empty);

        // The id names the cluster the service was made in, which the network parameters may no longer name.
        var cluster = target.Cluster.Length > 0 ? target.Cluster : network.ClusterName;
        var stack = DesiredStack.From(known, network with { ClusterName = cluster }, env, Owner(identity), target.Generation);
        if (target.Service.Length > 0 && target.Service != stack.Service.Name)
        {
            return null;
        }

        // An id in another cluster than today's network stands for this resource's stack only if its service was made there:
        // otherwise the names it implies are another generation's, live elsewhere.
        return cluster == network.ClusterName || network.ClusterName.Length == 0 || await ServiceWasMadeAsync(stack.Service, cancellationToken).ConfigureAwait(false)
            ? stack
            : null;
    }

    /// <summary>Whether the service exists (in any status, INACTIVE included) and is this resource's.</summary>
    private async Task<bool> ServiceWasMadeAsync(DesiredService service, CancellationToken cancellationToken)
    {
        try
        {
            var found = await ServiceModule.DescribeAsync(aws.Ecs, service.Cluster, service.Name, cancellationToken).ConfigureAwait(false);
            return found is not null && ServiceModule.IsOwned(found, service.Tags);
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.EcsClusterNotFound))
        {
            return false;
        }
    }
}
