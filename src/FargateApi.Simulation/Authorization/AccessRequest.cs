namespace FargateApi.Simulation.Authorization;

/// <summary>
/// One authorization question, as IAM evaluates it: may the caller perform <see cref="Action"/> on <see cref="Resource"/>
/// given the request context (condition keys and their values; keys are case-insensitive, IAM User Guide "IAM JSON
/// policy elements: Condition"). A multivalued key such as <c>aws:TagKeys</c> holds several values.
/// </summary>
public sealed record AccessRequest(string Action, string Resource, IReadOnlyDictionary<string, IReadOnlyList<string>> Context)
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> NoContext { get; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);

    public AccessRequest(string action, string resource)
        : this(action, resource, NoContext)
    {
    }

    public IReadOnlyList<string>? ValuesOf(string key) => Context.TryGetValue(key, out var values) ? values : null;

    public override string ToString() => $"{Action} on {Resource}";
}
