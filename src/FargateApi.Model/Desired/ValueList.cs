using System.Collections;

namespace FargateApi.Desired;

/// <summary>
/// An immutable list that compares by its elements, in order. Records holding an <see cref="IReadOnlyList{T}"/>
/// compare it by reference, so two desired stacks derived from equal properties would never be equal and every
/// update would look like a change; this type makes the records' generated equality mean "same values".
/// </summary>
internal sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    private ValueList(T[] items) => _items = items;

    public static ValueList<T> Empty { get; } = new([]);

    public static ValueList<T> From(IEnumerable<T> items) => new([.. items]);

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(ValueList<T>? other) =>
        other is not null && _items.AsSpan().SequenceEqual(other._items, EqualityComparer<T>.Default);

    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public static bool operator ==(ValueList<T>? left, ValueList<T>? right) =>
        left is null ? right is null : left.Equals(right);

    public static bool operator !=(ValueList<T>? left, ValueList<T>? right) => !(left == right);

    /// <summary>The canonical text used in diffs and printed plans: <c>[a, b]</c>.</summary>
    public override string ToString() => $"[{string.Join(", ", _items)}]";
}

/// <summary>Construction helpers, so call sites read <c>ValueList.Of("a", "b")</c>.</summary>
internal static class ValueList
{
    public static ValueList<T> Of<T>(params T[] items) => ValueList<T>.From(items);

    public static ValueList<T> ToValueList<T>(this IEnumerable<T> items) => ValueList<T>.From(items);
}
