using System.Globalization;
using FargateApi.Aws.Services.Ecs;
using FargateApi.Desired;

namespace FargateApi.Provisioning;

/// <summary>
/// The ECS service. CreateService carries a clientToken derived from stack id, logical id and generation, so the same
/// Create retried after a crash gets the service it already made instead of "Creation of service was not idempotent".
/// </summary>
internal static class ServiceSteps
{
    public static async Task EnsureAsync(StackRun run, CancellationToken cancellationToken)
    {
        var desired = run.Stack.Service;
        var ecs = run.Aws.Ecs;
        var taskDefinition = await TaskDefinitionArnAsync(run, cancellationToken).ConfigureAwait(false);
        var existing = await DescribeAsync(ecs, desired.Cluster, desired.Name, cancellationToken).ConfigureAwait(false);
        if (existing is { Status: EcsValues.ServiceActive })
        {
            if (!OwnershipCheck.IsOwnedBy(existing.Tags.Select(tag => KeyValuePair.Create(tag.Key, tag.Value)), desired.Tags))
            {
                throw OwnershipCheck.NotOurs("ECS service", desired.Name);
            }

            run.Outputs.Set(StackOutputs.ServiceArn, existing.ServiceArn!);
            if (existing.TaskDefinition != taskDefinition)
            {
                await UpdateAsync(run, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var securityGroup = await run.SecurityGroupIdAsync(cancellationToken).ConfigureAwait(false);
        var targetGroup = await run.TargetGroupArnAsync(cancellationToken).ConfigureAwait(false);
        var created = await ecs.CreateServiceAsync(
            new CreateServiceRequest
            {
                Cluster = desired.Cluster,
                ServiceName = desired.Name,
                TaskDefinition = taskDefinition,
                DesiredCount = desired.DesiredCount,
                ClientToken = ClientToken(run.Stack),
                LaunchType = desired.LaunchType,
                LoadBalancers = [new EcsLoadBalancer(targetGroup, desired.LoadBalancer.ContainerName, desired.LoadBalancer.ContainerPort)],
                NetworkConfiguration = Network(desired, securityGroup),
                DeploymentConfiguration = Deployment(desired),
                HealthCheckGracePeriodSeconds = desired.HealthCheckGracePeriodSeconds,
                EnableExecuteCommand = desired.EnableExecuteCommand,
                PropagateTags = desired.PropagateTags,
                Tags = EcsTag.From(desired.Tags),
            },
            cancellationToken).ConfigureAwait(false);
        run.Outputs.Set(StackOutputs.ServiceArn, created.ServiceArn ?? desired.Arn);
        if (created.TaskDefinition is { } running && running != taskDefinition)
        {
            // The clientToken answered with the service an earlier attempt made (the describe above did not see it yet).
            await UpdateAsync(run, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>UpdateService with every in-place value; ECS starts a deployment only when the task definition or network moved (or when forced).</summary>
    public static async Task UpdateAsync(StackRun run, CancellationToken cancellationToken)
    {
        var desired = run.Stack.Service;
        var taskDefinition = await TaskDefinitionArnAsync(run, cancellationToken).ConfigureAwait(false);
        var securityGroup = await run.SecurityGroupIdAsync(cancellationToken).ConfigureAwait(false);
        var execChanged = run.Previous is { } previous && previous.Service.EnableExecuteCommand != desired.EnableExecuteCommand;
        var countChanged = run.Previous is null || run.Previous.Service.DesiredCount != desired.DesiredCount;
        var service = await run.Aws.Ecs.UpdateServiceAsync(
            new UpdateServiceRequest
            {
                Cluster = desired.Cluster,
                Service = desired.Name,
                TaskDefinition = taskDefinition,

                // With auto scaling the count is the scaler's; only a changed DesiredCount is sent (as CloudFormation does).
                DesiredCount = run.Stack.Scaling is null || countChanged ? desired.DesiredCount : null,
                DeploymentConfiguration = Deployment(desired),
                // A network configuration in UpdateService starts a deployment: sent only when the subnets moved.
                NetworkConfiguration = run.Previous is null || run.Previous.Service.Subnets != desired.Subnets ? Network(desired, securityGroup) : null,
                HealthCheckGracePeriodSeconds = desired.HealthCheckGracePeriodSeconds,
                EnableExecuteCommand = desired.EnableExecuteCommand,

                // ECS Exec reaches only tasks started after the change.
                ForceNewDeployment = execChanged ? true : null,
            },
            cancellationToken).ConfigureAwait(false);
        run.Outputs.Set(StackOutputs.ServiceArn, service.ServiceArn ?? desired.Arn);
    }

    /// <summary>The service's task definition: the one this run registered, else the revision the service runs now.</summary>
    public static Task<string> TaskDefinitionArnAsync(StackRun run, CancellationToken cancellationToken) =>
        run.Outputs.RequireAsync(StackOutputs.TaskDefinitionArn, async () =>
        {
            var service = await DescribeAsync(run.Aws.Ecs, run.Stack.Service.Cluster, run.Stack.Service.Name, cancellationToken).ConfigureAwait(false);
            return service?.TaskDefinition;
        });

    public static async Task<EcsService?> DescribeAsync(IEcsClient ecs, string cluster, string name, CancellationToken cancellationToken)
    {
        var response = await ecs.DescribeServicesAsync(cluster, [name], cancellationToken).ConfigureAwait(false);
        return response.Services.FirstOrDefault();
    }

    /// <summary>Stable across retries of one generation's create, different between generations and resources.</summary>
    public static string ClientToken(DesiredStack stack)
    {
        var owner = stack.Inputs.Value.Owner;
        return EcsClientToken.FromIdempotencyKey(
            $"{owner.StackId}|{owner.LogicalResourceId}|{stack.Service.Cluster}|{stack.Service.Name}|{stack.Generation.ToString(CultureInfo.InvariantCulture)}");
    }

    private static EcsNetworkConfiguration Network(DesiredService desired, string securityGroup) =>
        new(new AwsVpcConfiguration([.. desired.Subnets], [securityGroup], desired.AssignPublicIp));

    private static DeploymentConfiguration Deployment(DesiredService desired) =>
        new(
            new DeploymentCircuitBreaker(desired.Deployment.CircuitBreakerEnable, desired.Deployment.CircuitBreakerRollback),
            desired.Deployment.MaximumPercent,
            desired.Deployment.MinimumHealthyPercent);
}
