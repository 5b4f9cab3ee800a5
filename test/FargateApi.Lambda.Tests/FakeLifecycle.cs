using System.Collections.Concurrent;
using FargateApi.Properties;
using FargateApi.Provisioning;

namespace FargateApi.Lambda.Tests;

/// <summary>Records every call; each operation does what the test tells it (default: succeed with the event's ids).</summary>
internal class FakeLifecycle : IResourceLifecycle
{
    public sealed record Call(string Operation, ResourceIdentity Identity, string? PhysicalResourceId, ServiceProperties? Properties, ServiceProperties? OldProperties);

    public ConcurrentQueue<Call> Calls { get; } = new();

    public Func<CancellationToken, Task<LifecycleOutcome>> OnCreate { get; set; } =
        _ => Task.FromResult(new LifecycleOutcome("acme-api", new Dictionary<string, string> { ["ServiceArn"] = "arn:aws:ecs:eu-west-1:123456789012:service/acme/acme-api-service" }));

    public Func<string, CancellationToken, Task<LifecycleOutcome>> OnUpdate { get; set; } =
        (physicalId, _) => Task.FromResult(new LifecycleOutcome(physicalId, new Dictionary<string, string>()));

    /// <summary>Default: everything is gone (the edge answers with the event's own id whatever this says).</summary>
    public Func<CancellationToken, Task<LifecycleOutcome>> OnDelete { get; set; } = _ => Task.FromResult(LifecycleOutcome.Empty("deleted"));

    public Task<LifecycleOutcome> CreateAsync(ResourceIdentity identity, ServiceProperties properties, CancellationToken cancellationToken)
    {
        Calls.Enqueue(new Call("Create", identity, null, properties, null));
        return OnCreate(cancellationToken);
    }

    public Task<LifecycleOutcome> UpdateAsync(ResourceIdentity identity, string physicalResourceId, ServiceProperties? oldProperties, ServiceProperties newProperties, CancellationToken cancellationToken)
    {
        Calls.Enqueue(new Call("Update", identity, physicalResourceId, newProperties, oldProperties));
        return OnUpdate(physicalResourceId, cancellationToken);
    }

    public Task<LifecycleOutcome> DeleteAsync(ResourceIdentity identity, string physicalResourceId, ServiceProperties? properties, CancellationToken cancellationToken)
    {
        Calls.Enqueue(new Call("Delete", identity, physicalResourceId, properties, null));
        return OnDelete(cancellationToken);
    }

    /// <summary>Never finishes, and ignores its token: the worst a provisioner can do.</summary>
    public static Task<LifecycleOutcome> Hang(CancellationToken _) => new TaskCompletionSource<LifecycleOutcome>().Task;
}
