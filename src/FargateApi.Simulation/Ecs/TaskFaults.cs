namespace FargateApi.Simulation.Ecs;

/// <summary>The application faults a test injects: which task definitions start tasks that crash or that fail their health checks.</summary>
internal sealed class TaskFaults(TaskDefinitionStore taskDefinitions)
{
    /// <summary>Images whose containers exit with code 1 right after start.</summary>
    public HashSet<string> FailingImages { get; } = new(StringComparer.Ordinal);

    /// <summary>Task definition families or ARNs whose tasks fail the same way.</summary>
    public HashSet<string> FailingTaskDefinitions { get; } = new(StringComparer.Ordinal);

    /// <summary>Images whose containers run but answer the load balancer's health checks with errors.</summary>
    public HashSet<string> UnhealthyImages { get; } = new(StringComparer.Ordinal);

    public bool ExitsAtStart(string taskDefinitionArn)
    {
        var definition = taskDefinitions.Find(taskDefinitionArn);
        return FailingTaskDefinitions.Contains(taskDefinitionArn)
            || (definition is not null && (FailingTaskDefinitions.Contains(definition.Family) || definition.Images.Any(FailingImages.Contains)));
    }

    public bool FailsHealthChecks(string taskDefinitionArn) =>
        taskDefinitions.Find(taskDefinitionArn) is { } definition && definition.Images.Any(UnhealthyImages.Contains);

    public void Clear()
    {
        FailingImages.Clear();
        FailingTaskDefinitions.Clear();
        UnhealthyImages.Clear();
    }
}
