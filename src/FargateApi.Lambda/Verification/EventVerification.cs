namespace FargateApi.Lambda.Verification;

/// <summary>
/// The switch for <see cref="VerifiedLifecycle"/>: on unless <see cref="Variable"/> is exactly <c>0</c>. Off is for local and
/// emulator use only (an emulator's stacks are not the ones the test events name); in AWS, anyone allowed to invoke the
/// function could then forge a Delete or an Update of any team's service.
/// </summary>
internal static class EventVerification
{
    public const string Variable = "FARGATE_API_VERIFY_EVENTS";

    public static bool IsOn(Func<string, string?> environment) => environment(Variable) != "0";
}
