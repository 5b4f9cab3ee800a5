using FargateApi.Aws.Services.Ecs;
using FargateApi.Aws.Services.ElasticLoadBalancing;

namespace FargateApi.Simulation.Tests.Support;

/// <summary>
/// A simulated account whose deployments run on a manual clock (<see cref="SimulationOptions.Timings"/>), with the seed
/// network. Task startup 45 s and stop 30 s (the <see cref="EcsTimings"/> defaults); SimStack's target groups check every
/// 30 s, healthy after 2 checks, unhealthy after 3.
/// </summary>
internal sealed class ClockedAccount
{
    public static readonly TimeSpan Startup = new EcsTimings().TaskStartup;
    public static readonly TimeSpan StopTime = new EcsTimings().TaskStop;
    public static readonly TimeSpan ToHealthy = TimeSpan.FromSeconds(2 * 30);
    public static readonly TimeSpan ToUnhealthy = TimeSpan.FromSeconds(3 * 30);

    public ClockedAccount(Func<SimulationOptions, SimulationOptions>? tune = null)
    {
        Start = Clock.GetUtcNow();
        var options = new SimulationOptions { TimeProvider = Clock, Timings = new EcsTimings(), EniLingerPolls = null, EniLingerTime = TimeSpan.FromMinutes(2) };
        Aws = new SimulatedAws(tune?.Invoke(options) ?? options);
        Network = Aws.SeedNetwork("proj");
    }

    public ManualTimeProvider Clock { get; } = new();

    public SimulatedAws Aws { get; }

    public SeededNetwork Network { get; }

    public DateTimeOffset Start { get; }

    /// <summary>Moves the clock to <paramref name="sinceStart"/> after the account was made.</summary>
    public void At(TimeSpan sinceStart) => Clock.Advance(Start + sinceStart - Clock.GetUtcNow());

    public async Task<EcsService> ServiceAsync(SimStack stack) => await stack.DescribeAsync(Aws);

    public async Task<IReadOnlyList<TargetHealthDescription>> TargetsAsync(string targetGroupArn) =>
        await Aws.ElasticLoadBalancing.DescribeTargetHealthAsync(targetGroupArn, CancellationToken.None);

    public async Task<IReadOnlyList<EcsTask>> TasksAsync(SimStack stack, string desiredStatus)
    {
        var arns = await Aws.Ecs.ListTasksAsync(new() { Cluster = Network.ClusterName, ServiceName = stack.ServiceName, DesiredStatus = desiredStatus }, CancellationToken.None);
        return arns.TaskArns.Count == 0 ? [] : (await Aws.Ecs.DescribeTasksAsync(Network.ClusterName, arns.TaskArns, CancellationToken.None)).Tasks;
    }

    /// <summary>Sets the group's deregistration delay, as the provider does after CreateTargetGroup.</summary>
    public Task SetDeregistrationDelayAsync(string targetGroupArn, int seconds) =>
        Aws.ElasticLoadBalancing.ModifyTargetGroupAttributesAsync(
            targetGroupArn,
            new Dictionary<string, string> { [ElbValues.DeregistrationDelayAttribute] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            CancellationToken.None);
}
