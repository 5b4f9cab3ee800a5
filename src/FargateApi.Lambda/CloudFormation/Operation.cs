using FargateApi.Properties;
using FargateApi.Provisioning;

namespace FargateApi.Lambda.CloudFormation;

/// <summary>
/// Create, Update and Delete of one <c>Custom::FargateApi</c> against the lifecycle, with the protocol's rules on
/// properties and physical ids. Failures come back as FAILED responses, never as exceptions.
/// </summary>
internal static class Operation
{
    public const string ResourceType = "Custom::FargateApi";

    public static async Task<CustomResourceResponse> RunAsync(CustomResourceRequest request, IResourceLifecycle lifecycle, CancellationToken cancellationToken)
    {
        var fallbackId = FallbackPhysicalId(request.Target, request.RequestType, request.PhysicalResourceId);
        if (request.ResourceType != ResourceType)
        {
            return WrongResourceType(request, fallbackId);
        }

        try
        {
            return request.RequestType switch
            {
                RequestType.Create => await CreateAsync(request, lifecycle, fallbackId, cancellationToken).ConfigureAwait(false),
                RequestType.Update => await UpdateAsync(request, lifecycle, cancellationToken).ConfigureAwait(false),
                _ => await DeleteAsync(request, lifecycle, cancellationToken).ConfigureAwait(false),
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw; // The caller knows how much time was spent and words the timeout.
        }
#pragma warning disable CA1031 // The lifecycle reports failures by throwing; each one becomes the FAILED Reason.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return CustomResourceResponse.Failed(request.Target, fallbackId, ReasonFor(exception));
        }
    }

    /// <summary>The id a FAILED answer carries: the event's own on Update and Delete (it must never change by accident),
    /// a recognisable marker on Create (the rollback Delete carries it back).</summary>
    public static string FallbackPhysicalId(ResponseTarget target, RequestType? requestType, string? eventPhysicalId) =>
        requestType != RequestType.Create && eventPhysicalId is not null
            ? eventPhysicalId
            : FailedCreateId.For(target.LogicalResourceId, target.RequestId);

    /// <summary>The exception's message, not its stack trace: the Reason is for the person reading the stack events.</summary>
    public static string ReasonFor(Exception exception)
    {
        while (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }

        return string.IsNullOrWhiteSpace(exception.Message) ? exception.GetType().Name : exception.Message;
    }

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

    private static async Task<CustomResourceResponse> CreateAsync(CustomResourceRequest request, IResourceLifecycle lifecycle, string fallbackId, CancellationToken cancellationToken)
    {
        var properties = PropertiesReader.Read(request.ResourceProperties);
        if (!properties.IsValid)
        {
            return CustomResourceResponse.Failed(request.Target, fallbackId, properties.Describe());
        }

        var outcome = await lifecycle.CreateAsync(Identity(request), properties.Properties!, cancellationToken).ConfigureAwait(false);
        return Finished(request, outcome, fallbackId);
    }

    private static async Task<CustomResourceResponse> UpdateAsync(CustomResourceRequest request, IResourceLifecycle lifecycle, CancellationToken cancellationToken)
    {
        var physicalId = request.PhysicalResourceId!;
        var properties = PropertiesReader.Read(request.ResourceProperties);
        if (!properties.IsValid)
        {
            return CustomResourceResponse.Failed(request.Target, physicalId, properties.Describe());
        }

        var old = request.OldResourceProperties is { } oldJson ? PropertiesReader.Read(oldJson) : null;
        var oldProperties = old is { IsValid: true } ? old.Properties : null;
        var outcome = await lifecycle.UpdateAsync(Identity(request), physicalId, oldProperties, properties.Properties!, cancellationToken).ConfigureAwait(false);
        return Finished(request, outcome, physicalId);
    }

    private static async Task<CustomResourceResponse> DeleteAsync(CustomResourceRequest request, IResourceLifecycle lifecycle, CancellationToken cancellationToken)
    {
        var physicalId = request.PhysicalResourceId!;

        // A Delete never fails on properties: the lifecycle finds what to delete by its ownership tags.
        var properties = PropertiesReader.Read(request.ResourceProperties);
        await lifecycle.DeleteAsync(Identity(request), physicalId, properties.IsValid ? properties.Properties : null, cancellationToken).ConfigureAwait(false);
        return Success(request, physicalId, CustomResourceResponse.EmptyData);
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

    private static ResourceIdentity Identity(CustomResourceRequest request) =>
        new(request.Target.StackId, request.Target.LogicalResourceId, request.Target.RequestId);
}
