using System.Text;
using FargateApi.Simulation;
using FargateApi.Simulation.Faults;
using FargateApi.Simulation.Inspection;

namespace FargateApi.Resilience.Tests.Support;

/// <summary>What the arrange step made (the physical id before the operation, if any).</summary>
internal sealed record Scene(string? PhysicalId);

/// <summary>The clean run's answer and the shape of what stood after it.</summary>
internal sealed record Reference(int Calls, string? Result, IReadOnlyDictionary<string, int> Shape);

/// <summary>
/// Runs one operation once clean to count its calls, then once per call k with the process dying right after call k
/// took effect (or right before it was sent), and hands each crashed world to CloudFormation's follow-up. Every k runs, failures are collected, so a
/// report names all the k that broke, with the call and the error.
/// </summary>
internal sealed class CrashMatrix(string operation, Func<World, Task<Scene>> arrange, Func<World, Scene, Task<string?>> act)
{
    public delegate Task FollowUp(World world, Scene scene, Reference clean);

    public static World NewWorld() => new(new SimulationOptions { TimeProvider = new SteppingClock() });

    public async Task<Reference> CleanRunAsync()
    {
        var world = NewWorld();
        var scene = await arrange(world);
        var before = world.Aws.Calls.Count;
        var result = await act(world, scene);
        return new Reference(world.Aws.Calls.Count - before, result, ShapeOf(world));
    }

    /// <param name="timing">After the effect (the brief's case: AWS acted, no answer came back) unless told otherwise;
    /// before it, the process died with the request unsent.</param>
    public async Task<MatrixReport> RunAsync(string variant, FollowUp followUp, FaultTiming timing = FaultTiming.AfterEffect)
    {
        var clean = await CleanRunAsync();
        var report = new MatrixReport($"{operation} / {variant} / crash {timing}", clean.Calls, Describe(clean.Shape));
        for (var k = 1; k <= clean.Calls; k++)
        {
            var world = NewWorld();
            var scene = await arrange(world);
            var start = world.Aws.Calls.Count;
            world.Aws.Faults.FailCall(start + k, new SimulatedCrashException(), timing);
            var crash = await Record.ExceptionAsync(() => act(world, scene));
            var call = world.Aws.Calls.Records.Skip(start).ElementAtOrDefault(k - 1);
            var where = call is null ? $"k={k}" : $"k={k} {call.Operation}({call.Key}) -> {call.Outcome}";
            if (crash is SimulatedCrashException)
            {
                report.Died();
            }
            else if (crash is not null)
            {
                report.Fail(where, $"the crashed attempt threw {crash.GetType().Name} instead of dying: {crash.Message}");
            }

            try
            {
                await followUp(world, scene, clean);
            }
            catch (Exception failure)
            {
                report.Fail(where, $"{failure.GetType().Name}: {failure.Message}");
            }

            var leftovers = await world.LeftoversAsync();
            if (leftovers.Count > 0)
            {
                report.Leak(where, leftovers);
            }
        }

        return report;
    }

    /// <summary>Live resources of ours by type, plus the untagged auto-scaling ones; ENIs come and go with tasks.</summary>
    public static IReadOnlyDictionary<string, int> ShapeOf(World world)
    {
        var live = world.Aws.Snapshot().LiveBeyondSeed.Where(e => e.Type != "network-interface");
        return live.GroupBy(e => e.Type).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    public static string Describe(IReadOnlyDictionary<string, int> shape) =>
        string.Join(", ", shape.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Value} {p.Key}"));
}

/// <summary>What one matrix found: every failing k with its call and error, and every leaked resource.</summary>
internal sealed class MatrixReport(string name, int calls, string cleanShape)
{
    private readonly List<string> _failures = [];

    /// <summary>Runs whose first attempt died; in the others the crash hit a call that failed anyway (a look-up
    /// answering "not found"), where the simulation reports the call's own error, and the attempt carried on.</summary>
    public int Deaths { get; private set; }

    public string Name => name;

    public int Calls => calls;

    public int Leaked { get; private set; }

    public IReadOnlyList<string> Failures => _failures;

    public void Died() => Deaths++;

    public void Fail(string where, string why) => _failures.Add($"{where}: {why}");

    public void Leak(string where, IReadOnlyList<SnapshotEntry> leftovers)
    {
        Leaked += leftovers.Count;
        _failures.Add($"{where}: leaked {string.Join(", ", leftovers.Select(e => $"{e.Type} {e.Id} ({e.State})"))}");
    }

    public override string ToString()
    {
        var text = new StringBuilder($"{name}: crash at each of {calls} calls ({Deaths} died, {calls - Deaths} hit a call failing anyway); {_failures.Count} failing; {Leaked} resources leaked");
        text.Append("\n  a clean run leaves: ").Append(cleanShape);
        foreach (var failure in _failures)
        {
            text.Append("\n  ").Append(failure);
        }

        return text.ToString();
    }
}

/// <summary>Convergence checks shared by the follow-ups.</summary>
internal static class Converged
{
    public static void SameAsClean(World world, Reference clean, string? result)
    {
        if (result != clean.Result)
        {
            throw new InvalidOperationException($"the retry answered '{result}', the clean run '{clean.Result}'");
        }

        var shape = CrashMatrix.ShapeOf(world);
        if (!shape.OrderBy(p => p.Key).SequenceEqual(clean.Shape.OrderBy(p => p.Key)))
        {
            throw new InvalidOperationException($"after the retry: {CrashMatrix.Describe(shape)}; after a clean run: {CrashMatrix.Describe(clean.Shape)}");
        }
    }

    public static void Equal(string? expected, string? actual, string what)
    {
        if (expected != actual)
        {
            throw new InvalidOperationException($"{what}: '{actual}', expected '{expected}'");
        }
    }

    /// <summary>One generation: one service, target group, rule, group, log group, two roles, one scalable target.</summary>
    public static void OneStack(World world, string when)
    {
        var shape = CrashMatrix.ShapeOf(world);
        foreach (var (type, expected) in new[] { ("service", 1), ("target-group", 1), ("listener-rule", 1), ("security-group", 1), ("log-group", 1), ("role", 2), ("scalable-target", 1) })
        {
            if (shape.GetValueOrDefault(type) != expected)
            {
                throw new InvalidOperationException($"{when}: {CrashMatrix.Describe(shape)}");
            }
        }
    }

    /// <summary>The service runs the task definition the outcome names, with the image the properties ask for.</summary>
    public static async Task ServiceRunsImageAsync(World world, Provisioning.LifecycleOutcome outcome, Properties.ServiceProperties properties)
    {
        var cluster = outcome.Data["ClusterName"];
        var service = (await world.Apis.Ecs.DescribeServicesAsync(cluster, [outcome.PhysicalResourceId], CancellationToken.None)).Services.Single();
        Equal(outcome.Data["TaskDefinitionArn"], service.TaskDefinition, "the service's task definition");
        var definition = await world.Apis.Ecs.DescribeTaskDefinitionAsync(service.TaskDefinition!, CancellationToken.None);
        var image = definition.TaskDefinition!.ContainerDefinitions[0].Image;
        if (!image.EndsWith($"/{properties.Image.Repository}:{properties.Image.Tag}", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the service runs {image}, expected {properties.Image.Repository}:{properties.Image.Tag}");
        }
    }
}
