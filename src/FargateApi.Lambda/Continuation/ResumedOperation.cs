using System.Globalization;
using FargateApi.Lambda.CloudFormation;
using FargateApi.Properties;
using FargateApi.Provisioning;

namespace FargateApi.Lambda.Continuation;

/// <summary>
/// The second (third, …) invocation of one Create or Update: the original event, already validated as any other, and
/// the continuation the previous invocation handed on. What the lifecycle throws is thrown on: <see cref="SafeOperation"/>
/// answers it, as it does for the first invocation.
/// </summary>
internal static class ResumedOperation
{
    public static async Task<OperationResult> ResumeAsync(
        CustomResourceRequest request,
        LifecycleContinuation continuation,
        IResourceLifecycle lifecycle,
        DateTimeOffset invocationDeadline,
        DateTimeOffset now,
        string? functionArn,
        CancellationToken cancellationToken)
    {
        var fallbackId = Operation.FallbackPhysicalId(request.Target, request.RequestType, request.PhysicalResourceId);
        var properties = PropertiesReader.Read(request.ResourceProperties);
        var refusal = Refusal(request, continuation, lifecycle, now) ?? OutOfBounds(request, continuation, properties.IsValid ? properties.Properties : null);
        if (refusal is not null)
        {
            return new AnswerResult(CustomResourceResponse.Failed(request.Target, fallbackId, refusal));
        }

        // A Delete never fails on properties (as in Operation): the lifecycle finds what to delete by its ownership tags.
        if (!properties.IsValid && request.RequestType != RequestType.Delete)
        {
            return new AnswerResult(CustomResourceResponse.Failed(request.Target, fallbackId, properties.Describe()));
        }

        var oldProperties = request.RequestType == RequestType.Update ? Operation.OldProperties(request) : null;
        var physicalId = request.RequestType is RequestType.Update or RequestType.Delete ? request.PhysicalResourceId : null;
        var outcome = await ((IResumableLifecycle)lifecycle).ResumeAsync(
            Operation.Identity(request, invocationDeadline, functionArn), continuation, physicalId, oldProperties, properties.IsValid ? properties.Properties : null, cancellationToken).ConfigureAwait(false);
        return Operation.Outcome(
            request,
            lifecycle,
            request.RequestType == RequestType.Delete ? outcome with { PhysicalResourceId = fallbackId, Data = CustomResourceResponse.EmptyData } : outcome,
            fallbackId);
    }

    /// <summary>Why the continuation must not be resumed, or null.</summary>
    private static string? Refusal(CustomResourceRequest request, LifecycleContinuation continuation, IResourceLifecycle lifecycle, DateTimeOffset now)
    {
        if (request.ResourceType != Operation.ResourceType)
        {
            return $"Internal error: a continuation arrived for a resource of type '{request.ResourceType}', which this provider never starts.";
        }

        if (!Matches(continuation.Operation, request.RequestType))
        {
            return $"Internal error: a continuation of {continuation.Operation} arrived with a {EnumNames.Of(request.RequestType)} event; nothing was resumed.";
        }

        // The core enforces the deadline too; checking here as well means a late invocation never starts AWS calls.
        if (now >= continuation.Deadline && request.RequestType == RequestType.Delete)
        {
            return $"Delete did not finish within ServiceTimeout: what ECS service '{continuation.Service}' in cluster '{continuation.Cluster}' left behind " +
                $"was still being removed at {Instant(now)}, past the deadline {Instant(continuation.Deadline)} set when the request started at " +
                $"{Instant(continuation.StartedAt)} (after {continuation.Invocation} continued invocation(s)). Task network interfaces can hold its security " +
                "group for minutes; delete the stack again to finish.";
        }

        if (now >= continuation.Deadline)
        {
            return $"{EnumNames.Of(request.RequestType)} did not reach steady state within ServiceTimeout: ECS service '{continuation.Service}' in cluster '{continuation.Cluster}' " +
                $"was still not steady at {Instant(now)}, past the deadline {Instant(continuation.Deadline)} set when the request started at {Instant(continuation.StartedAt)} " +
                $"(after {continuation.Invocation} continued invocation(s)). See the service's events in the ECS console; raise ServiceTimeout if it needs longer.";
        }

        if (lifecycle is not IResumableLifecycle)
        {
            return $"Internal error: this build's lifecycle ({lifecycle.GetType().Name}) cannot resume a continued {EnumNames.Of(request.RequestType)}; " +
                "a previous invocation handed the wait on, but nothing here can pick it up.";
        }

        return null;
    }

    /// <summary>Why the chain has gone further than any operation may (<see cref="ContinuationBounds"/>), or null.</summary>
    private static string? OutOfBounds(CustomResourceRequest request, LifecycleContinuation continuation, ServiceProperties? properties)
    {
        var serviceTimeout = ContinuationBounds.ServiceTimeout(properties);
        var maxHops = ContinuationBounds.MaxHops(serviceTimeout);
        if (continuation.Invocation > maxHops)
        {
            return $"Internal error: {EnumNames.Of(request.RequestType)} was handed on {continuation.Invocation} times, more than the {maxHops} a ServiceTimeout of " +
                $"{serviceTimeout.TotalSeconds:0} s allows (one per {ContinuationBounds.MinimumHop.TotalSeconds:0} s); nothing was resumed.";
        }

        var firstRequestedAt = ResponseUrlClock.SignedAt(request.Target.ResponseUrl) ?? continuation.StartedAt;
        var latest = ContinuationBounds.LatestDeadline(firstRequestedAt, serviceTimeout);
        return continuation.Deadline > latest
            ? $"Internal error: the continuation's deadline {Instant(continuation.Deadline)} is later than the request at {Instant(firstRequestedAt)} plus its " +
                $"ServiceTimeout of {serviceTimeout.TotalSeconds:0} s ({Instant(latest)}), after which CloudFormation no longer waits; nothing was resumed."
            : null;
    }

    private static bool Matches(ContinuedOperation operation, RequestType requestType) =>
        (operation, requestType) is (ContinuedOperation.Create, RequestType.Create) or (ContinuedOperation.Update, RequestType.Update)
            or (ContinuedOperation.Delete, RequestType.Delete);

    private static string Instant(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
