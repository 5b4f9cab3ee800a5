namespace FargateApi.Simulation.Authorization;

/// <summary>
/// One statement of an identity-based policy, its intrinsics already resolved: it applies to a request when the action
/// matches (Action, or not NotAction; case-insensitive), the resource matches (Resource, or not NotResource;
/// case-sensitive) and every condition holds (IAM User Guide, "IAM JSON policy element reference").
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
        ActionMatches(request.Action) && ResourceMatches(request.Resource) && Conditions.All(condition => condition.IsSatisfiedBy(request));

    private bool ActionMatches(string action) => Actions.Count > 0
        ? Actions.Any(pattern => WildcardPattern.Matches(pattern, action, StringComparison.OrdinalIgnoreCase))
        : !NotActions.Any(pattern => WildcardPattern.Matches(pattern, action, StringComparison.OrdinalIgnoreCase));

    private bool ResourceMatches(string resource) => Resources.Count > 0
        ? Resources.Any(pattern => WildcardPattern.Matches(pattern, resource, StringComparison.Ordinal))
        : !NotResources.Any(pattern => WildcardPattern.Matches(pattern, resource, StringComparison.Ordinal));

    public override string ToString() => Sid ?? $"{(IsAllow ? "Allow" : "Deny")} {string.Join(',', Actions)}";
}
