using FargateApi.Properties;
using FargateApi.Provisioning;

namespace FargateApi.Lambda.Tests;

/// <summary>A <see cref="FakeLifecycle"/> that can also resume: each resume is recorded as a "Resume" call.</summary>
internal sealed class ResumableFakeLifecycle : FakeLifecycle, IResumableLifecycle
{
    public List<LifecycleContinuation> Resumed { get; } = [];

    /// <summary>Default: finish with the ids a Create would report.</summary>
    public Func<LifecycleContinuation, CancellationToken, Task<LifecycleOutcome>> OnResume { get; set; } =
        (_, _) => Task.FromResult(new LifecycleOutcome("acme-api", new Dictionary<string, string> { ["ServiceArn"] = "arn:aws:ecs:eu-west-1:123456789012:service/acme/acme-api-service" }));

    public Task<LifecycleOutcome> ResumeAsync(
        ResourceIdentity identity,
        LifecycleContinuation continuation,
        string? physicalResourceId,
        ServiceProperties? oldProperties,
        ServiceProperties? newProperties,
        CancellationToken cancellationToken)
    {
        Calls.Enqueue(new Call("Resume", identity, physicalResourceId, newProperties, oldProperties));
        lock (Resumed)
        {
            Resumed.Add(continuation);
        }

        return OnResume(continuation, cancellationToken);
    }

    /// <summary>The n-th continuation of a wait on acme-api, its deadline <paramref name="deadlineIn"/> from now.</summary>
    public static LifecycleContinuation Continuation(int invocation, ContinuedOperation operation = ContinuedOperation.Create, TimeSpan? deadlineIn = null)
    {
        var now = DateTimeOffset.UtcNow;
        return new LifecycleContinuation(operation, "acme", "acme-api-service", now.AddMinutes(-1), now + (deadlineIn ?? TimeSpan.FromMinutes(30)), invocation);
    }

    public static LifecycleOutcome Unfinished(LifecycleContinuation continuation, string physicalId = "acme-api") =>
        new(physicalId, new Dictionary<string, string>()) { Continuation = continuation };
}
