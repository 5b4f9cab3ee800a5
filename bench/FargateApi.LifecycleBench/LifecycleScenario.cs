using System.Diagnostics;
using FargateApi.Desired;
using FargateApi.Planning;
using FargateApi.Properties;
using FargateApi.Provisioning;
using FargateApi.Simulation;

namespace FargateApi.LifecycleBench;

/// <summary>What one phase of the lifecycle cost.</summary>
/// <param name="PlanDepth">Waves of the planner's dependency graph: Depth × latency is the lower bound of the phase.</param>
/// <param name="CriticalPathCalls">Calls on the longest chain of strictly sequential calls as executed.</param>
/// <param name="Errors">AWS errors the provider expects and handles on the way (not-found probes, ENIs still holding a security group).</param>
/// <param name="Trace">Each call in the order it finished, with its round: the longest chain of sequential calls ending with it.</param>
internal sealed record PhaseResult(string Phase, int Calls, TimeSpan Wall, int PlanDepth, int CriticalPathCalls, IReadOnlyDictionary<string, int> Operations, string Errors, IReadOnlyList<string> Trace);

/// <summary>
/// One resource's life on a fresh simulated account at a fixed per-call latency: Create, an in-place Update (new image),
/// a replacing Update (new container port), CloudFormation's Delete of the replaced generation, and the final Delete.
/// Poll and back-off delays are zero: the figures are the provider's own call pattern, not ECS's deployment time.
/// </summary>
internal sealed class LifecycleScenario
{
    private const string StackId = "arn:aws:cloudformation:us-east-1:123456789012:stack/myproj-app/1c2fa620-982a-11e3-aff7-50e2416294e0";
    private const string LogicalId = "AppApi";

    /// <summary>As the Lambda runtime hands it over (Lambda-Runtime-Invoked-Function-Arn): the account is read off it, no STS call.</summary>
    private const string FunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:fargate-api-provider";

    private readonly SimulatedAws _aws;
    private readonly CallTimeline _timeline;
    private readonly StackProvisioner _provisioner;
    private readonly ResolvedNetwork _network;

    public LifecycleScenario(TimeSpan latency)
    {
        _timeline = new CallTimeline(latency);
        _aws = new SimulatedAws(new SimulationOptions { Latency = latency, TimeProvider = _timeline });
        var seeded = _aws.SeedNetwork(BenchProperties.Prefix);
        _network = new ResolvedNetwork(seeded.VpcId, seeded.PrivateSubnetIds.ToValueList(), seeded.ClusterName, seeded.ListenerArn, seeded.LoadBalancerArn, seeded.AlbSecurityGroupId);
        var apis = _aws.Apis;
        var options = new ProvisionerOptions("us-east-1")
        {
            PollDelay = TimeSpan.Zero,
            ConsistencyDelay = TimeSpan.Zero,
            SecurityGroupBackoff = TimeSpan.Zero,
            MaxSecurityGroupBackoff = TimeSpan.Zero,
        };
        _provisioner = new StackProvisioner(apis, options, TimeProvider.System);
    }

    public async Task<IReadOnlyList<PhaseResult>> RunAsync()
    {
        var results = new List<PhaseResult>();
        var v1 = Desired(BenchProperties.Seed, 0);
        var v2 = Desired(BenchProperties.NewImage, 0);
        var replaced = Desired(BenchProperties.Renamed, 0);
        var replacePlan = Plan.ForUpdate(v2, replaced);

        var created = await MeasureAsync("Create", Plan.ForCreate(v1).Depth, results, async () =>
            await _provisioner.CreateAsync(Identity("create"), BenchProperties.Seed, CancellationToken.None));
        var firstId = Finished(created).PhysicalResourceId;

        await MeasureAsync("Update in place (image)", Plan.ForUpdate(v1, v2).Depth, results, async () =>
            await _provisioner.UpdateAsync(Identity("update-image"), firstId, BenchProperties.Seed, BenchProperties.NewImage, CancellationToken.None));

        var replacement = await MeasureAsync("Update replacing (rename)", replacePlan.Depth, results, async () =>
            await _provisioner.UpdateAsync(Identity("update-rename"), firstId, BenchProperties.NewImage, BenchProperties.Renamed, CancellationToken.None));
        var secondId = Finished(replacement).PhysicalResourceId;

        await MeasureAsync("Delete old generation", Plan.ForDelete(v2).Depth, results, async () =>
        {
            await _provisioner.DeleteAsync(Identity("delete-old"), firstId, BenchProperties.NewImage, CancellationToken.None);
            return null;
        });
        await MeasureAsync("Delete", Plan.ForDelete(replacePlan.Stack).Depth, results, async () =>
        {
            await _provisioner.DeleteAsync(Identity("delete"), secondId, BenchProperties.Renamed, CancellationToken.None);
            return null;
        });

        var left = _aws.Snapshot().LiveBeyondSeed;
        if (left.Count > 0)
        {
            throw new InvalidOperationException($"The lifecycle left {left.Count} resources behind: {string.Join(", ", left.Select(e => e.Type + " " + e.Id))}.");
        }

        return results;
    }

    private async Task<LifecycleOutcome?> MeasureAsync(string phase, int depth, List<PhaseResult> results, Func<Task<LifecycleOutcome?>> run)
    {
        var before = _aws.Calls.Count;
        _timeline.Clear();
        var watch = Stopwatch.StartNew();
        var outcome = await run().ConfigureAwait(false);
        watch.Stop();
        var calls = _aws.Calls.Records.Skip(before).ToList();
        var failed = string.Join(", ", calls.Where(c => !c.Succeeded).GroupBy(c => c.Operation + " " + c.Outcome).Select(g => $"{g.Key} ×{g.Count()}"));
        var operations = calls.GroupBy(c => c.Operation).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        // The simulation logs a call right after its latency timer fires, so log order and firing order agree but for calls
        // finishing within the same instant: the trace is for reading, the figures come from the timers alone.
        var rounds = _timeline.Rounds();
        var trace = calls.Select((call, index) => $"{(index < rounds.Count ? rounds[index] : 0),3}  {call.Operation} {call.Key}{(call.Succeeded ? string.Empty : " → " + call.Outcome)}").ToList();
        results.Add(new PhaseResult(phase, calls.Count, watch.Elapsed, depth, _timeline.CriticalPathCalls(), operations, failed, trace));
        return outcome;
    }

    private DesiredStack Desired(ServiceProperties properties, int generation) =>
        DesiredStack.From(properties, _network, new AwsEnvironment("aws", "us-east-1", "123456789012"), new Ownership(StackId, LogicalId), generation);

    private static ResourceIdentity Identity(string requestId) => new(StackId, LogicalId, requestId) { FunctionArn = FunctionArn };

    private static LifecycleOutcome Finished(LifecycleOutcome? outcome) =>
        outcome is { IsFinished: true } ? outcome : throw new InvalidOperationException("The phase did not finish in one call.");
}
