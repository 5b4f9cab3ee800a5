using System.Text;
using System.Text.Json;
using FargateApi.Provisioning;
using FargateApi.Simulation;
using FargateApi.Simulation.Inspection;

namespace FargateApi.Cli.Commands;

/// <summary>One phase of <c>simulate</c>: how long it took, its AWS calls, what it made, changed and removed, and its outcome.</summary>
/// <param name="Changes">What the phase changed on the running service (task definition, image…); empty but for an Update.</param>
internal sealed record PhaseReport(string Name, TimeSpan Elapsed, SimulationSnapshot Before, SimulationSnapshot After, IReadOnlyList<string> Calls, LifecycleOutcome? Outcome, IReadOnlyList<StateChange> Changes)
{
    /// <summary>
    /// ECS attaches a network interface to every task and removes it after the task stops: AWS's, not the provider's, so
    /// not listed among what a phase made, changed or removed (they still count as left behind if any outlive the Delete).
    /// </summary>
    private const string TaskNetworkInterface = "network-interface";

    public IEnumerable<SnapshotEntry> Made => Provider(After).Where(e => !Before.Live.Any(b => Key(b) == Key(e)));

    public IEnumerable<SnapshotEntry> Removed => Provider(Before).Where(e => !After.Live.Any(a => Key(a) == Key(e)));

    public IEnumerable<(SnapshotEntry Was, SnapshotEntry Now)> Changed => Provider(After)
        .Select(e => (Was: Before.Live.FirstOrDefault(b => Key(b) == Key(e)), Now: e))
        .Where(pair => pair.Was is { } was && (was.State != pair.Now.State || was.Tags.Count != pair.Now.Tags.Count || was.Tags.Any(t => !pair.Now.Tags.TryGetValue(t.Key, out var v) || v != t.Value)))
        .Select(pair => (pair.Was!, pair.Now));

    private static IEnumerable<SnapshotEntry> Provider(SimulationSnapshot snapshot) => snapshot.Live.Where(e => e.Type != TaskNetworkInterface);

    private static string Key(SnapshotEntry entry) => $"{entry.Service}|{entry.Type}|{entry.Id}";
}

/// <summary><c>simulate --json</c>: the whole run as one document for scripts.</summary>
internal static class SimulationReport
{
    public static string ToJson(SimulatedAws aws, IReadOnlyList<PhaseReport> phases, string? failure, IReadOnlyList<SnapshotEntry> leftBehind)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("account", aws.Options.AccountId);
            json.WriteString("region", aws.Options.Region);
            json.WriteBoolean("succeeded", failure is null);
            json.WriteString("failure", failure);
            json.WriteStartArray("phases");
            foreach (var phase in phases)
            {
                json.WriteStartObject();
                json.WriteString("name", phase.Name);
                json.WriteNumber("elapsedMs", Math.Round(phase.Elapsed.TotalMilliseconds, 1));
                json.WriteNumber("callCount", phase.Calls.Count);
                json.WriteStartObject("calls");
                foreach (var group in phase.Calls.GroupBy(c => c, StringComparer.Ordinal))
                {
                    json.WriteNumber(group.Key, group.Count());
                }

                json.WriteEndObject();
                json.WriteStartArray("changes");
                foreach (var change in phase.Changes)
                {
                    json.WriteStartObject();
                    json.WriteString("what", change.What);
                    json.WriteString("old", change.Old);
                    json.WriteString("new", change.New);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                Entries(json, "made", phase.Made);
                Entries(json, "changed", phase.Changed.Select(c => c.Now));
                Entries(json, "removed", phase.Removed);
                if (phase.Outcome is { } outcome)
                {
                    json.WriteString("physicalResourceId", outcome.PhysicalResourceId);
                    json.WriteStartObject("data");
                    foreach (var (key, value) in outcome.Data.OrderBy(d => d.Key, StringComparer.Ordinal))
                    {
                        json.WriteString(key, value);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            Entries(json, "leftBehind", leftBehind);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + Environment.NewLine;
    }

    private static void Entries(Utf8JsonWriter json, string name, IEnumerable<SnapshotEntry> entries)
    {
        json.WriteStartArray(name);
        foreach (var entry in entries)
        {
            json.WriteStartObject();
            json.WriteString("service", entry.Service);
            json.WriteString("type", entry.Type);
            json.WriteString("id", entry.Id);
            json.WriteString("state", entry.State);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
