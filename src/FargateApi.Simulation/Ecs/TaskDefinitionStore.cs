using System.Globalization;
using FargateApi.Aws.Http;
using FargateApi.Simulation.Core;
using FargateApi.Simulation.Iam;

namespace FargateApi.Simulation.Ecs;

/// <summary>What RegisterTaskDefinition checks for a Fargate task (the members the store needs from the adapter's request).</summary>
internal sealed record TaskDefinitionInput(
    string Family,
    string? Cpu,
    string? Memory,
    string? NetworkMode,
    bool RequiresFargate,
    bool UsesAwsLogs,
    string? ExecutionRoleArn,
    string? TaskRoleArn,
    IReadOnlyList<string> ContainerNames,
    IReadOnlyList<string> Images,
    IReadOnlyList<IReadOnlyList<int>> ContainerPorts,
    IEnumerable<KeyValuePair<string, string>>? Tags,
    object Spec);

/// <summary>Task definition families and revisions, ACTIVE or INACTIVE.</summary>
internal sealed class TaskDefinitionStore(SimulationContext context, IamStore iam)
{
    private const string Service = SimServices.Ecs;
    private readonly List<SimTaskDefinition> _revisions = [];

    public IEnumerable<SimTaskDefinition> All => _revisions;

    /// <summary>
    /// Fargate rules, each a <c>ClientException</c> with the text ECS answers: "Fargate requires that 'cpu' be defined
    /// at the task level." (mongodb/terraform-aws-ecs-task-definition#38); "No Fargate configuration exists for given
    /// values: 1024 CPU, 1024 memory. See the Amazon ECS documentation for the valid values."
    /// (aws-games/cloud-game-development-toolkit#737); awslogs needs an execution role.
    /// </summary>
    public SimTaskDefinition Register(TaskDefinitionInput input)
    {
        const string Operation = "RegisterTaskDefinition";
        if (input.RequiresFargate)
        {
            var cpu = FargateTaskSize.ParseCpu(input.Cpu)
                ?? throw ClientError(Operation, "Fargate requires that 'cpu' be defined at the task level.");
            var memory = FargateTaskSize.ParseMemory(input.Memory)
                ?? throw ClientError(Operation, "Fargate requires that 'memory' be defined at the task level.");
            if (input.NetworkMode != "awsvpc")
            {
                throw ClientError(Operation, "Fargate only supports network mode 'awsvpc'.");
            }

            if (!FargateTaskSize.IsValid(cpu, memory))
            {
                throw ClientError(Operation,
                    $"No Fargate configuration exists for given values: {cpu} CPU, {memory} memory. See the Amazon ECS documentation for the valid values.");
            }

            if (input.UsesAwsLogs && string.IsNullOrEmpty(input.ExecutionRoleArn))
            {
                throw ClientError(Operation, "Fargate requires task definition to have execution role ARN to support log driver awslogs.");
            }
        }

        string[] roles = [.. new[] { input.ExecutionRoleArn, input.TaskRoleArn }.OfType<string>().Where(r => r.Length > 0).Distinct(StringComparer.Ordinal)];
        CheckPassRole(roles, Operation);

        var revision = _revisions.Where(r => r.Family == input.Family).Select(r => r.Revision).DefaultIfEmpty(0).Max() + 1;
        var definition = context.Created(new SimTaskDefinition
        {
            Arn = context.Arn("ecs", $"task-definition/{input.Family}:{revision.ToString(CultureInfo.InvariantCulture)}"),
            Family = input.Family,
            Revision = revision,
            Images = input.Images,
            ContainerNames = input.ContainerNames,
            ContainerPorts = input.ContainerPorts,
            RoleArns = roles,
            RegisteredAt = context.Now,
            Spec = input.Spec,
        });
        definition.MergeTags(input.Tags);
        _revisions.Add(definition);
        return definition;
    }

    /// <summary>By ARN, <c>family:revision</c>, or family (its latest ACTIVE revision). Unknown: <c>ClientException</c> "Unable to describe task definition.".</summary>
    public SimTaskDefinition Resolve(string reference, string operation, bool read = false) =>
        Find(reference) is { } found && found.IsVisibleTo(read)
            ? found
            : throw ClientError(operation, "Unable to describe task definition.");

    public SimTaskDefinition? Find(string reference)
    {
        if (reference.StartsWith("arn:", StringComparison.Ordinal))
        {
            return _revisions.FirstOrDefault(r => r.Arn == reference);
        }

        var colon = reference.LastIndexOf(':');
        if (colon > 0 && int.TryParse(reference[(colon + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var revision))
        {
            var family = reference[..colon];
            return _revisions.FirstOrDefault(r => r.Family == family && r.Revision == revision);
        }

        return _revisions.Where(r => r.Family == reference && r.Status == "ACTIVE").MaxBy(r => r.Revision);
    }

    public SimTaskDefinition Deregister(string reference)
    {
        var definition = Find(reference)
            ?? throw ClientError("DeregisterTaskDefinition", "The specified task definition does not exist.");
        definition.Status = "INACTIVE";
        return definition;
    }

    /// <summary>ARNs sorted by family then revision, as ListTaskDefinitions returns them; status defaults to ACTIVE.</summary>
    public IReadOnlyList<string> List(string? familyPrefix, string? status) =>
        [.. _revisions
            .Where(r => familyPrefix is null || r.Family.StartsWith(familyPrefix, StringComparison.Ordinal))
            .Where(r => r.Status == (status ?? "ACTIVE"))
            .Where(r => r.IsVisibleToRead())
            .OrderBy(r => r.Family, StringComparer.Ordinal).ThenBy(r => r.Revision)
            .Select(r => r.Arn)];

    /// <summary>
    /// Passing a role needs iam:PassRole on it, and for a while after CreateRole that check does not see the new role:
    /// <c>AccessDeniedException</c> "User: … is not authorized to perform: iam:PassRole on resource: …" (ECS answers
    /// AccessDeniedException, HTTP 400: techservicesillinois/terraform-aws-ecs-service#4; the propagation case:
    /// terraform-aws-modules/terraform-aws-ecs#414). The window is <see cref="SimulationOptions.PassRoleLagAfterCreateRole"/>.
    /// </summary>
    private void CheckPassRole(IEnumerable<string> roleArns, string operation)
    {
        var lag = context.Options.PassRoleLagAfterCreateRole;
        if (lag <= TimeSpan.Zero)
        {
            return;
        }

        foreach (var arn in roleArns)
        {
            if (iam.FindByArn(arn) is { } role && context.Now < role.CreatedAt + lag)
            {
                throw AwsErrors.Create(Service, operation, "AccessDeniedException",
                    $"User: {context.CallerArn} is not authorized to perform: iam:PassRole on resource: {arn}");
            }
        }
    }

    public static AwsServiceException ClientError(string operation, string message) =>
        AwsErrors.Create(Service, operation, "ClientException", message);
}
