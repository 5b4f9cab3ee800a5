namespace FargateApi.Simulation.Authorization;

/// <summary>
/// One statement of an identity-based policy, its intrinsics already resolved: it applies to a request when the action
/// matches (Action, or not NotAction; case-insensitive), the resource matches (Resource, or not NotResource;
/// case-sensitive) and every condition holds (IAM User Guide, "IAM JSON policy element reference"). Policy variables in
/// Resource and NotResource are resolved from the request; an entry whose variable has no value matches no resource
/// ("Policy variables with no value"), so in NotResource it excludes nothing.
/// </summary>
public sealed record IamStatement(
    string? Sid,
    bool IsAllow,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> NotActions,
    IReadOnlyList<string> Resources,
    IReadOnlyList<string> NotResources,
    IReadOnlyList<IamCondition> Conditions)
{
    public bool AppliesTo(AccessRequest request) =>
        ActionMatches(request.Action) && ResourceMatches(request) && Conditions.All(condition => condition.IsSatisfiedBy(request));

    private bool ActionMatches(string action) => Actions.Count > 0
        ? Actions.Any(pattern => WildcardPattern.Matches(pattern, action, StringComparison.OrdinalIgnoreCase))
        : !NotActions.Any(pattern => WildcardPattern.Matches(pattern, action, StringComparison.OrdinalIgnoreCase));

    private bool ResourceMatches(AccessRequest request) => Resources.Count > 0
        ? Resources.Any(pattern => Matches(pattern, request))
        : !NotResources.Any(pattern => Matches(pattern, request));

    private static bool Matches(string pattern, AccessRequest request) =>
        PolicyVariables.Uses(pattern)
            ? PolicyVariables.Resolve(pattern, request) is { } resolved && resolved.Matches(request.Resource, StringComparison.Ordinal)
            : WildcardPattern.Matches(pattern, request.Resource, StringComparison.Ordinal);

    public override string ToString() => Sid ?? $"{(IsAllow ? "Allow" : "Deny")} {string.Join(',', Actions)}";
}
