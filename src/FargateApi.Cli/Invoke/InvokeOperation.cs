using System.Globalization;
using FargateApi.Properties;
using FargateApi.Provisioning;

namespace FargateApi.Cli.Invoke;

/// <summary>
/// One event against the lifecycle with the protocol's rules, as FargateApi.Lambda's Operation applies them: invalid
/// properties fail Create and Update before any AWS call; Delete never fails on properties; a failed Create answers
/// with a recognisable id; every failure becomes the FAILED Reason.
/// </summary>
internal static class InvokeOperation
{
    public static async Task<InvokeResponse> RunAsync(CustomResourceEvent request, Func<IResourceLifecycle> lifecycle, Action<string> progress, CancellationToken cancellationToken)
    {
        if (request.ResourceType != Templates.InputFile.ResourceType)
        {
            return request.RequestType == EventRequestType.Delete && PhysicalIds.IsFailedCreate(request.PhysicalResourceId!)
                ? Success(request, request.PhysicalResourceId!)
                : InvokeResponse.Failed(request, $"This provider only handles resources of type {Templates.InputFile.ResourceType}, not '{request.ResourceType}'.");
        }

        var properties = PropertiesReader.Read(request.ResourceProperties);
        progress(properties.IsValid ? "properties: valid" : $"properties: {properties.Describe()}");
        var identity = new ResourceIdentity(request.StackId, request.LogicalResourceId, request.RequestId);
        try
        {
            switch (request.RequestType)
            {
                case EventRequestType.Create when properties.IsValid:
                    progress($"create: provisioning; {WaitText(properties.Properties!)}");
                    return Finished(request, await CompleteAsync(lifecycle(), identity, null, null, properties.Properties!, l => l.CreateAsync(identity, properties.Properties!, cancellationToken), cancellationToken).ConfigureAwait(false));
                case EventRequestType.Update when properties.IsValid:
                    var old = request.OldResourceProperties is { } oldJson && PropertiesReader.Read(oldJson) is { IsValid: true } previous ? previous.Properties : null;
                    progress($"update: {request.PhysicalResourceId}{(old is null ? " (old properties missing or invalid: every resource is ensured)" : string.Empty)}; {WaitText(properties.Properties!)}");
                    return Finished(request, await CompleteAsync(lifecycle(), identity, request.PhysicalResourceId, old, properties.Properties!, l => l.UpdateAsync(identity, request.PhysicalResourceId!, old, properties.Properties!, cancellationToken), cancellationToken).ConfigureAwait(false));
                case EventRequestType.Delete:
                    progress($"delete: {request.PhysicalResourceId}");
                    var deleted = properties.IsValid ? properties.Properties : null;
                    var outcome = await CompleteAsync(lifecycle(), identity, request.PhysicalResourceId, null, deleted, l => l.DeleteAsync(identity, request.PhysicalResourceId!, deleted, cancellationToken), cancellationToken).ConfigureAwait(false);
                    return outcome.IsFinished
                        ? Success(request, request.PhysicalResourceId!)
                        : InvokeResponse.Failed(request, "the lifecycle asked to continue in a new invocation, which this lifecycle cannot resume");
                default:
                    return InvokeResponse.Failed(request, properties.Describe());
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return InvokeResponse.Failed(request, $"{request.RequestType} was stopped (--timeout) before it finished; what it made so far is left as it is (a Delete event removes it).");
        }
#pragma warning disable CA1031 // As in the Lambda edge: the lifecycle reports failures by throwing; each one becomes the FAILED Reason.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return InvokeResponse.Failed(request, e.Message);
        }
    }

    /// <summary>Waits that outgrow a Lambda invocation come back as continuations; here the same process resumes them.</summary>
    private static async Task<LifecycleOutcome> CompleteAsync(
        IResourceLifecycle lifecycle,
        ResourceIdentity identity,
        string? physicalId,
        ServiceProperties? old,
        ServiceProperties? properties,
        Func<IResourceLifecycle, Task<LifecycleOutcome>> start,
        CancellationToken cancellationToken)
    {
        var outcome = await start(lifecycle).ConfigureAwait(false);
        while (outcome.Continuation is { } continuation && lifecycle is IResumableLifecycle resumable)
        {
            // A cancelled wait comes back as a continuation (the Lambda's next invocation would resume it): here it ends.
            cancellationToken.ThrowIfCancellationRequested();
            outcome = await resumable.ResumeAsync(identity, continuation, physicalId, old, properties, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    /// <summary>What the provisioner will wait for, said before it starts, so nobody expects a wait that does not come.</summary>
    private static string WaitText(ServiceProperties properties) => properties.WaitForSteadyState
        ? string.Create(CultureInfo.InvariantCulture, $"then waits for the service to be stable (at most ServiceTimeout, {properties.ServiceTimeoutSeconds} s)")
        : "WaitForSteadyState is false: it answers once the deployment has started, without waiting for the tasks";

    private static InvokeResponse Finished(CustomResourceEvent request, LifecycleOutcome outcome) =>
        outcome.IsFinished
            ? new InvokeResponse(true, null, outcome.PhysicalResourceId, request, outcome.Data)
            : InvokeResponse.Failed(request, "the lifecycle asked to continue in a new invocation, which this lifecycle cannot resume");

    private static InvokeResponse Success(CustomResourceEvent request, string physicalId) =>
        new(true, null, physicalId, request, new Dictionary<string, string>());
}
