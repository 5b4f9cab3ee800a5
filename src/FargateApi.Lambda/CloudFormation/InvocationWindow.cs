using FargateApi.Lambda.Runtime;

namespace FargateApi.Lambda.CloudFormation;

/// <summary>
/// How one invocation splits its time: work until <see cref="InvocationDeadline"/> (the lifecycle's own limit), hand a
/// long wait on before <see cref="WorkEnd"/> (the work's token fires there), then answer FAILED within the safety margin
/// if anything went wrong.
/// </summary>
/// <param name="Budget">Time left when the event arrived.</param>
internal sealed record InvocationWindow(TimeSpan Budget, TimeSpan SafetyMargin, DateTimeOffset WorkEnd, DateTimeOffset InvocationDeadline)
{
    public static InvocationWindow For(InvocationContext context, HandlerOptions options)
    {
        var budget = context.RemainingTime;
        var margin = options.SafetyMargin(budget);
        var workEnd = context.Deadline - margin;
        return new InvocationWindow(budget, margin, workEnd, workEnd - options.HandOffReserve);
    }
}
