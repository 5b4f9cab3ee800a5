using System.Text;
using FargateApi.Lambda.Continuation;
using FargateApi.Lambda.Logging;
using FargateApi.Lambda.Runtime;
using FargateApi.Lambda.Verification;
using FargateApi.Provisioning;

namespace FargateApi.Lambda.CloudFormation;

/// <summary>
/// The CloudFormation edge: every event that names somewhere to answer gets exactly one response, SUCCESS or FAILED,
/// before the Lambda deadline, whatever the lifecycle does (throws, hangs, returns nonsense). A stack left without an
/// answer waits up to an hour, and again on rollback (research pitfall 2). A wait longer than one invocation is handed
/// on to a new invocation (<see cref="ContinuationEnvelope"/>), which answers in its place; a failed hand-off is answered FAILED.
/// </summary>
/// <remarks>A payload that claims to continue an operation is acted on only when it carries the provider's own signature
/// (<see cref="ContinuationSignature"/>): an unsigned or altered one is logged and ignored, with no answer and no change.</remarks>
internal sealed class CustomResourceHandler(
    IResourceLifecycle lifecycle,
    ResponseSender sender,
    IContinuationSender continuations,
    IContinuationKey continuationKey,
    HandlerOptions options,
    JsonLog log) : IInvocationHandler
{
    private readonly ContinuationHandOff _handOff = new(continuations, continuationKey);

    public async Task<InvocationResult> HandleAsync(Invocation invocation, InvocationContext context, CancellationToken cancellationToken)
    {
        var invocationLog = log.With(("lambdaRequestId", invocation.RequestId));
        var continued = ContinuationEnvelope.TryRead(invocation.Payload);
        var originalEvent = continued?.Event ?? invocation.Payload;
        var parsed = RequestParser.Parse(originalEvent);
        if (parsed is UnanswerableEvent unanswerable)
        {
            invocationLog.Error(continued is null ? "event.unanswerable" : "continuation.unanswerable", ("problem", unanswerable.Problem));
            return InvocationResult.Failure("UnanswerableEvent", unanswerable.Problem);
        }

        var target = parsed switch
        {
            WellFormedEvent wellFormed => wellFormed.Request.Target,
            MalformedEvent malformed => malformed.Target,
            _ => throw new InvalidOperationException($"Unexpected {parsed.GetType().Name}."),
        };
        var requestLog = invocationLog.With(("requestId", target.RequestId), ("stackId", target.StackId), ("logicalResourceId", target.LogicalResourceId));
        if (ResponseUrlPolicy.Refusal(target.ResponseUrl, context.FunctionArn, options.Region, options.AllowHttpResponseUrl) is { } problem)
        {
            requestLog.Error("event.response_url_refused", ("problem", problem));
            return InvocationResult.Failure("ResponseUrlRefused", problem);
        }

        if (continued is not null)
        {
            var (refusal, unverifiable) = await SignatureProblemAsync(continued, cancellationToken).ConfigureAwait(false);
            if (refusal is not null)
            {
                requestLog.Error("continuation.refused", ("problem", refusal), ("handedOffBy", continued.HandedOffBy));
                return InvocationResult.Failure("ContinuationRefused", refusal);
            }

            if (unverifiable is not null)
            {
                requestLog.Error("continuation.unverifiable", ("problem", unverifiable));
                var (requestType, eventPhysicalId) = parsed switch
                {
                    WellFormedEvent { Request: var request } => (request.RequestType, request.PhysicalResourceId),
                    MalformedEvent malformed => (malformed.RequestType, malformed.PhysicalResourceId),
                    _ => (default(RequestType?), null),
                };
                var fallbackId = Operation.FallbackPhysicalId(target, requestType, eventPhysicalId);
                return await DeliverAsync(CustomResourceResponse.Failed(target, fallbackId, unverifiable), context, requestLog).ConfigureAwait(false);
            }

            requestLog.Info(
                "continuation.received",
                ("continuation", continued.Continuation?.Invocation),
                ("operation", continued.Continuation?.Operation.ToString()),
                ("handedOffBy", continued.HandedOffBy),
                ("problem", continued.Problem));
        }

        var window = InvocationWindow.For(context, options);
        OperationResult result = parsed switch
        {
            WellFormedEvent { Request: var request } when continued is null =>
                await RunWithinDeadlineAsync(request, (deadline, stop) => Operation.RunAsync(request, lifecycle, deadline, context.FunctionArn, stop), window, context, requestLog, cancellationToken).ConfigureAwait(false),
            WellFormedEvent { Request: var request } when continued.Continuation is { } continuation =>
                await RunWithinDeadlineAsync(request, (deadline, stop) => ResumedOperation.ResumeAsync(request, continuation, lifecycle, deadline, context.Time.GetUtcNow(), context.FunctionArn, stop), window, context, requestLog, cancellationToken).ConfigureAwait(false),
            WellFormedEvent { Request: var request } => UnusableContinuation(request, continued!.Problem!, requestLog),
            _ => new AnswerResult(Malformed((MalformedEvent)parsed, requestLog)),
        };

        if (result is AbandonedResult abandoned)
        {
            // CloudFormation moved on while the operation waited: an answer now would reach nobody, or contradict the one it acted on.
            requestLog.Warn("operation.abandoned", ("reason", abandoned.Reason));
            return InvocationResult.Success(Encoding.UTF8.GetBytes("{\"status\":\"ABANDONED\"}"));
        }

        if (result is ContinueResult handOn)
        {
            var failure = await _handOff.HandOffAsync(handOn, originalEvent, context, window.WorkEnd, requestLog).ConfigureAwait(false);
            if (failure is null)
            {
                return InvocationResult.Success(Encoding.UTF8.GetBytes("{\"status\":\"CONTINUED\"}"));
            }

            result = new AnswerResult(CustomResourceResponse.Failed(handOn.Target, handOn.FailurePhysicalId, failure));
        }

        return await DeliverAsync(((AnswerResult)result).Response, context, requestLog).ConfigureAwait(false);
    }

    /// <returns>Refusal: not signed by the provider (ignored, unanswered). Unverifiable: the key could not be read, so the
    /// operation cannot go on; CloudFormation hears why instead of waiting out its ServiceTimeout.</returns>
    private async Task<(string? Refusal, string? Unverifiable)> SignatureProblemAsync(ContinuedEvent continued, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(continued.Signature))
        {
            return ("The payload claims to continue an operation but carries no signature; it was ignored and nothing was changed.", null);
        }

        byte[] key;
        try
        {
            key = await continuationKey.GetAsync(cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever kept the key from being read, the operation cannot go on: the reason goes into the FAILED answer.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return (null, $"Internal error: the operation could not be continued, because the signature of its continuation could not be checked: {SafeOperation.ReasonFor(exception)}");
        }

        return ContinuationSignature.IsValid(key, continued.ContinuationJson.Span, continued.Event.Span, continued.Signature)
            ? (null, null)
            : ("The payload claims to continue an operation but its signature does not match its content; it was ignored and nothing was changed.", null);
    }

    private static CustomResourceResponse Malformed(MalformedEvent malformed, JsonLog requestLog)
    {
        requestLog.Error("event.malformed", ("problem", malformed.Problem));
        var physicalId = Operation.FallbackPhysicalId(malformed.Target, malformed.RequestType, malformed.PhysicalResourceId);
        return CustomResourceResponse.Failed(malformed.Target, physicalId, malformed.Problem);
    }

    private static AnswerResult UnusableContinuation(CustomResourceRequest request, string problem, JsonLog requestLog)
    {
        requestLog.Error("continuation.unusable", ("problem", problem));
        var physicalId = Operation.FallbackPhysicalId(request.Target, request.RequestType, request.PhysicalResourceId);
        return new AnswerResult(CustomResourceResponse.Failed(request.Target, physicalId, $"Internal error: {EnumNames.Of(request.RequestType)} could not be continued. {problem}"));
    }

    private static async Task<OperationResult> RunWithinDeadlineAsync(
        CustomResourceRequest request,
        Func<DateTimeOffset, CancellationToken, Task<OperationResult>> operation,
        InvocationWindow window,
        InvocationContext context,
        JsonLog requestLog,
        CancellationToken cancellationToken)
    {
        var time = context.Time;
        var started = time.GetTimestamp();
        var workWindow = window.WorkEnd - time.GetUtcNow();
        requestLog.Info(
            "operation.start",
            ("requestType", EnumNames.Of(request.RequestType)),
            ("resourceType", request.ResourceType),
            ("physicalResourceId", request.PhysicalResourceId),
            ("budgetMs", window.Budget),
            ("workWindowMs", workWindow),
            ("invocationDeadline", window.InvocationDeadline.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
        var fallbackId = Operation.FallbackPhysicalId(request.Target, request.RequestType, request.PhysicalResourceId);
        if (workWindow <= TimeSpan.Zero)
        {
            requestLog.Error("operation.no_time", ("budgetMs", window.Budget));
            return new AnswerResult(CustomResourceResponse.Failed(
                request.Target,
                fallbackId,
                $"{EnumNames.Of(request.RequestType)} was not started: the event arrived with {window.Budget.TotalSeconds:0.#} s left before the provider's Lambda timeout, less than its {window.SafetyMargin.TotalSeconds:0.#} s safety margin."));
        }

        using var timer = new CancellationTokenSource(workWindow, time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        var work = Task.Run(() => SafeOperation.RunAsync(request, token => operation(window.InvocationDeadline, token), stop.Token), CancellationToken.None);

        // The lifecycle may ignore its token: the answer must not wait for it.
        await Task.WhenAny(work, Task.Delay(Timeout.InfiniteTimeSpan, stop.Token)).ConfigureAwait(false);
        var elapsed = time.GetElapsedTime(started);
        if (work.IsCompletedSuccessfully)
        {
            return Finished(work.Result, elapsed, requestLog);
        }

        // SafeOperation answers every failure but a cancellation through stop: the work is still running or was stopped.
        return new AnswerResult(TimedOut(request, fallbackId, elapsed, requestLog));
    }

    private static OperationResult Finished(OperationResult result, TimeSpan elapsed, JsonLog requestLog)
    {
        switch (result)
        {
            case AnswerResult { Response: var response }:
                requestLog.Info("operation.finished", ("status", EnumNames.Of(response.Status)), ("elapsedMs", elapsed), ("physicalResourceId", response.PhysicalResourceId), ("dataKeys", string.Join(",", response.Data.Keys)));
                break;
            case ContinueResult { Continuation: var continuation }:
                requestLog.Info("operation.continuing", ("elapsedMs", elapsed), ("continuation", continuation.Invocation), ("deadline", continuation.Deadline.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
                break;
        }

        return result;
    }

    private static CustomResourceResponse TimedOut(CustomResourceRequest request, string fallbackId, TimeSpan elapsed, JsonLog requestLog)
    {
        requestLog.Error("operation.timed_out", ("elapsedMs", elapsed));
        var reason = $"{EnumNames.Of(request.RequestType)} timed out after {elapsed.TotalSeconds:0.#} s: the provider's Lambda function was about to reach its own timeout. " +
            "Provisioning may be incomplete.";
        return CustomResourceResponse.Failed(request.Target, fallbackId, reason);
    }

    private async Task<InvocationResult> DeliverAsync(CustomResourceResponse response, InvocationContext context, JsonLog requestLog)
    {
        var (body, sent) = ResponseBody.Fit(response);
        if (sent.Status != response.Status || sent.Reason != response.Reason)
        {
            requestLog.Warn("response.fitted", ("status", EnumNames.Of(sent.Status)), ("reasonChars", response.Reason?.Length ?? 0), ("dataKeys", response.Data.Count), ("bytes", body.Length));
        }

        requestLog.Info("response.sending", ("status", EnumNames.Of(sent.Status)), ("physicalResourceId", sent.PhysicalResourceId), ("reason", sent.Reason), ("noEcho", sent.NoEcho), ("bytes", body.Length));
        var delivered = await sender.SendAsync(response.Target.ResponseUrl, body, context.Deadline - options.DeliveryReserve, requestLog).ConfigureAwait(false);
        if (!delivered)
        {
            return InvocationResult.Failure("ResponseNotDelivered", "The response could not be delivered to CloudFormation; see the response.attempt_failed log lines.");
        }

        return InvocationResult.Success(Encoding.UTF8.GetBytes(sent.Status == ResponseStatus.Success ? "{\"status\":\"SUCCESS\"}" : "{\"status\":\"FAILED\"}"));
    }
}
