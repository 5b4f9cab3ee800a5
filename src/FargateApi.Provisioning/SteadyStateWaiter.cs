using FargateApi.Aws.Services.Ecs;

namespace FargateApi.Provisioning;

/// <summary>
/// The ECS <c>ServicesStable</c> waiter's acceptors (ecs/2014-11-13/waiters-2.json): failure when the service is MISSING,
/// DRAINING or INACTIVE; success when it has exactly one deployment and runningCount == desiredCount. Two additions: a
/// deployment the circuit breaker marked FAILED fails the wait at once with ECS's own reasons, and a steady service that
/// runs another task definition than ours was rolled back. Instead of the waiter's 40 attempts the bound is the
/// resource's ServiceTimeout, across invocations.
/// </summary>
internal static class SteadyStateWaiter
{
    /// <summary>
    /// Polls that may answer MISSING before the waiter gives up. ServicesStable fails at once on MISSING, but ECS reads are
    /// eventually consistent: a service just created can be missing from the next DescribeServices ("The Amazon ECS API follows
    /// an eventual consistency model … the result of an API command you run … might not be immediately visible to all
    /// subsequent commands", https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html).
    /// </summary>
    public const int MissingPollsTolerated = 3;

    public static async Task WaitAsync(StackRun run, string cluster, string service, string? expectedTaskDefinition, string? containerName, CancellationToken cancellationToken)
    {
        var ecs = run.Aws.Ecs;
        var budget = run.Wait;
        var missing = 0;
        while (true)
        {
            var now = run.Time.GetUtcNow();
            var response = await ecs.DescribeServicesAsync(cluster, [service], cancellationToken).ConfigureAwait(false);
            var current = response.Services.FirstOrDefault();
            if (current is null && ++missing > MissingPollsTolerated)
            {
                throw new ProvisioningException($"Service {service} is missing from cluster {cluster} while waiting for it to become stable.");
            }

            if (current is null)
            {
                await DelayAsync(run, cluster, service, cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (current.Status is EcsValues.ServiceDraining or EcsValues.ServiceInactive)
            {
                throw new ProvisioningException($"Service {service} is {current.Status} while waiting for it to become stable.");
            }

            // Our deployment is the one rolling out our task definition; older deployments may carry an earlier FAILED state.
            var ours = expectedTaskDefinition is null
                ? current.Deployments.FirstOrDefault(deployment => deployment.Status == EcsValues.DeploymentPrimary) ?? current.Deployments.FirstOrDefault()
                : current.Deployments.FirstOrDefault(deployment => deployment.TaskDefinition == expectedTaskDefinition);
            run.Options.Progress?.Report(new WaitProgress(
                service,
                now - budget.StartedAt,
                current.RunningCount,
                current.DesiredCount,
                ours?.RolloutState,
                $"{current.Deployments.Count} deployment{(current.Deployments.Count == 1 ? string.Empty : "s")}"));
            if (ours is { RolloutState: EcsValues.RolloutFailed })
            {
                throw new ProvisioningException(await DeploymentFailureReport.DescribeAsync(ecs, cluster, current, ours, containerName, cancellationToken).ConfigureAwait(false));
            }

            if (current.Deployments.Count == 1 && current.RunningCount == current.DesiredCount)
            {
                if (expectedTaskDefinition is not null && current.TaskDefinition != expectedTaskDefinition)
                {
                    throw new ProvisioningException(
                        $"Service {service} settled on {current.TaskDefinition}, not {expectedTaskDefinition}: the deployment was rolled back. " +
                        await DeploymentFailureReport.DescribeAsync(ecs, cluster, current, null, containerName, cancellationToken).ConfigureAwait(false));
                }

                return;
            }

            if (now >= budget.Deadline)
            {
                throw new ProvisioningException(
                    $"Service {service} did not reach a steady state within ServiceTimeout ({(budget.Deadline - budget.StartedAt).TotalSeconds:0} s): " +
                    $"{current.RunningCount} of {current.DesiredCount} tasks running, {current.Deployments.Count} deployments. " +
                    DeploymentFailureReport.LatestEvents(current));
            }

            if (budget.InvocationDeadline is { } invocationEnds && now + run.Options.PollDelay + run.Options.ContinuationMargin >= invocationEnds)
            {
                throw new ContinuationRequiredException(cluster, service);
            }

            await DelayAsync(run, cluster, service, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task DelayAsync(StackRun run, string cluster, string service, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(run.Options.PollDelay, run.Time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The invocation is ending: nothing is half done between two polls, so the wait can go on in the next one.
            throw new ContinuationRequiredException(cluster, service);
        }
    }
}

/// <summary>A wait that must continue in a new invocation; the provisioner turns it into a <see cref="LifecycleContinuation"/>.</summary>
internal sealed class ContinuationRequiredException : Exception
{
    public ContinuationRequiredException()
    {
    }

    public ContinuationRequiredException(string message)
        : base(message)
    {
    }

    public ContinuationRequiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ContinuationRequiredException(string cluster, string service)
        : base($"Waiting for service {service} in cluster {cluster} continues in a new invocation.")
    {
        Cluster = cluster;
        Service = service;
    }

    public string Cluster { get; } = string.Empty;

    public string Service { get; } = string.Empty;
}
