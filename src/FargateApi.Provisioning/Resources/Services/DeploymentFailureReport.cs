using System.Globalization;
using System.Text;
using FargateApi.Aws.Services.Ecs;

namespace FargateApi.Provisioning.Resources.Services;

/// <summary>
/// Why a deployment failed, in ECS's own words: the rollout state reason, the latest service events, and the latest
/// stopped task's stoppedReason with the essential container's exit code — what a person would otherwise dig out of the
/// console (research: "report rollback as a failure", copilot-cli#1879).
/// </summary>
internal static class DeploymentFailureReport
{
    /// <summary>Service events quoted (newest first).</summary>
    public const int EventsQuoted = 3;

    public static async Task<string> DescribeAsync(IEcsClient ecs, string cluster, EcsService service, EcsDeployment? failed, string? containerName, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        if (failed is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"The deployment of service {service.ServiceName} failed: {failed.RolloutStateReason ?? "rollout state FAILED"}");
            text.Append(CultureInfo.InvariantCulture, $" ({failed.FailedTasks} failed tasks). ");
        }

        if (await LatestStoppedTaskAsync(ecs, cluster, service.ServiceName!, cancellationToken).ConfigureAwait(false) is { } task)
        {
            text.Append(CultureInfo.InvariantCulture, $"Latest stopped task {TaskId(task)}: {task.StoppedReason ?? task.StopCode ?? "no reason given"}");
            var container = task.Containers.FirstOrDefault(c => c.Name == containerName)
                ?? task.Containers.FirstOrDefault(c => c.ExitCode is not null and not 0)
                ?? task.Containers.FirstOrDefault();
            if (container is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $"; container {container.Name} exit code {(container.ExitCode is { } code ? code.ToString(CultureInfo.InvariantCulture) : "none")}");
                if (!string.IsNullOrEmpty(container.Reason))
                {
                    text.Append(CultureInfo.InvariantCulture, $" ({container.Reason})");
                }
            }

            text.Append(". ");
        }

        text.Append(LatestEvents(service));
        return text.ToString().Trim();
    }

    public static string LatestEvents(EcsService service)
    {
        var events = service.Events
            .OrderByDescending(e => e.CreatedAt ?? DateTimeOffset.MinValue)
            .Take(EventsQuoted)
            .Select(e => e.Message)
            .OfType<string>()
            .ToList();
        return events.Count == 0 ? string.Empty : $"Latest service events: {string.Join(" | ", events)}";
    }

    private static async Task<EcsTask?> LatestStoppedTaskAsync(IEcsClient ecs, string cluster, string serviceName, CancellationToken cancellationToken)
    {
        var arns = new List<string>();
        await foreach (var arn in ecs.ListAllTasksAsync(new ListTasksRequest { Cluster = cluster, ServiceName = serviceName, DesiredStatus = EcsValues.DesiredStatusStopped }, cancellationToken).ConfigureAwait(false))
        {
            arns.Add(arn);
            if (arns.Count == EcsLimits.MaxTasksPerDescribe)
            {
                break;
            }
        }

        if (arns.Count == 0)
        {
            return null;
        }

        var tasks = await ecs.DescribeTasksAsync(cluster, arns, cancellationToken).ConfigureAwait(false);
        return tasks.Tasks.OrderByDescending(task => task.StoppedAt ?? DateTimeOffset.MinValue).FirstOrDefault();
    }

    private static string TaskId(EcsTask task) => task.TaskArn is { } arn ? arn[(arn.LastIndexOf('/') + 1)..] : "(unknown)";
}
