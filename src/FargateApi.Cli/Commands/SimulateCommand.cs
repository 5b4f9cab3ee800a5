using System.Diagnostics;
using System.Globalization;
using FargateApi.Properties;
using FargateApi.Provisioning;
using FargateApi.Simulation;
using FargateApi.Simulation.Inspection;

namespace FargateApi.Cli.Commands;

/// <summary>
/// <c>fargate-api simulate</c>: the provider's whole lifecycle — Create, Update, Delete, as CloudFormation would send
/// them — against the in-process simulation of AWS, printing what each phase made, changed and removed, its AWS calls
/// and how long it took. The same provisioner runs in Lambda; only the service clients differ.
/// </summary>
internal static class SimulateCommand
{
    public const string Usage = """
        usage: fargate-api simulate PROPS.json [--update PROPS2.json] [--latency-ms N] [--json]

          PROPS.json         the resource's properties (or a custom-resource event holding them)
          --update FILE      the properties of the Update; default: PROPS with the image tag bumped
          --latency-ms N     delay of every simulated AWS call (default 0)
          --json             one JSON document on stdout (phases, resources made/changed/removed, calls, leftovers)

        Runs Create, Update (and the Delete of the old id when the Update replaces), then Delete, against an in-process
        simulation of AWS: no account, no network. Progress goes to stderr.
        Exit code: 0 everything made was removed again, 1 invalid properties, a failed phase or leftovers, 2 usage error.
        """;

    private const string StackId = "arn:aws:cloudformation:us-east-1:123456789012:stack/fargate-api-simulate/7a1c9a30-0000-4000-8000-000000000000";
    private const string LogicalId = "Service";

    /// <summary>The simulation settles by poll count, not by time: waiting 15 s between polls as in AWS would only slow the demo.</summary>
    private static readonly TimeSpan SimulatedWait = TimeSpan.FromMilliseconds(10);

    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter errors)
    {
        if (arguments.Any(a => a is "-h" or "--help"))
        {
            await output.WriteLineAsync(Usage).ConfigureAwait(false);
            return ExitCodes.Ok;
        }

        var json = arguments.Contains("--json");
        if (!TryParse([.. arguments.Where(a => a != "--json")], out var file, out var updateFile, out var latency, out var usageProblem))
        {
            await errors.WriteLineAsync(usageProblem + Environment.NewLine + Usage).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var created = await ReadValidAsync(file, errors).ConfigureAwait(false);
        var updated = updateFile is null ? (created is null ? null : BumpImageTag(created)) : await ReadValidAsync(updateFile, errors).ConfigureAwait(false);
        if (created is null || updated is null)
        {
            return ExitCodes.Invalid;
        }

        var aws = new SimulatedAws(new SimulationOptions { Latency = latency });
        aws.SeedNetwork(created.ProjectPrefix);
        var provisioner = new StackProvisioner(
            aws.Apis,
            new ProvisionerOptions(aws.Options.Region) { PollDelay = SimulatedWait, SecurityGroupBackoff = SimulatedWait },
            TimeProvider.System);
        var text = json ? TextWriter.Null : output;
        var phases = new PhaseRunner(aws, text, errors);

        await text.WriteLineAsync($"simulated account {aws.Options.AccountId} in {aws.Options.Region}, shared network of '{created.ProjectPrefix}' seeded").ConfigureAwait(false);
        string? failure = null;
        try
        {
            var create = await phases.RunAsync("Create", async ct => await provisioner.CreateAsync(Identity("create"), created, ct).ConfigureAwait(false)).ConfigureAwait(false);
            var update = await phases.RunAsync("Update", async ct => await provisioner.UpdateAsync(Identity("update"), create.PhysicalResourceId, created, updated, ct).ConfigureAwait(false)).ConfigureAwait(false);
            if (update.PhysicalResourceId != create.PhysicalResourceId)
            {
                // A replacement: CloudFormation deletes the old physical id in its cleanup phase.
                await phases.RunAsync("Delete (old id, after replacement)", async ct =>
                {
                    await provisioner.DeleteAsync(Identity("cleanup"), create.PhysicalResourceId, created, ct).ConfigureAwait(false);
                    return null;
                }).ConfigureAwait(false);
            }

            await phases.RunAsync("Delete", async ct =>
            {
                await provisioner.DeleteAsync(Identity("delete"), update.PhysicalResourceId, updated, ct).ConfigureAwait(false);
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

    private static ResourceIdentity Identity(string request) => new(StackId, LogicalId, $"simulate-{request}");

    private static async Task<ServiceProperties?> ReadValidAsync(string file, TextWriter errors)
    {
        var result = await PropertiesFile.ReadAsync(file).ConfigureAwait(false);
        if (!result.IsValid)
        {
            await errors.WriteLineAsync($"{file}: {result.Describe()}").ConfigureAwait(false);
        }

        return result.Properties;
    }

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

    private static bool TryParse(IReadOnlyList<string> arguments, out string file, out string? updateFile, out TimeSpan latency, out string problem)
    {
        (file, updateFile, latency, problem) = (string.Empty, null, TimeSpan.Zero, string.Empty);
        for (var i = 0; i < arguments.Count; i++)
        {
            var value = i + 1 < arguments.Count ? arguments[i + 1] : null;
            switch (arguments[i])
            {
                case "--update" when value is not null:
                    updateFile = value;
                    i++;
                    break;
                case "--latency-ms" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms):
                    latency = TimeSpan.FromMilliseconds(ms);
                    i++;
                    break;
                case var argument when !argument.StartsWith('-') && file.Length == 0:
                    file = argument;
                    break;
                default:
                    problem = $"fargate-api simulate: unexpected '{arguments[i]}'";
                    return false;
            }
        }

        problem = file.Length == 0 ? "fargate-api simulate: a properties file is required" : string.Empty;
        return file.Length > 0;
    }

    /// <summary>Runs one phase and prints the resources it made, changed and removed (by snapshot diff) and its calls.</summary>
    private sealed class PhaseRunner(SimulatedAws aws, TextWriter output, TextWriter progress)
    {
        public List<PhaseReport> Reports { get; } = [];

        public async Task<LifecycleOutcome> RunAsync(string name, Func<CancellationToken, Task<LifecycleOutcome?>> phase)
        {
            await progress.WriteLineAsync($"simulate: {name}…").ConfigureAwait(false);
            var before = aws.Snapshot();
            var callsBefore = aws.Calls.Count;
            var clock = Stopwatch.StartNew();
            var outcome = await phase(CancellationToken.None).ConfigureAwait(false);
            clock.Stop();
            var after = aws.Snapshot();
            var calls = aws.Calls.Records.Skip(callsBefore).ToList();
            Reports.Add(new PhaseReport(name, clock.Elapsed, before, after, calls.Select(c => $"{c.Service}:{c.Operation}").ToList(), outcome));

            await output.WriteLineAsync($"\n== {name}: {clock.Elapsed.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms, {calls.Count} AWS calls").ConfigureAwait(false);
            await WriteDiffAsync(before, after).ConfigureAwait(false);
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

            return outcome ?? new LifecycleOutcome(string.Empty, new Dictionary<string, string>());
        }

        private async Task WriteDiffAsync(SimulationSnapshot before, SimulationSnapshot after)
        {
            var old = before.Live.ToDictionary(Key);
            var now = after.Live.ToDictionary(Key);
            foreach (var entry in after.Live.Where(e => !old.ContainsKey(Key(e))))
            {
                await output.WriteLineAsync($"   + made     {entry.Type} {entry.Id}").ConfigureAwait(false);
            }

            foreach (var entry in after.Live.Where(e => old.TryGetValue(Key(e), out var was) && Changed(was, e)))
            {
                await output.WriteLineAsync($"   ~ changed  {entry.Type} {entry.Id} ({Describe(old[Key(entry)], entry)})").ConfigureAwait(false);
            }

            foreach (var entry in before.Live.Where(e => !now.ContainsKey(Key(e))))
            {
                await output.WriteLineAsync($"   - removed  {entry.Type} {entry.Id}").ConfigureAwait(false);
            }
        }

        private static string Key(SnapshotEntry entry) => $"{entry.Service}|{entry.Type}|{entry.Id}";

        private static bool Changed(SnapshotEntry was, SnapshotEntry now) =>
            was.State != now.State || was.Tags.Count != now.Tags.Count || was.Tags.Any(t => !now.Tags.TryGetValue(t.Key, out var v) || v != t.Value);

        private static string Describe(SnapshotEntry was, SnapshotEntry now) =>
            was.State != now.State ? $"{was.State} → {now.State}" : "tags";
    }
}
