using System.Globalization;
using FargateApi.Aws.Services;
using FargateApi.Provisioning;

namespace FargateApi.Cli.Commands;

/// <summary>One thing an Update changed on the running service, old → new.</summary>
internal sealed record StateChange(string What, string Old, string New)
{
    public override string ToString() => $"{What}: {Old} → {New}";
}

/// <summary>
/// The service a phase ended with, as ECS describes it (its name, task definition revision, image, size and count): what
/// <c>simulate</c> compares across an Update to say what changed, beyond which resources were made or removed.
/// </summary>
internal sealed record ServiceState(string Service, string TaskDefinition, string Image, string Size, int DesiredCount)
{
    /// <summary>Reads the service named by a lifecycle outcome (its physical id and Data.ClusterName); null when there is none.</summary>
    public static async Task<ServiceState?> ReadAsync(AwsApis aws, LifecycleOutcome outcome, CancellationToken cancellationToken)
    {
        if (!outcome.Data.TryGetValue("ClusterName", out var cluster) || outcome.PhysicalResourceId.Length == 0)
        {
            return null;
        }

        var described = await aws.Ecs.DescribeServicesAsync(cluster, [outcome.PhysicalResourceId], cancellationToken).ConfigureAwait(false);
        if (described.Services.FirstOrDefault() is not { TaskDefinition: { } taskDefinitionArn } service)
        {
            return null;
        }

        var taskDefinition = (await aws.Ecs.DescribeTaskDefinitionAsync(taskDefinitionArn, cancellationToken).ConfigureAwait(false)).TaskDefinition;
        return new ServiceState(
            service.ServiceName ?? outcome.PhysicalResourceId,
            taskDefinition is { Family: { } family } ? string.Create(CultureInfo.InvariantCulture, $"{family}:{taskDefinition.Revision}") : taskDefinitionArn,
            taskDefinition?.ContainerDefinitions.FirstOrDefault()?.Image ?? "(none)",
            $"Cpu {taskDefinition?.Cpu ?? "?"}, Memory {taskDefinition?.Memory ?? "?"}",
            service.DesiredCount);
    }

    /// <summary>What differs, in the order a reader cares: a new service (a replacement), then its task definition and what is in it.</summary>
    public static IReadOnlyList<StateChange> Compare(ServiceState? before, ServiceState? after)
    {
        if (before is null || after is null)
        {
            return [];
        }

        var changes = new List<StateChange>();
        void Add(string what, string old, string next)
        {
            if (old != next)
            {
                changes.Add(new StateChange(what, old, next));
            }
        }

        Add("service", before.Service, after.Service);
        Add("task definition", before.TaskDefinition, after.TaskDefinition);
        Add("image", before.Image, after.Image);
        Add("size", before.Size, after.Size);
        Add("desired count", before.DesiredCount.ToString(CultureInfo.InvariantCulture), after.DesiredCount.ToString(CultureInfo.InvariantCulture));
        return changes;
    }
}
