namespace FargateApi.Simulation.Authorization;

/// <summary>
/// IAM's answer for one request within one account: an explicit Deny wins over every Allow; without a matching Allow the
/// request is implicitly denied (IAM User Guide, "Policy evaluation logic").
/// </summary>
public enum AccessEffect
{
    Allowed,
    ImplicitlyDenied,
    ExplicitlyDenied,
}

/// <summary>The effect and the statement that decided it (none for an implicit deny).</summary>
public sealed record AccessDecision(AccessEffect Effect, IamStatement? DecidedBy)
{
    public bool IsAllowed => Effect == AccessEffect.Allowed;
}
