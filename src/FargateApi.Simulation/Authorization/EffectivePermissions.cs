namespace FargateApi.Simulation.Authorization;

/// <summary>
/// What a role with a permissions boundary may do through its identity-based policies (IAM User Guide, "Permissions
/// boundaries for IAM entities", evaluating effective permissions: "The effective permissions are everything that is
/// allowed by both policy types. An explicit deny in either of these policies overrides the allow"). Resource-based
/// policies, which a boundary does not reduce within an account, are not part of it.
/// </summary>
public static class EffectivePermissions
{
    /// <param name="boundary">Null: the role has no boundary, its policies alone decide.</param>
    public static AccessDecision Evaluate(IamPolicy identity, IamPolicy? boundary, AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var granted = identity.Evaluate(request);
        if (boundary is null || granted.Effect == AccessEffect.ExplicitlyDenied)
        {
            return granted;
        }

        var bounded = boundary.Evaluate(request);
        return bounded.Effect switch
        {
            AccessEffect.ExplicitlyDenied => bounded,
            AccessEffect.Allowed => granted,
            _ => granted.IsAllowed ? bounded : granted,
        };
    }
}
