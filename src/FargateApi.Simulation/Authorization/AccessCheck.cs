namespace FargateApi.Simulation.Authorization;

/// <summary>Why a call needs a permission, which decides the error AWS answers when it is missing.</summary>
internal enum AccessCheckKind
{
    /// <summary>The operation's own action: the service's access-denied error.</summary>
    Action,

    /// <summary>
    /// Application Auto Scaling's "Permissions validation for Application Auto Scaling API calls on target resources": it
    /// tries the target service's and CloudWatch's actions as the caller and, when one is denied, "fails the request with
    /// a ValidationException error" listing what is missing
    /// (https://docs.aws.amazon.com/autoscaling/application/userguide/security_iam_permission_validation.html).
    /// </summary>
    TargetValidation,

    /// <summary>A further action the same call needs (iam:PassRole, tag-on-create, a service-linked role): access denied on it.</summary>
    Implied,
}

/// <summary>One permission a simulated call needs; the adapters declare them per call (Authorization/Access).</summary>
/// <param name="CreatesServiceLinkedRole">The service-linked role this check creates once the call is authorized.</param>
/// <param name="Alternatives">Other actions any one of which satisfies the check instead (same resource and context).</param>
internal sealed record AccessCheck(AccessRequest Request, AccessCheckKind Kind, string? CreatesServiceLinkedRole = null, IReadOnlyList<string>? Alternatives = null)
{
    public static AccessCheck For(string action, string resource, RequestContext? context = null) =>
        new(new AccessRequest(action, resource, context?.Keys ?? AccessRequest.NoContext), AccessCheckKind.Action);

    public static AccessCheck Implied(string action, string resource, RequestContext? context = null) =>
        new(new AccessRequest(action, resource, context?.Keys ?? AccessRequest.NoContext), AccessCheckKind.Implied);

    public static AccessCheck TargetValidation(string action, string resource, RequestContext? context = null) =>
        new(new AccessRequest(action, resource, context?.Keys ?? AccessRequest.NoContext), AccessCheckKind.TargetValidation);
}
