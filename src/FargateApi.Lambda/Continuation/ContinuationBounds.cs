using FargateApi.Properties;

namespace FargateApi.Lambda.Continuation;

/// <summary>
/// How far a chain of continuations may go, whatever a continuation says: a signed continuation comes from the provider,
/// and these bounds make a bug in it (or a key that leaked) unable to keep the provider working on a request for longer
/// than CloudFormation waits for it.
/// <list type="bullet">
/// <item>Deadline: at most the first invocation's request time (the ResponseURL's signing time, CloudFormation's clock; the
/// continuation's StartedAt when the URL has none) plus the resource's ServiceTimeout, itself at most 3600 s
/// (AWS::CloudFormation::CustomResource ServiceTimeout: 1 to 3600, research pitfall 2).</item>
/// <item>Hops: at most ServiceTimeout / <see cref="MinimumHop"/>, rounded up. An invocation hands on only when its own
/// deadline is near: with the template's 900 s Timeout each one works ≈ 840 s (less the safety margin, the hand-off reserve
/// and ContinuationMargin + one poll), so 3600 s take ≤ 5 hops; the bound (60 for 3600 s) leaves room for any function
/// Timeout of 2 minutes or more, and still ends a runaway chain.</item>
/// </list>
/// </summary>
internal static class ContinuationBounds
{
    public static readonly TimeSpan MinimumHop = TimeSpan.FromSeconds(60);

    public static TimeSpan ServiceTimeout(ServiceProperties? properties) =>
        TimeSpan.FromSeconds(Math.Min(properties?.ServiceTimeoutSeconds ?? PropertyLimits.MaxServiceTimeout, PropertyLimits.MaxServiceTimeout));

    public static int MaxHops(TimeSpan serviceTimeout) => (int)Math.Ceiling(serviceTimeout / MinimumHop);

    public static DateTimeOffset LatestDeadline(DateTimeOffset firstRequestedAt, TimeSpan serviceTimeout) => firstRequestedAt + serviceTimeout;
}
