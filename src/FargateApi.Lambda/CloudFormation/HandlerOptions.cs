namespace FargateApi.Lambda.CloudFormation;

/// <summary>The knobs of <see cref="CustomResourceHandler"/>; tests shrink the time margins.</summary>
/// <param name="AllowHttpResponseUrl">Plain-http ResponseURLs to a loopback address, for local tests only (env <see cref="AllowHttpVariable"/>=1).</param>
/// <param name="MinimumSafetyMargin">Work stops at deadline − max(this, <paramref name="SafetyMarginFraction"/> × budget),
/// leaving time to deliver the FAILED answer (with its retries) before Lambda kills the function.</param>
/// <param name="DeliveryReserve">Kept back from the deadline after delivery, to report the invocation to the Runtime API.</param>
internal sealed record HandlerOptions(
    bool AllowHttpResponseUrl,
    TimeSpan MinimumSafetyMargin,
    double SafetyMarginFraction,
    TimeSpan DeliveryReserve)
{
    public const string AllowHttpVariable = "FARGATE_API_ALLOW_HTTP_RESPONSE_URL";

    /// <summary>
    /// Kept back before the end of the work window for handing a long wait to the next invocation (one Lambda Invoke,
    /// normally well under a second, with room for a retry). The lifecycle's <c>InvocationDeadline</c> is this much
    /// earlier than the point where its token fires; after it the safety margin still covers a FAILED answer.
    /// </summary>
    public TimeSpan HandOffReserve { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>AWS_REGION: where CloudFormation's response bucket is when the Runtime API names no function (whose ARN says it).</summary>
    public string? Region { get; init; }

    public static HandlerOptions FromEnvironment() => new(
        AllowHttpResponseUrl: Environment.GetEnvironmentVariable(AllowHttpVariable) == "1",
        MinimumSafetyMargin: TimeSpan.FromSeconds(5),
        SafetyMarginFraction: 0.05,
        DeliveryReserve: TimeSpan.FromMilliseconds(300))
    {
        Region = Environment.GetEnvironmentVariable("AWS_REGION"),
    };

    public TimeSpan SafetyMargin(TimeSpan budget)
    {
        var proportional = budget * SafetyMarginFraction;
        return proportional > MinimumSafetyMargin ? proportional : MinimumSafetyMargin;
    }
}
