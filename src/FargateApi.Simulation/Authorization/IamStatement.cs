namespace FargateApi.Simulation.Authorization;

/// <summary>
/// One statement of an identity-based policy, its intrinsics already resolved: it applies to a request when the action
/// matches (Action, or not NotAction; case-insensitive), the resource matches (Resource, or not NotResource;
/// case-sensitive) and every condition holds (IAM User Guide, "IAM JSON policy element reference"). Policy variables in
/// Resource and NotResource are resolved from the request. For a variable without a value the guide says both that "the
/// resource that includes a policy variable with no value will not match any resource" ("Policy variables with no value")
/// and that it "might cause the entire statement to be invalid"; @cloud-copilot/iam-simulate drops such a Deny. The
/// simulation takes whichever reading allows more, so no test relies on a Deny IAM may not apply: an Allow entry with
/// such a variable matches no resource (in NotResource, it excludes nothing), a Deny with one does not apply.
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

    private bool ResourceMatches(AccessRequest request)
    {
        var entries = Resources.Count > 0 ? Resources : NotResources;
        if (!entries.Any(PolicyVariables.Uses))
        {
            var plain = entries.Any(pattern => WildcardPattern.Matches(pattern, request.Resource, StringComparison.Ordinal));
            return Resources.Count > 0 ? plain : !plain;
        }

        var resolved = entries.Select(pattern => PolicyVariables.Resolve(pattern, request)).ToList();
        if (!IsAllow && resolved.Contains(null))
        {
            return false;
        }

        var matched = resolved.Any(pattern => pattern is { } entry && entry.Matches(request.Resource, StringComparison.Ordinal));
        return Resources.Count > 0 ? matched : !matched;
    }

    public override string ToString() => Sid ?? $"{(IsAllow ? "Allow" : "Deny")} {string.Join(',', Actions)}";
}
