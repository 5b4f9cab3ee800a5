using System.Text;
using FargateApi.Lambda.Logging;
using FargateApi.Lambda.Runtime;
using FargateApi.Provisioning;

namespace FargateApi.Lambda.CloudFormation;

/// <summary>
/// The CloudFormation edge: every event that names somewhere to answer gets exactly one response, SUCCESS or FAILED,
/// before the Lambda deadline, whatever the lifecycle does (throws, hangs, returns nonsense). A stack left without an
/// answer waits up to an hour, and again on rollback (research pitfall 2).
/// </summary>
internal sealed class CustomResourceHandler(IResourceLifecycle lifecycle, ResponseSender sender, HandlerOptions options, JsonLog log) : IInvocationHandler
{
    public async Task<InvocationResult> HandleAsync(Invocation invocation, InvocationContext context, CancellationToken cancellationToken)
    {
        var invocationLog = log.With(("lambdaRequestId", invocation.RequestId));
        var parsed = RequestParser.Parse(invocation.Payload);
        if (parsed is UnanswerableEvent unanswerable)
        {
            invocationLog.Error("event.unanswerable", ("problem", unanswerable.Problem));
            return InvocationResult.Failure("UnanswerableEvent", unanswerable.Problem);
        }

        var target = parsed switch
        {
            WellFormedEvent wellFormed => wellFormed.Request.Target,
            MalformedEvent malformed => malformed.Target,
            _ => throw new InvalidOperationException($"Unexpected {parsed.GetType().Name}."),
        };
        var requestLog = invocationLog.With(("requestId", target.RequestId), ("stackId", target.StackId), ("logicalResourceId", target.LogicalResourceId));
        if (!IsAllowed(target.ResponseUrl))
        {
            // Answering over plain http would hand the answer to anyone on the path; an unknown scheme cannot be answered.
            var problem = $"The ResponseURL uses '{target.ResponseUrl.Scheme}', not https; no response was sent (set {HandlerOptions.AllowHttpVariable}=1 only for local tests).";
            requestLog.Error("event.response_url_refused", ("problem", problem));
            return InvocationResult.Failure("ResponseUrlRefused", problem);
        }

        var response = parsed is WellFormedEvent { Request: var request }
            ? await RunWithinDeadlineAsync(request, context, requestLog, cancellationToken).ConfigureAwait(false)
            : Malformed((MalformedEvent)parsed, requestLog);
        return await DeliverAsync(response, context, requestLog).ConfigureAwait(false);
    }

    private bool IsAllowed(Uri url) =>
        url.Scheme == Uri.UriSchemeHttps || (options.AllowHttpResponseUrl && url.Scheme == Uri.UriSchemeHttp);

    private static CustomResourceResponse Malformed(MalformedEvent malformed, JsonLog requestLog)
    {
        requestLog.Error("event.malformed", ("problem", malformed.Problem));
        var physicalId = Operation.FallbackPhysicalId(malformed.Target, malformed.RequestType, malformed.PhysicalResourceId);
        return CustomResourceResponse.Failed(malformed.Target, physicalId, malformed.Problem);
    }

    private async Task<CustomResourceResponse> RunWithinDeadlineAsync(CustomResourceRequest request, InvocationContext context, JsonLog requestLog, CancellationToken cancellationToken)
    {
        var time = context.Time;
        var started = time.GetTimestamp();
        var budget = context.RemainingTime;
        var workWindow = budget - options.SafetyMargin(budget);
        requestLog.Info("operation.start", ("requestType", request.RequestType.ToString()), ("resourceType", request.ResourceType), ("physicalResourceId", request.PhysicalResourceId), ("budgetMs", budget), ("workWindowMs", workWindow));
        var fallbackId = Operation.FallbackPhysicalId(request.Target, request.RequestType, request.PhysicalResourceId);
        if (workWindow <= TimeSpan.Zero)
        {
            requestLog.Error("operation.no_time", ("budgetMs", budget));
            return CustomResourceResponse.Failed(
                request.Target,
                fallbackId,
                $"{request.RequestType} was not started: the event arrived with {budget.TotalSeconds:0.#} s left before the provider's Lambda timeout, less than its {options.SafetyMargin(budget).TotalSeconds:0.#} s safety margin.");
        }

        using var window = new CancellationTokenSource(workWindow, time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, window.Token);
        var work = Task.Run(() => Operation.RunAsync(request, lifecycle, stop.Token), CancellationToken.None);

        // The lifecycle may ignore its token: the answer must not wait for it.
        await Task.WhenAny(work, Task.Delay(Timeout.InfiniteTimeSpan, stop.Token)).ConfigureAwait(false);
        var elapsed = time.GetElapsedTime(started);
        if (work.IsCompletedSuccessfully)
        {
            var response = work.Result;
            requestLog.Info("operation.finished", ("status", response.Status.ToString()), ("elapsedMs", elapsed), ("physicalResourceId", response.PhysicalResourceId), ("dataKeys", string.Join(",", response.Data.Keys)));
            return response;
        }

        if (!work.IsCompleted || stop.IsCancellationRequested)
        {
            return TimedOut(request, fallbackId, elapsed, requestLog);
        }

        // Operation.RunAsync turns failures into responses; reaching here is a bug in it, still owed an answer.
        var exception = work.Exception?.GetBaseException() ?? new OperationCanceledException();
        requestLog.Error("operation.bug", ("errorType", exception.GetType().Name), ("error", exception.Message));
        return CustomResourceResponse.Failed(request.Target, fallbackId, $"Internal error: {Operation.ReasonFor(exception)}");
    }

    private static CustomResourceResponse TimedOut(CustomResourceRequest request, string fallbackId, TimeSpan elapsed, JsonLog requestLog)
    {
        requestLog.Error("operation.timed_out", ("elapsedMs", elapsed));
        var reason = $"{request.RequestType} timed out after {elapsed.TotalSeconds:0.#} s: the provider's Lambda function was about to reach its own timeout. " +
            "Provisioning may be incomplete.";
        return CustomResourceResponse.Failed(request.Target, fallbackId, reason);
    }

    private async Task<InvocationResult> DeliverAsync(CustomResourceResponse response, InvocationContext context, JsonLog requestLog)
    {
        var (body, sent) = ResponseBody.Fit(response);
        if (sent.Status != response.Status || sent.Reason != response.Reason)
        {
            requestLog.Warn("response.fitted", ("status", sent.Status.ToString()), ("reasonChars", response.Reason?.Length ?? 0), ("dataKeys", response.Data.Count), ("bytes", body.Length));
        }

        requestLog.Info("response.sending", ("status", sent.Status.ToString()), ("physicalResourceId", sent.PhysicalResourceId), ("reason", sent.Reason), ("noEcho", sent.NoEcho), ("bytes", body.Length));
        var delivered = await sender.SendAsync(response.Target.ResponseUrl, body, context.Deadline - options.DeliveryReserve, requestLog).ConfigureAwait(false);
        if (!delivered)
        {
            return InvocationResult.Failure("ResponseNotDelivered", "The response could not be delivered to CloudFormation; see the response.attempt_failed log lines.");
        }

        return InvocationResult.Success(Encoding.UTF8.GetBytes(sent.Status == ResponseStatus.Success ? "{\"status\":\"SUCCESS\"}" : "{\"status\":\"FAILED\"}"));
    }
}
