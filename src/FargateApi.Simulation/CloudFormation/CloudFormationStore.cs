using FargateApi.Simulation.Core;

namespace FargateApi.Simulation.CloudFormation;

internal sealed class SimCloudFormationStack
{
    public required string StackId { get; init; }
    public required string StackName { get; init; }
    public bool Deleted { get; set; }

    /// <summary>By LogicalResourceId, which CloudFormation matches exactly.</summary>
    public Dictionary<string, SimStackResource> Resources { get; } = new(StringComparer.Ordinal);
}

internal sealed class SimStackResource
{
    public required string LogicalResourceId { get; init; }
    public required string ResourceType { get; init; }
    public required string ResourceStatus { get; set; }
    public string? PhysicalResourceId { get; set; }
    public string? ResourceStatusReason { get; set; }
    public DateTimeOffset LastUpdated { get; set; }
}

/// <summary>
/// The stacks tests declare, with their resources and statuses: what DescribeStackResource reads. The provider never
/// creates stacks; CloudFormation drives it. A stack is found by its name while it lives and by its unique id always
/// ("Running stacks: You can specify either the stack's name or its unique stack ID. Deleted stacks: You must specify the
/// unique stack ID.": DescribeStackResourceInput.StackName, cloudformation/2010-05-15 model).
/// </summary>
internal sealed class CloudFormationStore(SimulationContext context)
{
    private const string Service = SimServices.CloudFormation;

    /// <summary>Shape ResourceStatus (cloudformation/2010-05-15 model).</summary>
    public static readonly IReadOnlyList<string> ResourceStatuses =
    [
        "CREATE_IN_PROGRESS", "CREATE_FAILED", "CREATE_COMPLETE", "DELETE_IN_PROGRESS", "DELETE_FAILED", "DELETE_COMPLETE",
        "DELETE_SKIPPED", "UPDATE_IN_PROGRESS", "UPDATE_FAILED", "UPDATE_COMPLETE", "IMPORT_FAILED", "IMPORT_COMPLETE",
        "IMPORT_IN_PROGRESS", "IMPORT_ROLLBACK_IN_PROGRESS", "IMPORT_ROLLBACK_FAILED", "IMPORT_ROLLBACK_COMPLETE", "EXPORT_FAILED",
        "EXPORT_COMPLETE", "EXPORT_IN_PROGRESS", "EXPORT_ROLLBACK_IN_PROGRESS", "EXPORT_ROLLBACK_FAILED", "EXPORT_ROLLBACK_COMPLETE",
        "UPDATE_ROLLBACK_IN_PROGRESS", "UPDATE_ROLLBACK_COMPLETE", "UPDATE_ROLLBACK_FAILED", "ROLLBACK_IN_PROGRESS",
        "ROLLBACK_COMPLETE", "ROLLBACK_FAILED",
    ];

    private readonly List<SimCloudFormationStack> _stacks = [];

    public IEnumerable<SimCloudFormationStack> Stacks => _stacks;

    /// <summary>
    /// A live stack with a fresh unique id (<c>arn:aws:cloudformation:region:account:stack/name/uuid</c>). The name may be
    /// reused once the stack that had it is deleted, as in CloudFormation; the new stack gets a new id.
    /// </summary>
    public SimCloudFormationStack Declare(string stackName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stackName);
        if (stackName.StartsWith("arn:", StringComparison.Ordinal) || FindLive(stackName) is not null)
        {
            throw new ArgumentException($"stackName '{stackName}' is an ARN or names a stack that is still live: declare a stack by a new name.", nameof(stackName));
        }

        var stack = new SimCloudFormationStack
        {
            StackName = stackName,
            StackId = context.Arn("cloudformation", $"stack/{stackName}/{StackUuid()}"),
        };
        _stacks.Add(stack);
        return stack;
    }

    /// <summary>Adds a resource, or replaces what is known of it (status, physical id, reason).</summary>
    public void PutResource(string stack, string logicalResourceId, string resourceType, string resourceStatus, string? physicalResourceId, string? reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(logicalResourceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(resourceType);
        RequireStatus(resourceStatus);
        var target = Declared(stack);
        target.Resources[logicalResourceId] = new SimStackResource
        {
            LogicalResourceId = logicalResourceId,
            ResourceType = resourceType,
            ResourceStatus = resourceStatus,
            PhysicalResourceId = physicalResourceId,
            ResourceStatusReason = reason,
            LastUpdated = context.Now,
        };
    }

    /// <summary>A status change of a declared resource; its physical id changes only when one is given (a replacement).</summary>
    public void SetResourceStatus(string stack, string logicalResourceId, string resourceStatus, string? physicalResourceId, string? reason)
    {
        RequireStatus(resourceStatus);
        var target = Declared(stack);
        if (!target.Resources.TryGetValue(logicalResourceId, out var resource))
        {
            throw new ArgumentException($"logicalResourceId '{logicalResourceId}' is not a resource of stack '{stack}'; declare it first.", nameof(logicalResourceId));
        }

        resource.ResourceStatus = resourceStatus;
        resource.PhysicalResourceId = physicalResourceId ?? resource.PhysicalResourceId;
        resource.ResourceStatusReason = reason;
        resource.LastUpdated = context.Now;
    }

    /// <summary>The stack is deleted: its resources end DELETE_COMPLETE (a retained one stays DELETE_SKIPPED) and its name is free.</summary>
    public void Delete(string stack)
    {
        var target = Declared(stack);
        target.Deleted = true;
        foreach (var resource in target.Resources.Values.Where(r => r.ResourceStatus != "DELETE_SKIPPED"))
        {
            resource.ResourceStatus = "DELETE_COMPLETE";
            resource.LastUpdated = context.Now;
        }
    }

    /// <summary>
    /// DescribeStackResource. Either miss is <c>ValidationError</c> (HTTP 400) naming what was asked for: "Stack with id X
    /// does not exist" (boto/boto3#2807, a maintainer's wire trace), "Resource X does not exist for stack Y"
    /// (jpsim/AWSPics#14; moto's emulation also quotes the StackName as given).
    /// </summary>
    public (SimCloudFormationStack Stack, SimStackResource Resource) Describe(string stackName, string logicalResourceId)
    {
        const string Operation = "DescribeStackResource";
        var stack = FindLive(stackName) ?? _stacks.FirstOrDefault(s => s.StackId == stackName)
            ?? throw AwsErrors.Create(Service, Operation, "ValidationError", $"Stack with id {stackName} does not exist");
        return stack.Resources.TryGetValue(logicalResourceId, out var resource)
            ? (stack, resource)
            : throw AwsErrors.Create(Service, Operation, "ValidationError", $"Resource {logicalResourceId} does not exist for stack {stackName}");
    }

    /// <summary>Stack ids end in a UUID (<c>51af3dc0-da77-11e4-872e-1234567db123</c>), drawn from the deterministic ids.</summary>
    private string StackUuid()
    {
        var hex = context.Ids.Hex(32);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..]}";
    }

    private SimCloudFormationStack? FindLive(string stackName) => _stacks.FirstOrDefault(s => !s.Deleted && s.StackName == stackName);

    /// <summary>A test's own reference to a stack it declared, by name (live) or id.</summary>
    private SimCloudFormationStack Declared(string stack) =>
        FindLive(stack) ?? _stacks.FirstOrDefault(s => s.StackId == stack)
            ?? throw new ArgumentException($"stack '{stack}' was never declared: call DeclareStack first.", nameof(stack));

    private static void RequireStatus(string resourceStatus)
    {
        if (!ResourceStatuses.Contains(resourceStatus, StringComparer.Ordinal))
        {
            throw new ArgumentException($"resourceStatus '{resourceStatus}' is not a CloudFormation ResourceStatus; allowed: {string.Join(", ", ResourceStatuses)}.", nameof(resourceStatus));
        }
    }
}
