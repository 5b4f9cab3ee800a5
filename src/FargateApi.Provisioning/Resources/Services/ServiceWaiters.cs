using FargateApi.Aws.Services;
using FargateApi.Aws.Services.Ecs;
using FargateApi.Desired;
using FargateApi.Provisioning.Execution;
using FargateApi.Provisioning.Waiting;

namespace FargateApi.Provisioning.Resources.Services;

/// <summary>What DescribeServices said at one poll; <see cref="Missing"/> counts the polls that did not find the service.</summary>
internal sealed record ServiceObservation(EcsService? Service, int Missing);

/// <summary>
/// The ECS waiters (ecs/2014-11-13/waiters-2.json), as the executor's poller runs them. Their timings are botocore's:
/// DescribeServices every 15 s (<see cref="ProvisionerOptions.DefaultPollDelay"/>).
/// </summary>
internal static class ServiceWaiters
{
    /// <summary>
    /// Polls that may answer MISSING before the waiter gives up. ServicesStable fails at once on MISSING, but ECS reads are
    /// eventually consistent: a service just created can be missing from the next DescribeServices ("The Amazon ECS API follows
    /// an eventual consistency model … the result of an API command you run … might not be immediately visible to all
    /// subsequent commands", https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html).
    /// </summary>
    public const int MissingPollsTolerated = 3;

    /// <summary>
    /// ServicesStable's acceptors: failure when the service is MISSING, DRAINING or INACTIVE; success when it has exactly one
    /// deployment and runningCount == desiredCount. Two additions: a deployment the circuit breaker marked FAILED fails the
    /// wait at once with ECS's own reasons, and a steady service that runs another task definition than ours was rolled
    /// back. Instead of the waiter's 40 attempts the bound is the resource's ServiceTimeout, across invocations.
    /// </summary>
    public static Waiter<ServiceObservation> Stable(StackRun run, DesiredService service, string? expectedTaskDefinition, string? containerName)
    {
        var ecs = run.Aws.Ecs;
        var missing = 0;
        var budget = run.Budget;

        EcsDeployment? Ours(EcsService current) => expectedTaskDefinition is null
            ? current.Deployments.FirstOrDefault(deployment => deployment.Status == EcsValues.DeploymentPrimary) ?? current.Deployments.FirstOrDefault()
            : current.Deployments.FirstOrDefault(deployment => deployment.TaskDefinition == expectedTaskDefinition);

        // One deployment with its tasks running (botocore ServicesStable), and that deployment COMPLETED where ECS reports a
        // rollout state: "When the service reaches a steady state, the deployment transitions to a COMPLETED state" (ECS API
        // reference, Deployment.rolloutState), which for a service behind a load balancer means its targets are healthy.
        // Running tasks alone come sooner (aws-cli#9487, botocore#1021): a task can run and still fail its health checks.
        static bool Settled(EcsService current) =>
            current.Deployments.Count == 1 && current.RunningCount == current.DesiredCount
            && current.Deployments[0].RolloutState is null or EcsValues.RolloutCompleted;

        return new Waiter<ServiceObservation>(
            $"service {service.Name} to become stable",
            async cancellationToken =>
            {
                var current = (await ecs.DescribeServicesAsync(service.Cluster, [service.Name], cancellationToken).ConfigureAwait(false)).Services.FirstOrDefault();
                missing += current is null ? 1 : 0;
                return new ServiceObservation(current, missing);
            },
            [
                Acceptor<ServiceObservation>.Failure(
                    o => o.Service is null && o.Missing > MissingPollsTolerated,
                    _ => $"Service {service.Name} is missing from cluster {service.Cluster} while waiting for it to become stable."),
                Acceptor<ServiceObservation>.Retry(o => o.Service is null),
                Acceptor<ServiceObservation>.Failure(
                    o => o.Service!.Status is EcsValues.ServiceDraining or EcsValues.ServiceInactive,
                    o => $"Service {service.Name} is {o.Service!.Status} while waiting for it to become stable."),

                // Our deployment is the one rolling out our task definition; older deployments may carry an earlier FAILED state.
                Acceptor<ServiceObservation>.Failure(
                    o => Ours(o.Service!) is { RolloutState: EcsValues.RolloutFailed },
                    (o, cancellationToken) => DeploymentFailureReport.DescribeAsync(ecs, service.Cluster, o.Service!, Ours(o.Service!), containerName, cancellationToken)),
                Acceptor<ServiceObservation>.Failure(
                    o => Settled(o.Service!) && expectedTaskDefinition is not null && o.Service!.TaskDefinition != expectedTaskDefinition,
                    async (o, cancellationToken) =>
                        $"Service {service.Name} settled on {o.Service!.TaskDefinition}, not {expectedTaskDefinition}: the deployment was rolled back. " +
                        await DeploymentFailureReport.DescribeAsync(ecs, service.Cluster, o.Service!, null, containerName, cancellationToken).ConfigureAwait(false)),
                Acceptor<ServiceObservation>.Success(o => Settled(o.Service!)),
            ],
            run.Options.PollDelay,
            run.Options.PollDelay,
            (o, _) => Task.FromResult<Exception?>(new ProvisioningException(
                $"Service {service.Name} did not reach a steady state within ServiceTimeout ({budget.ServiceTimeout.TotalSeconds:0} s): " +
                (o.Service is { } current
                    ? $"{current.RunningCount} of {current.DesiredCount} tasks running, {current.Deployments.Count} deployments. {DeploymentFailureReport.LatestEvents(current)}"
                    : "it could not be found."))))
        {
            Observed = o =>
            {
                if (o.Service is { } current)
                {
                    run.Options.Progress?.Report(new WaitProgress(
                        service.Name,
                        run.Time.GetUtcNow() - budget.StartedAt,
                        current.RunningCount,
                        current.DesiredCount,
                        Ours(current)?.RolloutState,
                        $"{current.Deployments.Count} deployment{(current.Deployments.Count == 1 ? string.Empty : "s")}"));
                }
            },
        };
    }

    /// <summary>
    /// ServicesInactive: DescribeServices until the service is INACTIVE (or MISSING). Bounded by
    /// <see cref="ProvisionerOptions.MaxInactivePolls"/> (botocore: 40 × 15 s) and then given up quietly: what the service
    /// held (the security group) is retried on its own until its task ENIs are gone.
    /// </summary>
    public static Waiter<EcsService?> Inactive(StackRun run, DesiredService service) =>
        new(
            $"service {service.Name} to become inactive",
            async cancellationToken =>
            {
                try
                {
                    return await ServiceModule.DescribeAsync(run.Aws.Ecs, service.Cluster, service.Name, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception error) when (error.Is(AwsErrorCodes.EcsClusterNotFound))
                {
                    return null;
                }
            },
            [Acceptor<EcsService?>.Success(current => current is null || current.Status == EcsValues.ServiceInactive)],
            run.Options.PollDelay,
            run.Options.PollDelay,
            (_, _) => Task.FromResult<Exception?>(null))
        {
            MaxAttempts = run.Options.MaxInactivePolls,
        };
}
