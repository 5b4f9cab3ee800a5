using System.Text;
using System.Text.Json;
using FargateApi.Provisioning;
using FargateApi.Simulation;
using FargateApi.Simulation.Inspection;

namespace FargateApi.Cli.Commands;

/// <summary>One phase of <c>simulate</c>: how long it took, its AWS calls, what it made, changed and removed, and its outcome.</summary>
internal sealed record PhaseReport(string Name, TimeSpan Elapsed, SimulationSnapshot Before, SimulationSnapshot After, IReadOnlyList<string> Calls, LifecycleOutcome? Outcome)
{
    public IEnumerable<SnapshotEntry> Made => After.Live.Where(e => !Before.Live.Any(b => Key(b) == Key(e)));

    public IEnumerable<SnapshotEntry> Removed => Before.Live.Where(e => !After.Live.Any(a => Key(a) == Key(e)));

    public IEnumerable<SnapshotEntry> Changed => After.Live.Where(e => Before.Live.FirstOrDefault(b => Key(b) == Key(e)) is { } was
        && (was.State != e.State || was.Tags.Count != e.Tags.Count || was.Tags.Any(t => !e.Tags.TryGetValue(t.Key, out var v) || v != t.Value)));

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
                Entries(json, "made", phase.Made);
                Entries(json, "changed", phase.Changed);
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
