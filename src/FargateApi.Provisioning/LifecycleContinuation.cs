using System.Text.Json;
using System.Text.Json.Serialization;

namespace FargateApi.Provisioning;

/// <summary>
/// A steady-state wait that did not fit in one invocation: small, serializable state a new asynchronous invocation of the
/// provider resumes from. <see cref="Deadline"/> is fixed by the first invocation from the resource's ServiceTimeout, so
/// the whole operation (every invocation together) is bounded by it.
/// </summary>
/// <param name="Operation">Create or Update: the resumed invocation re-runs it (every step is idempotent) and then waits on.</param>
/// <param name="Cluster">The cluster of the service being waited for.</param>
/// <param name="Service">The service being waited for.</param>
/// <param name="StartedAt">When the original request started.</param>
/// <param name="Deadline">StartedAt + ServiceTimeout: the wait fails after it.</param>
/// <param name="Invocation">1 for the first continuation, counting up: a runaway chain is visible in the logs.</param>
public sealed record LifecycleContinuation(
    ContinuedOperation Operation,
    string Cluster,
    string Service,
    DateTimeOffset StartedAt,
    DateTimeOffset Deadline,
    int Invocation)
{
    public string ToJson() => JsonSerializer.Serialize(this, ContinuationJsonContext.Default.LifecycleContinuation);

    public static LifecycleContinuation FromJson(string json) =>
        JsonSerializer.Deserialize(json, ContinuationJsonContext.Default.LifecycleContinuation)
        ?? throw new JsonException("The continuation is null.");
}

/// <summary>Source-generated (trim/AOT-safe) serialization of <see cref="LifecycleContinuation"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(LifecycleContinuation))]
internal sealed partial class ContinuationJsonContext : JsonSerializerContext;
