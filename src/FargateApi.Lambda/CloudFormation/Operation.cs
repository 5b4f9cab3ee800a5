using FargateApi.Properties;
using FargateApi.Provisioning;

namespace FargateApi.Lambda.CloudFormation;

/// <summary>
/// Create, Update and Delete of one <c>Custom::FargateApi</c> against the lifecycle, with the protocol's rules on
/// properties and physical ids. What the lifecycle throws is thrown on: <see cref="SafeOperation"/> answers it.
/// </summary>
internal static class Operation
{
    public const string ResourceType = "Custom::FargateApi";

    /// <param name="invocationDeadline">When this invocation must have answered; the lifecycle's long waits stop there and continue elsewhere.</param>
    public static async Task<OperationResult> RunAsync(CustomResourceRequest request, IResourceLifecycle lifecycle, DateTimeOffset invocationDeadline, string? functionArn, CancellationToken cancellationToken)
    {
        var fallbackId = FallbackPhysicalId(request.Target, request.RequestType, request.PhysicalResourceId);
        if (request.ResourceType != ResourceType)
        {
            return new AnswerResult(WrongResourceType(request, fallbackId));
        }

        var identity = Identity(request, invocationDeadline, functionArn);
        return request.RequestType switch
        {
            RequestType.Create => await CreateAsync(request, lifecycle, identity, fallbackId, cancellationToken).ConfigureAwait(false),
            RequestType.Update => await UpdateAsync(request, lifecycle, identity, cancellationToken).ConfigureAwait(false),
            _ => await DeleteAsync(request, lifecycle, identity, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>The id a FAILED answer carries: the event's own on Update and Delete (it must never change by accident),
    /// a recognisable marker on Create (the rollback Delete carries it back).</summary>
    public static string FallbackPhysicalId(ResponseTarget target, RequestType? requestType, string? eventPhysicalId) =>
        requestType != RequestType.Create && eventPhysicalId is not null
            ? eventPhysicalId
            : FailedCreateId.For(target.LogicalResourceId, target.RequestId);

    private static CustomResourceResponse WrongResourceType(CustomResourceRequest request, string fallbackId)
    {
        // Nothing was ever created for such a resource: let its rollback or removal finish instead of leaving the stack stuck.
        if (request.RequestType == RequestType.Delete && FailedCreateId.IsFailedCreate(request.PhysicalResourceId))
        {
            return Success(request, request.PhysicalResourceId!, CustomResourceResponse.EmptyData);
        }

        return CustomResourceResponse.Failed(
            request.Target,
            fallbackId,
            $"This provider only handles resources of type {ResourceType}, not '{request.ResourceType}'. Declare the resource as Type: {ResourceType}.");
    }

    private static async Task<OperationResult> CreateAsync(CustomResourceRequest request, IResourceLifecycle lifecycle, ResourceIdentity identity, string fallbackId, CancellationToken cancellationToken)
    {
        var properties = PropertiesReader.Read(request.ResourceProperties);
        if (!properties.IsValid)
        {
            return new AnswerResult(CustomResourceResponse.Failed(request.Target, fallbackId, properties.Describe()));
        }

        var outcome = await lifecycle.CreateAsync(identity, properties.Properties!, cancellationToken).ConfigureAwait(false);
        return Outcome(request, lifecycle, outcome, fallbackId);
    }

    private static async Task<OperationResult> UpdateAsync(CustomResourceRequest request, IResourceLifecycle lifecycle, ResourceIdentity identity, CancellationToken cancellationToken)
    {
        var physicalId = request.PhysicalResourceId!;
        var properties = PropertiesReader.Read(request.ResourceProperties);
        if (!properties.IsValid)
        {
            return new AnswerResult(CustomResourceResponse.Failed(request.Target, physicalId, properties.Describe()));
        }

        var outcome = await lifecycle.UpdateAsync(identity, physicalId, OldProperties(request), properties.Properties!, cancellationToken).ConfigureAwait(false);
        return Outcome(request, lifecycle, outcome, physicalId);
    }

    private static async Task<OperationResult> DeleteAsync(CustomResourceRequest request, IResourceLifecycle lifecycle, ResourceIdentity identity, CancellationToken cancellationToken)
    {
        var physicalId = request.PhysicalResourceId!;

        // A Delete never fails on properties: the lifecycle finds what to delete by its ownership tags.
        var properties = PropertiesReader.Read(request.ResourceProperties);
        var outcome = await lifecycle.DeleteAsync(identity, physicalId, properties.IsValid ? properties.Properties : null, cancellationToken).ConfigureAwait(false);
        return Outcome(request, lifecycle, outcome with { PhysicalResourceId = physicalId, Data = CustomResourceResponse.EmptyData }, physicalId);
    }

    /// <summary>The previous properties as the lifecycle takes them: null when they no longer validate.</summary>
    public static ServiceProperties? OldProperties(CustomResourceRequest request)
    {
        var old = request.OldResourceProperties is { } oldJson ? PropertiesReader.Read(oldJson) : null;
        return old is { IsValid: true } ? old.Properties : null;
    }

    /// <summary>A finished outcome becomes the answer; an unfinished one is handed on, if anything can resume it.</summary>
    public static OperationResult Outcome(CustomResourceRequest request, IResourceLifecycle lifecycle, LifecycleOutcome outcome, string fallbackId)
    {
        if (outcome.Abandoned is { } abandoned)
        {
            return new AbandonedResult(abandoned);
        }

        if (outcome.Continuation is not { } continuation)
        {
            return new AnswerResult(Finished(request, outcome, fallbackId));
        }

        // Handing on a wait that no invocation can pick up would only delay the FAILED answer by one invocation.
        return lifecycle is IResumableLifecycle
            ? new ContinueResult(request.Target, request.RequestType, fallbackId, continuation)
            : new AnswerResult(CustomResourceResponse.Failed(
                request.Target,
                fallbackId,
                $"Internal error: provisioning asked to continue {EnumNames.Of(request.RequestType)} in a new invocation, but this build's lifecycle ({lifecycle.GetType().Name}) cannot resume it."));
    }

    private static CustomResourceResponse Finished(CustomResourceRequest request, LifecycleOutcome outcome, string fallbackId)
    {
        if (outcome.PhysicalResourceId is null || !RequestParser.IsUsablePhysicalId(outcome.PhysicalResourceId))
        {
            return CustomResourceResponse.Failed(
                request.Target,
                fallbackId,
                $"Internal error: provisioning returned a PhysicalResourceId that is empty or over {RequestParser.MaxPhysicalResourceIdBytes} bytes.");
        }

        return Success(request, outcome.PhysicalResourceId, outcome.Data);
    }

    private static CustomResourceResponse Success(CustomResourceRequest request, string physicalId, IReadOnlyDictionary<string, string> data) =>
        new(ResponseStatus.Success, null, physicalId, request.Target, false, data);

    public static ResourceIdentity Identity(CustomResourceRequest request, DateTimeOffset invocationDeadline, string? functionArn) =>
        new(request.Target.StackId, request.Target.LogicalResourceId, request.Target.RequestId)
        {
            InvocationDeadline = invocationDeadline,
            RequestedAt = ResponseUrlClock.SignedAt(request.Target.ResponseUrl),
            FunctionArn = functionArn,
        };
}
