using System.Text;
using FargateApi.Aws.Http;
using FargateApi.Simulation.Core;

namespace FargateApi.Simulation.Authorization;

/// <summary>
/// What each service answers when IAM denies the caller. The message is IAM's ("Troubleshoot access denied error
/// messages", IAM User Guide: "User: … is not authorized to perform: … on resource: … because no identity-based policy
/// allows the … action", or "… with an explicit deny in an identity-based policy"); the code and status are the service's:
/// <list type="bullet">
/// <item>JSON services (ECS, CloudWatch Logs, SSM, Application Auto Scaling) and Lambda: <c>AccessDeniedException</c>
/// (ECS and Logs model the shape; Application Auto Scaling's "Troubleshooting access" page shows it for
/// DescribeScalableTargets; cloud-custodian#9409 quotes it for RegisterScalableTarget), HTTP 400, Lambda 403;</item>
/// <item>query services (ELB, IAM, STS): <c>AccessDenied</c>, HTTP 403 (IAM and STS "Common Errors"; the code every
/// CLI transcript of a denied elasticloadbalancing call shows);</item>
/// <item>EC2: <c>UnauthorizedOperation</c>, HTTP 403, "You are not authorized to perform this operation." followed by an
/// encoded authorization failure message (EC2 API Reference, "Error codes").</item>
/// </list>
/// </summary>
internal static class AccessDeniedErrors
{
    public static AwsServiceException Denied(string service, string operation, string principal, AccessRequest request, AccessDecision decision)
    {
        var onResource = request.Resource == "*" ? string.Empty : $" on resource: {request.Resource}";
        var reason = decision.Effect == AccessEffect.ExplicitlyDenied
            ? " with an explicit deny in an identity-based policy"
            : $" because no identity-based policy allows the {request.Action} action";
        var iamMessage = $"User: {principal} is not authorized to perform: {request.Action}{onResource}{reason}";
        return service switch
        {
            SimServices.Ec2 => AwsErrors.Create(service, operation, "UnauthorizedOperation",
                $"You are not authorized to perform this operation. {iamMessage}. Encoded authorization failure message: {Encoded(iamMessage)}", 403),
            SimServices.Elbv2 or SimServices.Iam or SimServices.Sts => AwsErrors.Create(service, operation, "AccessDenied", iamMessage, 403),
            SimServices.Lambda => AwsErrors.Create(service, operation, "AccessDeniedException", iamMessage, 403),
            _ => AwsErrors.Create(service, operation, "AccessDeniedException", iamMessage),
        };
    }

    /// <summary>
    /// Application Auto Scaling's answer when the caller may not call the target service or CloudWatch: a
    /// ValidationException naming the missing permissions (security_iam_permission_validation; the message as quoted in
    /// aws/aws-auto-scaling-custom-resource#25: "User is missing the following permissions: …").
    /// </summary>
    public static AwsServiceException TargetValidation(string operation, IEnumerable<string> missingActions) =>
        AwsErrors.Create(SimServices.AutoScaling, operation, "ValidationException",
            $"User is missing the following permissions: {string.Join(", ", missingActions.Distinct(StringComparer.Ordinal))}");

    /// <summary>EC2 encodes the decision (sts:DecodeAuthorizationMessage reads it); here the message itself, base64.</summary>
    private static string Encoded(string message) => Convert.ToBase64String(Encoding.UTF8.GetBytes(message));
}
