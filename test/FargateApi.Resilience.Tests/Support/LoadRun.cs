using System.Diagnostics;
using System.Globalization;
using System.Text;
using FargateApi.Aws.Retry;
using FargateApi.Aws.Services.ElasticLoadBalancing;
using FargateApi.Properties;
using FargateApi.Provisioning;
using FargateApi.Simulation;
using FargateApi.Simulation.Core;

namespace FargateApi.Resilience.Tests.Support;

/// <summary>
/// Many <c>Custom::FargateApi</c> resources of one template, each event handled by its own Lambda process at the same
/// time, against one throttled account. Records per phase what succeeded and failed, and what the throttles cost.
/// </summary>
internal sealed class LoadRun
{
    /// <summary>Simulated seconds per real second: a 15 s poll lasts 0.75 s.</summary>
    public const double SpeedUp = 20;

    private readonly List<string> _lines = [];

    /// <summary>Throttles are retried by the simulated clients with the product's <see cref="RetryPolicy.Default"/>, as the
    /// HTTP clients retry them in Lambda.</summary>
    public LoadRun(int resources)
    {
        Clock = new AcceleratedClock(SpeedUp);
        World = new World(new SimulationOptions { TimeProvider = Clock });
        Throttle(World.Aws);
        Resources = [.. Enumerable.Range(0, resources).Select(Props.Numbered)];
        PhysicalIds = new string?[resources];
    }

    public AcceleratedClock Clock { get; }

    public World World { get; }

    public IReadOnlyList<ServiceProperties> Resources { get; }

    public string?[] PhysicalIds { get; }

    public IReadOnlyList<string> Lines => _lines;

    /// <summary>The resources whose event failed in the last phase.</summary>
    public IReadOnlyList<int> LastFailed { get; private set; } = [];

    /// <summary>
    /// One token bucket per service, shared by all its operations: AWS's published bucket for each service's reads,
    /// applied to every call (stricter than AWS, where writes have buckets of their own). ECS cluster reads: 50 tokens,
    /// 20 per second (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/request-throttling.html); ELBv2
    /// non-mutating: 40 tokens, 10 per second (https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/elb-api-throttling.html).
    /// IAM publishes no rates: 10 per second with a burst of 20. 50 stacks at once exceed all three from the first second.
    /// </summary>
    private static void Throttle(SimulatedAws aws) => aws.RateLimits
        .Limit(SimServices.Ecs, null, ratePerSecond: 20, burst: 50)
        .Limit(SimServices.Elbv2, null, ratePerSecond: 10, burst: 40)
        .Limit(SimServices.Iam, null, ratePerSecond: 10, burst: 20);

    public static string LogicalId(int i) => $"Svc{i:00}";

    public StackProvisioner Process() => World.Process();

    /// <summary>Runs one event per resource at once; returns the failures by resource.</summary>
    public Task<IReadOnlyList<string>> PhaseAsync(string name, Func<int, Task> handle) =>
        PhaseAsync(name, Enumerable.Range(0, Resources.Count), handle);

    /// <summary>Runs one event for each of <paramref name="which"/> at once; returns the failures by resource.</summary>
    public async Task<IReadOnlyList<string>> PhaseAsync(string name, IEnumerable<int> which, Func<int, Task> handle)
    {
        var indices = which.ToList();
        var callsBefore = World.Aws.Calls.Count;
        var simulatedBefore = Clock.Elapsed;
        var watch = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(indices.Select(i => Task.Run(async () =>
        {
            try
            {
                await handle(i);
                return (Index: i, Failure: (string?)null);
            }
            catch (Exception failure)
            {
                return (Index: i, Failure: $"{LogicalId(i)}: {failure.GetType().Name}: {failure.Message}");
            }
        })));
        watch.Stop();

        LastFailed = [.. outcomes.Where(o => o.Failure is not null).Select(o => o.Index)];
        var failures = outcomes.Select(o => o.Failure).OfType<string>().ToList();
        var calls = World.Aws.Calls.Records.Skip(callsBefore).ToList();
        var throttles = calls.Where(c => ErrorClassifier.ThrottlingCodes.Contains(c.Outcome)).ToList();
        _lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {indices.Count - failures.Count}/{indices.Count} succeeded; {calls.Count} calls, {throttles.Count} throttled " +
            $"({string.Join(", ", throttles.GroupBy(c => c.Service).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))}); " +
            $"{watch.Elapsed.TotalSeconds:0.0} s real, {(Clock.Elapsed - simulatedBefore).TotalSeconds:0} s simulated"));
        var served = calls.Where(c => !ErrorClassifier.ThrottlingCodes.Contains(c.Outcome)).GroupBy(c => c.Service).OrderBy(g => g.Key, StringComparer.Ordinal);
        _lines.Add("  calls per resource, throttled ones not counted: " + string.Join(", ", served.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count() / (double)Math.Max(1, indices.Count):0.#}"))));
        _lines.AddRange(failures.Take(5).Select(f => "  " + f));
        if (failures.Count > 5)
        {
            _lines.Add($"  … and {failures.Count - 5} more");
        }

        return failures;
    }

    public void Note(string line) => _lines.Add(line);

    public static string Describe(RetryStatisticsSnapshot stats) => string.Create(CultureInfo.InvariantCulture,
        $"client retries: {stats.Calls} calls, {stats.Attempts} attempts, {stats.Retries} retries ({stats.ThrottlingRetries} on throttling), " +
        $"{stats.FailedCalls} calls failed, backoff total {stats.TotalBackoff.TotalSeconds:0.0} s, longest {stats.LongestBackoff.TotalSeconds:0.00} s (simulated)");

    /// <summary>The non-default rules on the shared listener, by priority.</summary>
    public async Task<IReadOnlyList<Rule>> RulesAsync()
    {
        var rules = new List<Rule>();
        await foreach (var rule in World.Apis.Elb.DescribeAllRulesAsync(new DescribeRulesRequest { ListenerArn = World.Network.ListenerArn }, CancellationToken.None))
        {
            if (!rule.IsDefault)
            {
                rules.Add(rule);
            }
        }

        return rules;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var line in _lines)
        {
            text.AppendLine(line);
        }

        return text.ToString();
    }
}
