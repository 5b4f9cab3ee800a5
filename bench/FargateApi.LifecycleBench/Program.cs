using System.Diagnostics;
using System.Globalization;
using FargateApi.LifecycleBench;

// Create → Update → Delete on the simulation at fixed per-call latencies, against the dependency graph's lower bound.
//   dotnet run -c Release --project bench/FargateApi.LifecycleBench [-- --latencies 20,50 --runs 5 --trace]
// Prints a markdown table (for docs/benchmarks.md); wall times are medians over the runs.
var culture = CultureInfo.InvariantCulture;
var latencies = Option("--latencies", "20,50").Split(',').Select(ms => TimeSpan.FromMilliseconds(int.Parse(ms, culture))).ToList();
var runs = int.Parse(Option("--runs", "5"), culture);

Console.WriteLine(string.Create(culture, $"Lifecycle on SimulatedAws, {runs} runs per latency, poll/back-off delays 0, PollsToSteadyState 2, EniLingerPolls 3 (simulation defaults)."));
Console.WriteLine();
Console.WriteLine("| Latency | Phase | Calls | Plan depth | Bound: depth × latency | Executed critical path (calls) | Critical path × latency | Wall (median) | Wall / bound | Wall / (calls × latency) |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
IReadOnlyList<PhaseResult>? breakdown = null;
foreach (var latency in latencies)
{
    await new LifecycleScenario(latency).RunAsync(); // Warm-up: JIT and thread pool, not measured.
    var all = new List<IReadOnlyList<PhaseResult>>();
    for (var run = 0; run < runs; run++)
    {
        all.Add(await new LifecycleScenario(latency).RunAsync());
    }

    breakdown ??= all[0];
    var ms = latency.TotalMilliseconds;
    for (var phase = 0; phase < all[0].Count; phase++)
    {
        var first = all[0][phase];
        var wall = Median(all.Select(r => r[phase].Wall.TotalMilliseconds));
        var path = Median(all.Select(r => (double)r[phase].CriticalPathCalls));
        var calls = string.Join("/", all.Select(r => r[phase].Calls).Distinct());
        var bound = first.PlanDepth * ms;
        Console.WriteLine(string.Create(culture, $"| {ms:0} ms | {first.Phase} | {calls} | {first.PlanDepth} | {bound:0} ms | {path:0} | {path * ms:0} ms | {wall:0} ms | {wall / bound:0.0} | {wall / (first.Calls * ms):0.00} |"));
    }
}

Console.WriteLine();
var delayCosts = new List<string>();
foreach (var latency in latencies)
{
    delayCosts.Add(await DelayCostAsync(latency));
}

Console.WriteLine($"Measured cost of one Task.Delay at each latency (timer granularity and load stretch it): {string.Join(", ", delayCosts)}");
Console.WriteLine();
Console.WriteLine("Calls per phase by operation (first run):");
foreach (var phase in breakdown!)
{
    Console.WriteLine($"- {phase.Phase} ({phase.Calls}): {string.Join(", ", phase.Operations.Select(o => $"{o.Key} {o.Value}"))}");
    if (phase.Errors.Length > 0)
    {
        Console.WriteLine($"  - of which expected AWS errors: {phase.Errors}");
    }
}

if (args.Contains("--trace"))
{
    foreach (var phase in breakdown)
    {
        Console.WriteLine();
        Console.WriteLine($"{phase.Phase}, call by call (round, operation, key):");
        foreach (var line in phase.Trace)
        {
            Console.WriteLine("  " + line);
        }
    }
}

return 0;

string Option(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static async Task<string> DelayCostAsync(TimeSpan latency)
{
    var costs = new List<double>();
    for (var i = 0; i < 10; i++)
    {
        var watch = Stopwatch.StartNew();
        await Task.Delay(latency);
        costs.Add(watch.Elapsed.TotalMilliseconds);
    }

    return string.Create(CultureInfo.InvariantCulture, $"{latency.TotalMilliseconds:0} ms → {Median(costs):0.0} ms");
}
