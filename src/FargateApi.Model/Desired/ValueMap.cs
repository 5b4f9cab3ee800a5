using System.Collections;

namespace FargateApi.Desired;

/// <summary>
/// An immutable string map kept in ordinal key order, compared by content. The fixed order makes
/// environment variables, tags and options render and diff the same way every time, whatever order
/// the template listed them in.
/// </summary>
internal sealed class ValueMap : IReadOnlyDictionary<string, string>, IEquatable<ValueMap>
{
    private readonly KeyValuePair<string, string>[] _entries;

    private ValueMap(KeyValuePair<string, string>[] sortedEntries) => _entries = sortedEntries;

    public static ValueMap Empty { get; } = new([]);

    /// <summary>Later entries win over earlier ones with the same key.</summary>
    public static ValueMap From(IEnumerable<KeyValuePair<string, string>> entries)
    {
        var byKey = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            byKey[key] = value;
        }

        return new([.. byKey.OrderBy(entry => entry.Key, StringComparer.Ordinal)]);
    }

    public static ValueMap Of(params (string Key, string Value)[] entries) =>
        From(entries.Select(entry => KeyValuePair.Create(entry.Key, entry.Value)));

    /// <summary>This map with <paramref name="overrides"/> laid over it.</summary>
    public ValueMap With(IEnumerable<KeyValuePair<string, string>> overrides) => From(_entries.Concat(overrides));

    public int Count => _entries.Length;

    public IEnumerable<string> Keys => _entries.Select(entry => entry.Key);

    public IEnumerable<string> Values => _entries.Select(entry => entry.Value);

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string value)
    {
        var index = Array.BinarySearch(_entries, KeyValuePair.Create(key, string.Empty), KeyOrder.Instance);
        value = index >= 0 ? _entries[index].Value : null;
        return index >= 0;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() =>
        ((IEnumerable<KeyValuePair<string, string>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(ValueMap? other)
    {
        if (other is null || other._entries.Length != _entries.Length)
        {
            return false;
        }

        for (var i = 0; i < _entries.Length; i++)
        {
            if (!string.Equals(_entries[i].Key, other._entries[i].Key, StringComparison.Ordinal)
                || !string.Equals(_entries[i].Value, other._entries[i].Value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as ValueMap);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var entry in _entries)
        {
            hash.Add(entry.Key, StringComparer.Ordinal);
            hash.Add(entry.Value, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    public static bool operator ==(ValueMap? left, ValueMap? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(ValueMap? left, ValueMap? right) => !(left == right);

    /// <summary>The canonical text used in diffs and printed plans: <c>{a=1, b=2}</c>.</summary>
    public override string ToString() => $"{{{string.Join(", ", _entries.Select(entry => $"{entry.Key}={entry.Value}"))}}}";

    private sealed class KeyOrder : IComparer<KeyValuePair<string, string>>
    {
        public static KeyOrder Instance { get; } = new();

        public int Compare(KeyValuePair<string, string> x, KeyValuePair<string, string> y) =>
            string.CompareOrdinal(x.Key, y.Key);
    }
}
