using FargateApi.Desired;

namespace FargateApi.Planning;

internal enum ChangeKind
{
    NoChange,
    UpdateInPlace,
    Replace,
    Create,
    Delete,
}

/// <summary>One field's move; null stands for "absent" (a variable added or removed).</summary>
internal sealed record FieldChange(string Field, string? Old, string? New)
{
    public FieldChange Inverse() => new(Field, New, Old);

    public override string ToString() => $"{Field}: {Old ?? "(none)"} → {New ?? "(none)"}";
}

/// <summary>What happens to one resource of the stack, and why.</summary>
/// <param name="Resource">The resource's role in the stack (<c>task definition</c>, <c>service</c>…).</param>
internal sealed record ResourceChange(string Resource, ChangeKind Kind, ValueList<FieldChange> Fields, string? Reason = null);

internal static class FieldDiff
{
    /// <summary>Changed, added and removed fields, in the new version's order and then the removed ones.</summary>
    public static ValueList<FieldChange> Between(IEnumerable<Field> before, IEnumerable<Field> after)
    {
        var old = before.ToDictionary(field => field.Name, field => field.Value, StringComparer.Ordinal);
        var changes = new List<FieldChange>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in after)
        {
            seen.Add(field.Name);
            old.TryGetValue(field.Name, out var previous);
            if (!string.Equals(previous, field.Value, StringComparison.Ordinal))
            {
                changes.Add(new(field.Name, previous, field.Value));
            }
        }

        changes.AddRange(before.Where(field => !seen.Contains(field.Name)).Select(field => new FieldChange(field.Name, field.Value, null)));
        return changes.ToValueList();
    }
}
