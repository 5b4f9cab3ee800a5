namespace FargateApi.Simulation.Core;

/// <summary>What every simulated resource shares: tags, whether it belongs to the seeded network, and how long it hides from readers.</summary>
internal abstract class SimulatedResource
{
    /// <param name="tagKeys">How tag keys compare: exactly, except where a service says otherwise (IAM).</param>
    protected SimulatedResource(StringComparer? tagKeys = null) => Tags = new(tagKeys ?? StringComparer.Ordinal);

    public Dictionary<string, string> Tags { get; }

    public bool Seeded { get; set; }

    /// <summary>Remaining describe/list/get calls that do not see this resource yet (eventual consistency).</summary>
    public int InvisibleReads { get; set; }

    /// <summary>Until then reads do not see this resource (eventual consistency on the clock); null: no such window.</summary>
    public DateTimeOffset? InvisibleUntil { get; set; }

    /// <summary>The clock <see cref="InvisibleUntil"/> is read on; set with it.</summary>
    public TimeProvider? Clock { get; set; }

    /// <summary>Called once per read that would return this resource: false while it is still propagating.</summary>
    public bool IsVisibleToRead()
    {
        if (InvisibleUntil is { } until && Clock is { } clock && clock.GetUtcNow() < until)
        {
            return false;
        }

        if (InvisibleReads <= 0)
        {
            return true;
        }

        InvisibleReads--;
        return false;
    }

    /// <summary>Writes (and reads of other resources that merely reference this one) always see it; only reads may miss it.</summary>
    public bool IsVisibleTo(bool read) => !read || IsVisibleToRead();

    public void MergeTags(IEnumerable<KeyValuePair<string, string>>? tags)
    {
        if (tags is null)
        {
            return;
        }

        foreach (var (key, value) in tags)
        {
            Tags[key] = value;
        }
    }

    /// <summary>The untag calls: a key the resource does not carry is no error.</summary>
    public void RemoveTags(IEnumerable<string> keys)
    {
        foreach (var key in keys)
        {
            Tags.Remove(key);
        }
    }
}
