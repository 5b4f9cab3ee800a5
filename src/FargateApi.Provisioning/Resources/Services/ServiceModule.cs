using System.Globalization;
using FargateApi.Aws.Services;
using FargateApi.Aws.Services.Ecs;
using FargateApi.Desired;
using FargateApi.Planning;
using FargateApi.Provisioning.Execution;
using FargateApi.Provisioning.Resources.SecurityGroups;
using FargateApi.Provisioning.Resources.TargetGroups;
using FargateApi.Provisioning.Resources.TaskDefinitions;
using FargateApi.Provisioning.Waiting;

namespace FargateApi.Provisioning.Resources.Services;

/// <summary>
/// The ECS service. CreateService carries a clientToken derived from stack id, logical id and generation, so the same
/// Create retried after a crash gets the service it already made instead of "Creation of service was not idempotent".
/// </summary>
internal sealed class ServiceModule : ResourceModule
{
    public override ResourceKind Kind => ResourceKind.Service;

    /// <summary>
    /// CreateService with a clientToken, so the same create retried gets the service it already made. A service of that name
    /// made otherwise ("Creation of service was not idempotent") is this resource's only if its tags say so; it is then
    /// brought to this run's task definition.
    /// </summary>
    protected override async Task<StepOutcome> CreateAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredService>(step);
        var ecs = run.Aws.Ecs;
        var taskDefinition = await TaskDefinitionModule.ArnAsync(run, cancellationToken).ConfigureAwait(false);
        var securityGroup = await SecurityGroupModule.GroupIdAsync(run, run.Stack.SecurityGroup, cancellationToken).ConfigureAwait(false);
        var targetGroup = await TargetGroupModule.ArnAsync(run, run.Stack.TargetGroup, cancellationToken).ConfigureAwait(false);
        EcsService created;
        try
        {
            var request = new CreateServiceRequest
            {
                Cluster = desired.Cluster,
                ServiceName = desired.Name,
                TaskDefinition = taskDefinition,
                DesiredCount = desired.DesiredCount,
                ClientToken = ClientToken(run.Stack, run.Budget.RequestId),
                LaunchType = desired.LaunchType,
                LoadBalancers = [new EcsLoadBalancer(targetGroup, desired.LoadBalancer.ContainerName, desired.LoadBalancer.ContainerPort)],
                NetworkConfiguration = Network(desired, securityGroup),
                DeploymentConfiguration = Deployment(desired),
                HealthCheckGracePeriodSeconds = desired.HealthCheckGracePeriodSeconds,
                EnableExecuteCommand = desired.EnableExecuteCommand,
                PropagateTags = desired.PropagateTags,
                Tags = EcsTag.From(desired.Tags),
            };
            created = await Propagation.RetryAsync(
                run,
                token => ecs.CreateServiceAsync(request, token),
                error => Propagation.TargetGroupNotYetAssociated(error) || Propagation.PassRoleNotYetVisible(error),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.EcsInvalidParameter)
            && (error.Message.Contains("not idempotent", StringComparison.OrdinalIgnoreCase) || error.Message.Contains("still Draining", StringComparison.OrdinalIgnoreCase)))
        {
            var existing = await DescribeAsync(ecs, desired.Cluster, desired.Name, cancellationToken).ConfigureAwait(false);
            if (existing is not null && !IsOwned(existing, desired.Tags))
            {
                throw OwnershipCheck.NotOurs("ECS service", desired.Name, existing.Tags.Select(tag => KeyValuePair.Create(tag.Key, tag.Value)));
            }

            if (existing is { Status: EcsValues.ServiceDraining })
            {
                // This resource's service of that name was deleted and still drains (a delete then a create, a replacement
                // back onto an old name): ECS refuses the name until it is INACTIVE ("Unable to Start a service that is
                // still Draining", spinnaker/spinnaker#5476), which lasts the deregistration delay (hashicorp/terraform#9397).
                var drained = await Poller.RunAsync(ServiceWaiters.Inactive(run, desired), run.PollBudget, run.Time, cancellationToken).ConfigureAwait(false);
                return drained.Succeeded ? await CreateAsync(step, run, cancellationToken).ConfigureAwait(false) : StepOutcome.ContinueLater;
            }

            if (existing is not { Status: EcsValues.ServiceActive })
            {
                throw;
            }

            created = existing;
        }

        run.Outputs.Set(Outputs.ServiceArn, created.ServiceArn ?? desired.Arn);
        if (created.TaskDefinition is { } running && running != taskDefinition)
        {
            // The service an earlier attempt made: it runs an older revision.
            await SendUpdateAsync(run, desired, null, ValueList<FieldChange>.Empty, cancellationToken).ConfigureAwait(false);
        }

        return StepOutcome.Done;
    }

    /// <summary>UpdateService with the values the step's changes call for; ECS starts a deployment only when the task
    /// definition or network moved (or when forced).</summary>
    protected override async Task<StepOutcome> UpdateAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredService>(step);
        await SendUpdateAsync(run, desired, PreviousOf<DesiredService>(step), step.Changes, cancellationToken).ConfigureAwait(false);
        return StepOutcome.Done;
    }

    /// <summary>Force-deletes the service if it is ours; ECS drains its tasks itself.</summary>
    protected override async Task<StepOutcome> DeleteAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredService>(step);
        var service = run.Facts.TryGetValue(ToDelete(desired), out var read) && read is EcsService known
            ? known
            : await OwnedForDeletionAsync(run, desired, cancellationToken).ConfigureAwait(false);
        if (service is null)
        {
            return StepOutcome.FoundNothing;
        }

        if (service.Status == EcsValues.ServiceActive)
        {
            await AwsErrorMatch.IgnoringAsync(
                () => run.Aws.Ecs.DeleteServiceAsync(new DeleteServiceRequest(desired.Cluster, desired.Name, Force: true), cancellationToken),
                AwsErrorCodes.EcsServiceNotFound, AwsErrorCodes.EcsServiceNotActive).ConfigureAwait(false);
        }

        return StepOutcome.Done;
    }

    protected override async Task<StepOutcome> WaitAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredService>(step);
        if (step.Until == WaitCondition.Inactive)
        {
            await Poller.RunAsync(ServiceWaiters.Inactive(run, desired), run.PollBudget, run.Time, cancellationToken).ConfigureAwait(false);
            return StepOutcome.Done;
        }

        var taskDefinition = await TaskDefinitionModule.ArnAsync(run, cancellationToken).ConfigureAwait(false);
        var result = await Poller.RunAsync(ServiceWaiters.Stable(run, desired, taskDefinition, run.Stack.TaskDefinition.Container.Name), run.PollBudget, run.Time, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? StepOutcome.Done : StepOutcome.ContinueLater;
    }

    protected override async Task<StepOutcome> TagAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredService>(step);
        await EcsTagging.ApplyAsync(run.Aws.Ecs, desired.Arn, desired.Tags, PreviousOf<DesiredService>(step)?.Tags, cancellationToken).ConfigureAwait(false);
        return StepOutcome.Done;
    }

    public static async Task<EcsService?> DescribeAsync(IEcsClient ecs, string cluster, string name, CancellationToken cancellationToken)
    {
        var response = await ecs.DescribeServicesAsync(cluster, [name], cancellationToken).ConfigureAwait(false);
        return response.Services.FirstOrDefault();
    }

    /// <summary>
    /// The Delete's read of the service, a step of its own before the delete so the plan shows the call it waits for: the
    /// service if it is ours, handed to the delete step (<see cref="ToDelete"/>), which reads again what this did not find.
    /// </summary>
    protected override async Task<StepOutcome> ReadAsync(Step step, StackRun run, CancellationToken cancellationToken)
    {
        var desired = SpecOf<DesiredService>(step);
        var service = await OwnedForDeletionAsync(run, desired, cancellationToken).ConfigureAwait(false);
        if (service is null)
        {
            return StepOutcome.FoundNothing;
        }

        run.Facts[ToDelete(desired)] = service;
        return StepOutcome.Done;
    }

    private static string ToDelete(DesiredService desired) => "ServiceToDelete:" + desired.Cluster + "/" + desired.Name;

    /// <summary>The service if it exists (in any state) and carries this resource's tags; null when it is gone or not ours.</summary>
    /// <remarks>
    /// A service made seconds before (a Delete that follows a cancelled Create closely) may not show yet: ECS reads are
    /// eventually consistent ("The Amazon ECS API follows an eventual consistency model", API_RunTask.html;
    /// hashicorp/terraform-provider-aws#11693 retries on "ECS service doesn't exist" for the same reason). One that
    /// is missing is read again for <see cref="MissingServiceRereadWindow"/> before the run takes it for never made; the
    /// run remembers that, so its later steps do not wait again. Missing it would leave its tasks running and their network
    /// interfaces holding the security group.
    /// </remarks>
    public static async Task<EcsService?> OwnedForDeletionAsync(StackRun run, DesiredService desired, CancellationToken cancellationToken)
    {
        var missingKey = "ServiceMissing:" + desired.Cluster + "/" + desired.Name;
        var window = run.Facts.ContainsKey(missingKey) ? TimeSpan.Zero : MissingServiceRereadWindow;
        EcsService? service;
        try
        {
            service = await ReadAfterWrite.ReadOrMissingAsync(
                run.Time,
                run.Options.ConsistencyDelay,
                window,
                token => DescribeAsync(run.Aws.Ecs, desired.Cluster, desired.Name, token),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.EcsClusterNotFound))
        {
            return null;
        }

        if (service is null)
        {
            run.Facts[missingKey] = true;
        }

        return service is not null && IsOwned(service, desired.Tags) ? service : null;
    }

    /// <summary>How long a missing service is read again: reported ECS read lags are seconds.</summary>
    private static readonly TimeSpan MissingServiceRereadWindow = TimeSpan.FromSeconds(15);

    public static bool IsOwned(EcsService service, ValueMap owner) =>
        OwnershipCheck.IsOwnedBy(service.Tags.Select(tag => KeyValuePair.Create(tag.Key, tag.Value)), owner);

    /// <summary>
    /// The same for every attempt of one CloudFormation request (a crash retried, a continuation), different for the next
    /// request: a later re-create of the same name (delete then create, a replacement landing on an old name) is a new
    /// service, not a retry of the old one's create ("Creation of service was not idempotent", ECS_Idempotency.html).
    /// </summary>
    public static string ClientToken(DesiredStack stack, string requestId)
    {
        var owner = stack.Inputs.Value.Owner;
        return EcsClientToken.FromIdempotencyKey(
            $"{owner.StackId}|{owner.LogicalResourceId}|{requestId}|{stack.Service.Cluster}|{stack.Service.Name}|{stack.Generation.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>
    /// UpdateService with every in-place value. <paramref name="previous"/> null: the service was found rather than planned
    /// (an ensure), so the desired count and network go along as they are.
    /// </summary>
    private static async Task SendUpdateAsync(StackRun run, DesiredService desired, DesiredService? previous, ValueList<FieldChange> changes, CancellationToken cancellationToken)
    {
        var taskDefinition = await TaskDefinitionModule.ArnAsync(run, cancellationToken).ConfigureAwait(false);
        var securityGroup = await SecurityGroupModule.GroupIdAsync(run, run.Stack.SecurityGroup, cancellationToken).ConfigureAwait(false);
        bool Moved(string field) => previous is null || changes.Any(change => change.Field == field);

        // A moved container port moves the load balancer mapping in the same call as the task definition that has the new port
        // (ECS refuses a mapping to a port the task definition does not define). Sent when it changed, or by an ensure, which
        // cannot know what the service runs: ECS starts a new deployment for a changed mapping (UpdateService, loadBalancers).
        IReadOnlyList<EcsLoadBalancer>? loadBalancers = Moved("LoadBalancer")
            ? [new EcsLoadBalancer(
                await TargetGroupModule.ArnAsync(run, run.Stack.TargetGroup, cancellationToken).ConfigureAwait(false),
                desired.LoadBalancer.ContainerName,
                desired.LoadBalancer.ContainerPort)]
            : null;
        var service = await run.Aws.Ecs.UpdateServiceAsync(
            new UpdateServiceRequest
            {
                Cluster = desired.Cluster,
                Service = desired.Name,
                TaskDefinition = taskDefinition,

                // With auto scaling the count is the scaler's; only a changed DesiredCount is sent (as CloudFormation does).
                DesiredCount = run.Stack.Scaling is null || Moved("DesiredCount") ? desired.DesiredCount : null,
                DeploymentConfiguration = Deployment(desired),

                // A network configuration in UpdateService starts a deployment: sent only when the subnets moved.
                NetworkConfiguration = Moved("NetworkConfiguration.Subnets") ? Network(desired, securityGroup) : null,
                HealthCheckGracePeriodSeconds = desired.HealthCheckGracePeriodSeconds,
                EnableExecuteCommand = desired.EnableExecuteCommand,
                LoadBalancers = loadBalancers,

                // ECS Exec reaches only tasks started after the change.
                ForceNewDeployment = previous is not null && Moved("EnableExecuteCommand") ? true : null,
            },
            cancellationToken).ConfigureAwait(false);
        run.Outputs.Set(Outputs.ServiceArn, service.ServiceArn ?? desired.Arn);
    }

    private static EcsNetworkConfiguration Network(DesiredService desired, string securityGroup) =>
        new(new AwsVpcConfiguration([.. desired.Subnets], [securityGroup], desired.AssignPublicIp));

    private static DeploymentConfiguration Deployment(DesiredService desired) =>
        new(
            new DeploymentCircuitBreaker(desired.Deployment.CircuitBreakerEnable, desired.Deployment.CircuitBreakerRollback),
            desired.Deployment.MaximumPercent,
            desired.Deployment.MinimumHealthyPercent);
}
