using System.Diagnostics;
using System.Globalization;
using FargateApi.Cli.Templates;
using FargateApi.Desired;
using FargateApi.Properties;
using FargateApi.Provisioning;
using FargateApi.Simulation;

namespace FargateApi.Cli.Commands;

/// <summary>
/// <c>fargate-api simulate</c>: the provider's whole lifecycle — Create, Update, Delete, as CloudFormation would send
/// them — against the in-process simulation of AWS, printing what each phase made, changed and removed, its AWS calls
/// and how long it took. The same provisioner runs in Lambda; only the service clients differ.
/// </summary>
internal static class SimulateCommand
{
    public const string Usage = """
        usage: fargate-api simulate FILE [--update FILE2] [--resource LOGICAL_ID] [--latency-ms N] [--json]

          FILE               the resource: a properties file, a custom-resource event, or a template ('-': stdin)
          --update FILE2     the Update's properties (same kinds); default: FILE with the image tag bumped
          --resource ID      the Custom::FargateApi resource of a template (needed when it has more than one)
          --latency-ms N     delay of every simulated AWS call, 0 to 60000 (default 0)
          --json             one JSON document on stdout (phases, what changed, resources made/changed/removed, calls, leftovers)

        Runs Create, Update (and the Delete of the old id when the Update replaces), then Delete, against an in-process
        simulation of AWS: no account, no network. A template's !Ref to a parameter takes the parameter's default; other
        intrinsic functions stand in as plausible values (both are listed on stderr). Progress goes to stderr.
        Exit code: 0 everything made was removed again, 1 invalid properties, a failed phase or leftovers, 2 usage error.
        """;

    /// <summary>The longest latency a simulated call may be given: a minute is already far beyond any AWS call.</summary>
    public const int MaxLatencyMs = 60_000;

    private const string StackId = "arn:aws:cloudformation:us-east-1:123456789012:stack/fargate-api-simulate/7a1c9a30-0000-4000-8000-000000000000";
    private const string LogicalId = "Service";

    /// <summary>The simulation settles by poll count, not by time: waiting 15 s between polls as in AWS would only slow the demo.</summary>
    private static readonly TimeSpan SimulatedWait = TimeSpan.FromMilliseconds(10);

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter errors, InputReader reader)
    {
        if (arguments.Any(a => a is "-h" or "--help"))
        {
            await output.WriteLineAsync(Usage).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var options = CommandLine.Parse(arguments, ["--update", "--latency-ms", "--resource"], ["--json"]);
        var latency = TimeSpan.Zero;
        var problem = options.Problem
            ?? (options.Positional.Count == 0 ? "a properties file or template is required" : null)
            ?? (options.Positional.Count > 1 ? $"unexpected '{options.Positional[1]}'" : null)
            ?? LatencyProblem(options.Value("--latency-ms"), out latency);
        if (problem is not null)
        {
            await errors.WriteLineAsync($"fargate-api simulate: {problem}{Environment.NewLine}{Usage}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var json = options.Flag("--json");
        var file = options.Positional[0];
        var resource = options.Value("--resource");
        var created = await ResourceLoader.LoadAsync(file, resource, reader, errors, "simulated").ConfigureAwait(false);
        var updated = options.Value("--update") is { } updateFile
            ? await ResourceLoader.LoadAsync(updateFile, resource, reader, errors, "simulated").ConfigureAwait(false)
            : created;
        if (!created.Usable || !updated.Usable)
        {
            return Math.Max(created.Exit, updated.Exit);
        }

        LoadedResource[] loads = updated == created ? [created] : [created, updated];
        foreach (var loaded in loads)
        {
            if (loaded.Parameters.Length > 0)
            {
                await errors.WriteLineAsync($"simulate: {loaded.Report!.File}: template parameters at their defaults: {loaded.Parameters}").ConfigureAwait(false);
            }

            if (loaded.Unknowns.Length > 0)
            {
                await errors.WriteLineAsync($"simulate: {loaded.Report!.File}: set by intrinsic functions, simulated with stand-in values: {loaded.Unknowns}").ConfigureAwait(false);
            }
        }

        var createProperties = created.Report!.Properties!;
        var updateProperties = options.Value("--update") is null ? BumpImageTag(createProperties) : updated.Report!.Properties!;
        return await SimulateAsync(createProperties, updateProperties, latency, json, output, errors).ConfigureAwait(false);
    }

    private static readonly GrantableResources AnyResource = new(ValueList.Of("*"));

    private static async Task<int> SimulateAsync(ServiceProperties created, ServiceProperties updated, TimeSpan latency, bool json, TextWriter output, TextWriter errors)
    {
        var aws = new SimulatedAws(new SimulationOptions { Latency = latency });
        aws.SeedNetwork(created.ProjectPrefix);
        var provisioner = new StackProvisioner(
            aws.Apis,
            // The platform team's GrantableResourcePatterns are a setting of the deployed provider, and the names of
            // resources a template makes (!Ref) are stand-ins here: the simulation grants whatever the template names.
            new ProvisionerOptions(aws.Options.Region) { PollDelay = SimulatedWait, SecurityGroupBackoff = SimulatedWait, Grantable = AnyResource },
            TimeProvider.System);
        var text = json ? TextWriter.Null : output;
        var phases = new PhaseRunner(aws, text, errors);

        await text.WriteLineAsync($"simulated account {aws.Options.AccountId} in {aws.Options.Region}, shared network of '{created.ProjectPrefix}' seeded").ConfigureAwait(false);
        string? failure = null;
        try
        {
            var create = await phases.RunAsync("Create", null, async ct => await provisioner.CreateAsync(Identity("create"), created, ct).ConfigureAwait(false)).ConfigureAwait(false);
            var update = await phases.RunAsync("Update", create, async ct => await provisioner.UpdateAsync(Identity("update"), create.Outcome.PhysicalResourceId, created, updated, ct).ConfigureAwait(false)).ConfigureAwait(false);
            if (update.Outcome.PhysicalResourceId != create.Outcome.PhysicalResourceId)
            {
                // A replacement: CloudFormation deletes the old physical id in its cleanup phase.
                await phases.RunAsync("Delete (old id, after replacement)", null, async ct =>
                {
                    await provisioner.DeleteAsync(Identity("cleanup"), create.Outcome.PhysicalResourceId, created, ct).ConfigureAwait(false);
                    return null;
                }).ConfigureAwait(false);
            }

            await phases.RunAsync("Delete", null, async ct =>
            {
                await provisioner.DeleteAsync(Identity("delete"), update.Outcome.PhysicalResourceId, updated, ct).ConfigureAwait(false);
                return null;
            }).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ProvisioningException or Aws.Http.AwsServiceException)
        {
            failure = e.Message;
            await errors.WriteLineAsync($"FAILED: {e.Message}").ConfigureAwait(false);
        }

        var left = aws.Snapshot().LiveBeyondSeed;
        if (json)
        {
            await output.WriteAsync(SimulationReport.ToJson(aws, phases.Reports, failure, left)).ConfigureAwait(false);
        }
        else if (failure is null)
        {
            await output.WriteLineAsync(left.Count == 0
                ? "nothing left behind: every resource the provider made is gone"
                : $"LEFT BEHIND: {string.Join(", ", left.Select(e => $"{e.Type} {e.Id}"))}").ConfigureAwait(false);
        }

        return failure is null && left.Count == 0 ? ExitCodes.Ok : ExitCodes.Invalid;
    }

    /// <summary>Null when the value (or its absence) is a valid latency, else what is wrong with it.</summary>
    private static string? LatencyProblem(string? value, out TimeSpan latency)
    {
        latency = TimeSpan.Zero;
        if (value is null)
        {
            return null;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) || ms > MaxLatencyMs)
        {
            return $"--latency-ms: expected a whole number of milliseconds from 0 to {MaxLatencyMs.ToString(CultureInfo.InvariantCulture)}, got '{value}'";
        }

        latency = TimeSpan.FromMilliseconds(ms);
        return null;
    }

    private static ResourceIdentity Identity(string request) => new(StackId, LogicalId, $"simulate-{request}");

    /// <summary>The everyday Update: a new image tag, which rolls out a new task definition revision in place.</summary>
    private static ServiceProperties BumpImageTag(ServiceProperties properties)
    {
        var image = properties.Image;
        if (image.Uri is null)
        {
            return properties with { Image = image with { Tag = image.Tag + "-next" } };
        }

        var tagAt = image.Uri.LastIndexOf(':');
        var bumped = tagAt > image.Uri.LastIndexOf('/') ? image.Uri + "-next" : image.Uri + ":next";
        return properties with { Image = image with { Uri = bumped } };
    }

    /// <summary>What a phase ended with: the lifecycle's outcome and the service it leaves running.</summary>
    private sealed record PhaseEnd(LifecycleOutcome Outcome, ServiceState? Service);

    /// <summary>Runs one phase and prints what it changed on the service, the resources it made, changed and removed (by snapshot diff) and its calls.</summary>
    private sealed class PhaseRunner(SimulatedAws aws, TextWriter output, TextWriter progress)
    {
        public List<PhaseReport> Reports { get; } = [];

        /// <param name="previous">The phase whose service this one changes (the Create, for the Update); null: nothing to compare.</param>
        public async Task<PhaseEnd> RunAsync(string name, PhaseEnd? previous, Func<CancellationToken, Task<LifecycleOutcome?>> phase)
        {
            await progress.WriteLineAsync($"simulate: {name}…").ConfigureAwait(false);
            var before = aws.Snapshot();
            var callsBefore = aws.Calls.Count;
            var clock = Stopwatch.StartNew();
            var outcome = await phase(CancellationToken.None).ConfigureAwait(false);
            clock.Stop();
            var after = aws.Snapshot();
            var calls = aws.Calls.Records.Skip(callsBefore).ToList();

            // Read after the phase's calls are counted: the next phase counts its own from its start.
            var service = outcome is null ? null : await ServiceState.ReadAsync(aws.Apis, outcome, CancellationToken.None).ConfigureAwait(false);
            var report = new PhaseReport(name, clock.Elapsed, before, after, calls.Select(c => $"{c.Service}:{c.Operation}").ToList(), outcome, ServiceState.Compare(previous?.Service, service));
            Reports.Add(report);

            await output.WriteLineAsync($"\n== {name}: {clock.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms, {calls.Count} AWS calls").ConfigureAwait(false);
            foreach (var change in report.Changes)
            {
                await output.WriteLineAsync($"   ~ {change}").ConfigureAwait(false);
            }

            foreach (var entry in report.Made)
            {
                await output.WriteLineAsync($"   + made     {entry.Type} {entry.Id}").ConfigureAwait(false);
            }

            foreach (var (was, now) in report.Changed)
            {
                await output.WriteLineAsync($"   ~ changed  {now.Type} {now.Id} ({(was.State != now.State ? $"{was.State} → {now.State}" : "tags")})").ConfigureAwait(false);
            }

            foreach (var entry in report.Removed)
            {
                await output.WriteLineAsync($"   - removed  {entry.Type} {entry.Id}").ConfigureAwait(false);
            }

            var byOperation = calls.GroupBy(c => $"{c.Service}:{c.Operation}").Select(g => g.Count() == 1 ? g.Key : $"{g.Key}×{g.Count()}");
            await output.WriteLineAsync($"   calls: {string.Join(", ", byOperation)}").ConfigureAwait(false);
            if (outcome is not null)
            {
                await output.WriteLineAsync($"   PhysicalResourceId: {outcome.PhysicalResourceId}").ConfigureAwait(false);
                foreach (var (key, value) in outcome.Data.OrderBy(d => d.Key, StringComparer.Ordinal))
                {
                    await output.WriteLineAsync($"   Data.{key}: {value}").ConfigureAwait(false);
                }
            }

            return new PhaseEnd(outcome ?? new LifecycleOutcome(string.Empty, new Dictionary<string, string>()), service);
        }
    }
}
