namespace FargateApi.Simulation;

/// <summary>
/// How long ECS takes for each step of a task's life when deployments run on the clock
/// (<see cref="SimulationOptions.Timings"/>). Health checks and the deregistration delay are not here: they come from each
/// target group's own settings, as in ELB. Defaults are realistic values, each with its source.
/// </summary>
public sealed record EcsTimings
{
    /// <summary>
    /// Launch to RUNNING (PROVISIONING, PENDING, ACTIVATING). Fargate finds capacity, attaches an ENI ("an overhead of
    /// several seconds", ECS developer guide, task-recommendations.html) and pulls the image with no cache (ECS best practices
    /// guide, "Speeding up task launch"; an AWS engineer quoted in "How to speed up deployments on AWS Fargate" calls the
    /// provisioning "definitely longer" than on EC2). 45 s is a small image; large ones take minutes.
    /// </summary>
    public TimeSpan TaskStartup { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>
    /// SIGTERM to STOPPED: ECS issues the equivalent of <c>docker stop</c>, "a SIGTERM and a 30-second timeout, after which
    /// SIGKILL is sent" (ECS StopTask API reference; stopTimeout defaults to 30 s on Fargate, ContainerDefinition.stopTimeout).
    /// A process that ignores SIGTERM (PID 1 without a handler) takes all of it.
    /// </summary>
    public TimeSpan TaskStop { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// After a launch fails before any task exists (the role not assumable yet), the service scheduler tries again this much
    /// later: pulumi/pulumi-awsx#927 shows "failed to launch a task with (error ECS was unable to assume the role …)" at
    /// 16:33:43 and "has started 1 tasks" at 16:34:12.
    /// </summary>
    public TimeSpan LaunchRetry { get; init; } = TimeSpan.FromSeconds(30);

    internal void Validate()
    {
        // Every step must take time, or a task that fails at start would be relaunched and fail again at the same instant forever.
        ArgumentOutOfRangeException.ThrowIfLessThan(TaskStartup, TimeSpan.FromSeconds(1), nameof(TaskStartup));
        ArgumentOutOfRangeException.ThrowIfLessThan(TaskStop, TimeSpan.Zero, nameof(TaskStop));
        ArgumentOutOfRangeException.ThrowIfLessThan(LaunchRetry, TimeSpan.FromSeconds(1), nameof(LaunchRetry));
    }
}
