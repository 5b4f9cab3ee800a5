namespace FargateApi.Simulation.Inspection;

/// <summary>One resource as a leak test sees it.</summary>
/// <param name="State">ACTIVE for most; a service's status, a task definition's status, an ENI's "lingering".</param>
/// <param name="Seeded">Part of <see cref="SimulatedAws.SeedNetwork"/>: the shared network the provider must never touch.</param>
public sealed record SnapshotEntry(string Service, string Type, string Id, string State, bool Seeded, IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>INACTIVE services and task definitions are records AWS keeps, not resources anyone pays for or must delete.</summary>
    public bool IsLive => State != "INACTIVE";
}

/// <summary>Every resource in the simulated account at one moment.</summary>
public sealed record SimulationSnapshot(IReadOnlyList<SnapshotEntry> All)
{
    public IReadOnlyList<SnapshotEntry> Live => [.. All.Where(e => e.IsLive)];

    /// <summary>What a create added and a delete must remove: live resources outside the seeded network.</summary>
    public IReadOnlyList<SnapshotEntry> LiveBeyondSeed => [.. All.Where(e => e.IsLive && !e.Seeded)];

    public IReadOnlyList<SnapshotEntry> TaggedWith(string key, string value) =>
        [.. All.Where(e => e.IsLive && e.Tags.TryGetValue(key, out var v) && v == value)];

    public IReadOnlyList<SnapshotEntry> OfType(string type) => [.. All.Where(e => e.Type == type)];
}
