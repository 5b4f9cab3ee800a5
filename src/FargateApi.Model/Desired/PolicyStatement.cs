namespace FargateApi.Desired;

/// <summary>One Allow statement of an inline policy the provider writes itself.</summary>
internal sealed record PolicyStatement(string Sid, ValueList<string> Actions, ValueList<string> Resources)
{
    /// <summary>When the statement applies; null: always.</summary>
    public PolicyCondition? Condition { get; init; }

    /// <summary>Resources sorted and de-duplicated: reordering grants in the template is not a change.</summary>
    public static PolicyStatement Allow(string sid, IEnumerable<string> actions, IEnumerable<string> resources) =>
        new(sid, actions.ToValueList(), resources.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToValueList());

    public override string ToString() =>
        $"{string.Join(", ", Actions)} on {string.Join(", ", Resources)}" + (Condition is { } condition ? $" when {condition}" : string.Empty);
}
