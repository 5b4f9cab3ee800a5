using System.Text.Json;
using System.Text.Json.Serialization;

namespace FargateApi.Provisioning;

/// <summary>
/// An operation that did not fit in one invocation: small, serializable state a new asynchronous invocation of the provider
/// resumes from. The resumed invocation derives the very same plan from the same event and <see cref="Network"/> (what the
/// first invocation read), runs only the steps not in <see cref="Completed"/> (the waits and what follows them, never a
/// create or a deployment a second time), with the <see cref="Outputs"/> learnt so far. <see cref="Deadline"/> is fixed
/// by the first invocation, so the whole operation (every invocation together) is bounded by it.
/// </summary>
/// <param name="Operation">Create, Update or Delete.</param>
/// <param name="Cluster">The cluster of the service the operation is about.</param>
/// <param name="Service">The service the operation is about.</param>
/// <param name="StartedAt">When the original request started.</param>
/// <param name="Deadline">When the operation must have answered, every invocation together (before CloudFormation gives up).</param>
/// <param name="Invocation">1 for the first continuation, counting up: a runaway chain is visible in the logs, and bounded.</param>
public sealed record LifecycleContinuation(
    ContinuedOperation Operation,
    string Cluster,
    string Service,
    DateTimeOffset StartedAt,
    DateTimeOffset Deadline,
    int Invocation)
{
    /// <summary>The plan's steps that finished in earlier invocations.</summary>
    public IReadOnlyList<string> Completed { get; init; } = [];

    /// <summary>ARNs and ids the earlier invocations learnt (the new revision, the target group, the rule…).</summary>
    public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>();

    /// <summary>The shared network as the first invocation read it (SSM values may change meanwhile; the plan must not).</summary>
    public ContinuedNetwork? Network { get; init; }

    /// <summary>On Update: the network of the stack before, as the first invocation read it.</summary>
    public ContinuedNetwork? PreviousNetwork { get; init; }

    /// <summary>The kind of plan the first invocation chose (an Update in place or a replacement): the resumed one runs the same.</summary>
    public string? PlanKind { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, ContinuationJsonContext.Default.LifecycleContinuation);

    /// <summary>Equal when every value is: the lists and the map compare by their contents (a continuation read back from its
    /// JSON is the continuation written).</summary>
    public bool Equals(LifecycleContinuation? other) =>
        other is not null
        && Operation == other.Operation && Cluster == other.Cluster && Service == other.Service
        && StartedAt == other.StartedAt && Deadline == other.Deadline && Invocation == other.Invocation
        && Completed.SequenceEqual(other.Completed)
        && Outputs.Count == other.Outputs.Count && Outputs.All(entry => other.Outputs.TryGetValue(entry.Key, out var value) && value == entry.Value)
        && Equals(Network, other.Network) && Equals(PreviousNetwork, other.PreviousNetwork) && PlanKind == other.PlanKind;

    public override int GetHashCode() => HashCode.Combine(Operation, Cluster, Service, StartedAt, Deadline, Invocation, Completed.Count, PlanKind);

    public static LifecycleContinuation FromJson(string json) =>
        JsonSerializer.Deserialize(json, ContinuationJsonContext.Default.LifecycleContinuation)
        ?? throw new JsonException("The continuation is null.");
}

/// <summary>The resolved shared network, as a continuation carries it.</summary>
public sealed record ContinuedNetwork(
    string VpcId,
    IReadOnlyList<string> SubnetIds,
    string ClusterName,
    string ListenerArn,
    string LoadBalancerArn,
    string LoadBalancerSecurityGroupId)
{
    public bool Equals(ContinuedNetwork? other) =>
        other is not null && VpcId == other.VpcId && SubnetIds.SequenceEqual(other.SubnetIds) && ClusterName == other.ClusterName
        && ListenerArn == other.ListenerArn && LoadBalancerArn == other.LoadBalancerArn && LoadBalancerSecurityGroupId == other.LoadBalancerSecurityGroupId;

    public override int GetHashCode() => HashCode.Combine(VpcId, ClusterName, ListenerArn, LoadBalancerArn, LoadBalancerSecurityGroupId);
}

/// <summary>Source-generated (trim/AOT-safe) serialization of <see cref="LifecycleContinuation"/>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(LifecycleContinuation))]
internal sealed partial class ContinuationJsonContext : JsonSerializerContext;
