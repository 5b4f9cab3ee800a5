using System.Text.RegularExpressions;
using FargateApi.Aws.Http;
using FargateApi.Simulation.Core;
using FargateApi.Simulation.Ecs;

namespace FargateApi.Simulation.AutoScaling;

internal sealed class SimScalableTarget : SimulatedResource
{
    public required string ServiceNamespace { get; init; }
    public required string ResourceId { get; init; }
    public required string ScalableDimension { get; init; }
    public required string Arn { get; init; }
    public int MinCapacity { get; set; }
    public int MaxCapacity { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal sealed class SimScalingPolicy : SimulatedResource
{
    public required string PolicyName { get; init; }
    public required string PolicyArn { get; init; }
    public required string ServiceNamespace { get; init; }
    public required string ResourceId { get; init; }
    public required string ScalableDimension { get; init; }
    public required string PolicyType { get; set; }

    /// <summary>The adapter's request record (target tracking configuration and the rest).</summary>
    public required object Spec { get; set; }
}

/// <summary>
/// Scalable targets and scaling policies. ECS resource ids are <c>service/&lt;cluster&gt;/&lt;service&gt;</c> and must name a
/// live service (RegisterScalableTarget docs); missing objects are <c>ObjectNotFoundException</c> (botocore model).
/// </summary>
internal sealed partial class AutoScalingStore(SimulationContext context, EcsStore ecs)
{
    private const string Service = SimServices.AutoScaling;
    private readonly List<SimScalableTarget> _targets = [];
    private readonly List<SimScalingPolicy> _policies = [];

    public IEnumerable<SimScalableTarget> Targets => _targets;
    public IEnumerable<SimScalingPolicy> Policies => _policies;

    /// <summary>
    /// An upsert: registering again updates min/max (RegisterScalableTarget docs). Tags apply only when the call creates the
    /// target: "Use this parameter to tag the scalable target when it is created. To tag an existing scalable target, use
    /// the TagResource operation." (RegisterScalableTargetRequest.Tags, application-autoscaling/2016-02-06 model;
    /// https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html). With
    /// <see cref="SimulationOptions.RejectTagsOnRegisteredScalableTarget"/> tags on an existing target are refused as
    /// reported from real accounts instead of ignored.
    /// </summary>
    public SimScalableTarget Register(string ns, string resourceId, string dimension, int? min, int? max, IReadOnlyDictionary<string, string>? tags)
    {
        const string Operation = "RegisterScalableTarget";
        var existing = Find(ns, resourceId, dimension);
        if (existing is not null && tags is { Count: > 0 } && context.Options.RejectTagsOnRegisteredScalableTarget)
        {
            // hashicorp/terraform-provider-aws#31839, terraform-aws-modules/terraform-aws-rds-aurora#420: RegisterScalableTarget
            // with Tags for a target that already exists answers this ValidationException.
            throw AwsErrors.Create(Service, Operation, "ValidationException",
                "The scalable target that you tried to tag already exists. To update tags on an existing scalable target, use the TagResource API.");
        }

        if (existing is null)
        {
            if (ns == "ecs" && !EcsServiceExists(resourceId))
            {
                throw AwsErrors.Create(Service, Operation, "ValidationException", $"ECS service doesn't exist: {resourceId}");
            }

            if (min is null || max is null)
            {
                throw AwsErrors.Create(Service, Operation, "ValidationException", "MinCapacity and MaxCapacity are required for registering a new scalable target");
            }

            if (min > max)
            {
                throw AwsErrors.Create(Service, Operation, "ValidationException", "Minimum capacity cannot be greater than maximum capacity");
            }

            var created = context.Created(new SimScalableTarget
            {
                ServiceNamespace = ns,
                ResourceId = resourceId,
                ScalableDimension = dimension,
                Arn = context.Arn("application-autoscaling", $"scalable-target/{context.Ids.Hex(34)}"),
                CreatedAt = context.Now,
                MinCapacity = min.Value,
                MaxCapacity = max.Value,
            });
            created.MergeTags(tags);
            _targets.Add(created);
            return created;
        }

        if ((min ?? existing.MinCapacity) > (max ?? existing.MaxCapacity))
        {
            throw AwsErrors.Create(Service, Operation, "ValidationException", "Minimum capacity cannot be greater than maximum capacity");
        }

        existing.MinCapacity = min ?? existing.MinCapacity;
        existing.MaxCapacity = max ?? existing.MaxCapacity;
        return existing;
    }

    /// <summary>
    /// TagResource, UntagResource and ListTagsForResource name a scalable target by ARN. An ARN that does not match the
    /// model's AmazonResourceName pattern is a ValidationException (AWS's "1 validation error detected" wording); a
    /// well-formed ARN no target has is <c>ResourceNotFoundException</c> ("The specified resource doesn't exist.", the
    /// shape's documentation in the model).
    /// </summary>
    public SimScalableTarget RequireByArn(string arn, string operation, bool read = false)
    {
        if (!ScalableTargetArnPattern().IsMatch(arn))
        {
            throw AwsErrors.Create(Service, operation, "ValidationException",
                $"1 validation error detected: Value '{arn}' at 'resourceARN' failed to satisfy constraint: Member must satisfy regular expression pattern: {ScalableTargetArnPatternText}");
        }

        return _targets.FirstOrDefault(t => t.Arn == arn && t.IsVisibleTo(read))
            ?? throw AwsErrors.Create(Service, operation, "ResourceNotFoundException", "The specified resource doesn't exist.");
    }

    public IReadOnlyList<SimScalableTarget> Describe(string ns, IReadOnlyList<string>? resourceIds, string? dimension) =>
        [.. _targets.Where(t => t.ServiceNamespace == ns
            && (resourceIds is not { Count: > 0 } || resourceIds.Contains(t.ResourceId, StringComparer.Ordinal))
            && (dimension is null || t.ScalableDimension == dimension)
            && t.IsVisibleToRead())];

    /// <summary>Deregistering a target also deletes its policies.</summary>
    public void Deregister(string ns, string resourceId, string dimension)
    {
        var target = Find(ns, resourceId, dimension)
            ?? throw AwsErrors.Create(Service, "DeregisterScalableTarget", "ObjectNotFoundException",
                $"No scalable target registered for service namespace: {ns}, resource ID: {resourceId}, scalable dimension: {dimension}");
        _targets.Remove(target);
        _policies.RemoveAll(p => p.ServiceNamespace == ns && p.ResourceId == resourceId && p.ScalableDimension == dimension);
    }

    public SimScalingPolicy PutPolicy(string name, string ns, string resourceId, string dimension, string policyType, object spec)
    {
        _ = Find(ns, resourceId, dimension)
            ?? throw AwsErrors.Create(Service, "PutScalingPolicy", "ObjectNotFoundException",
                $"No scalable target registered for service namespace: {ns}, resource ID: {resourceId}, scalable dimension: {dimension}");
        var policy = _policies.FirstOrDefault(p => p.PolicyName == name && p.ServiceNamespace == ns && p.ResourceId == resourceId && p.ScalableDimension == dimension);
        if (policy is null)
        {
            policy = context.Created(new SimScalingPolicy
            {
                PolicyName = name,
                PolicyArn = context.Arn("autoscaling", $"scalingPolicy:{context.Ids.Hex(36)}:resource/ecs/{resourceId}:policyName/{name}"),
                ServiceNamespace = ns,
                ResourceId = resourceId,
                ScalableDimension = dimension,
                PolicyType = policyType,
                Spec = spec,
            });
            _policies.Add(policy);
        }

        policy.PolicyType = policyType;
        policy.Spec = spec;
        return policy;
    }

    public IReadOnlyList<SimScalingPolicy> DescribePolicies(string ns, string? resourceId, string? dimension, IReadOnlyList<string>? names) =>
        [.. _policies.Where(p => p.ServiceNamespace == ns
            && (resourceId is null || p.ResourceId == resourceId)
            && (dimension is null || p.ScalableDimension == dimension)
            && (names is not { Count: > 0 } || names.Contains(p.PolicyName, StringComparer.Ordinal))
            && p.IsVisibleToRead())];

    public void DeletePolicy(string name, string ns, string resourceId, string dimension)
    {
        var removed = _policies.RemoveAll(p => p.PolicyName == name && p.ServiceNamespace == ns && p.ResourceId == resourceId && p.ScalableDimension == dimension);
        if (removed == 0)
        {
            throw AwsErrors.Create(Service, "DeleteScalingPolicy", "ObjectNotFoundException",
                $"No scaling policy found for service namespace: {ns}, resource ID: {resourceId}, scalable dimension: {dimension}, policy name: {name}");
        }
    }

    public static AwsServiceException Validation(string operation, string message) =>
        AwsErrors.Create(Service, operation, "ValidationException", message);

    private SimScalableTarget? Find(string ns, string resourceId, string dimension) =>
        _targets.FirstOrDefault(t => t.ServiceNamespace == ns && t.ResourceId == resourceId && t.ScalableDimension == dimension);

    private bool EcsServiceExists(string resourceId)
    {
        var parts = resourceId.Split('/');
        return parts.Length == 3 && parts[0] == "service"
            && ecs.Services.Any(s => s.Cluster.Name == parts[1] && s.Name == parts[2] && s.Status == "ACTIVE");
    }

    /// <summary>Shape AmazonResourceName in application-autoscaling/2016-02-06/service-2.json.</summary>
    private const string ScalableTargetArnPatternText = @"^arn:.+:application-autoscaling:.+:[0-9]+:scalable-target\/[a-zA-Z0-9-]+$";

    [GeneratedRegex(ScalableTargetArnPatternText, RegexOptions.CultureInvariant)]
    private static partial Regex ScalableTargetArnPattern();
}
