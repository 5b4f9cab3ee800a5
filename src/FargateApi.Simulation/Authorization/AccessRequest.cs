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

    /// <summary>
    /// A request signed by a session of a role carrying <paramref name="roleTags"/>: each is an <c>aws:PrincipalTag/key</c>
    /// of the request ("AWS global condition context keys", aws:PrincipalTag: "It is included for a principal using an IAM
    /// role with attached tags").
    /// </summary>
    public static AccessRequest ByRoleTagged(string action, string resource, IEnumerable<KeyValuePair<string, string>> roleTags) =>
        new(action, resource, new RequestContext().PrincipalTags(roleTags).Keys);

    public IReadOnlyList<string>? ValuesOf(string key) => Context.TryGetValue(key, out var values) ? values : null;

    public override string ToString() => $"{Action} on {Resource}";
}
