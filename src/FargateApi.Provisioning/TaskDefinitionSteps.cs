using System.Globalization;
using System.Text;
using FargateApi.Aws.Services.Ecs;
using FargateApi.Desired;

namespace FargateApi.Provisioning;

/// <summary>
/// Task definitions are immutable revisions. "Ensure" reuses the family's latest ACTIVE revision when its content and
/// tags are what we would register (a retried Create, a resumed wait), and registers a new revision otherwise.
/// </summary>
internal static class TaskDefinitionSteps
{
    public static async Task EnsureAsync(StackRun run, CancellationToken cancellationToken)
    {
        var request = Request(run.Stack.TaskDefinition);
        var ecs = run.Aws.Ecs;
        var latest = await LatestActiveAsync(ecs, request.Family, cancellationToken).ConfigureAwait(false);
        if (latest is not null)
        {
            var described = await ecs.DescribeTaskDefinitionAsync(latest, cancellationToken).ConfigureAwait(false);
            if (described.TaskDefinition is { } current
                && Fingerprint(current) == Fingerprint(request)
                && TagsEqual(described.Tags, run.Stack.TaskDefinition.Tags))
            {
                run.Outputs.Set(StackOutputs.TaskDefinitionArn, current.TaskDefinitionArn!);
                return;
            }
        }

        var registered = await ecs.RegisterTaskDefinitionAsync(request, cancellationToken).ConfigureAwait(false);
        run.Outputs.Set(StackOutputs.TaskDefinitionArn, registered.TaskDefinitionArn!);
    }

    /// <summary>Every ACTIVE revision of exactly this family (ListTaskDefinitions' familyPrefix also matches longer names, e.g. <c>-g1</c>).</summary>
    public static async Task<IReadOnlyList<string>> ActiveRevisionsAsync(IEcsClient ecs, string family, CancellationToken cancellationToken)
    {
        var arns = new List<string>();
        var marker = $":task-definition/{family}:";
        await foreach (var arn in ecs.ListAllTaskDefinitionsAsync(new ListTaskDefinitionsRequest { FamilyPrefix = family, Status = EcsValues.TaskDefinitionActive }, cancellationToken).ConfigureAwait(false))
        {
            if (arn.Contains(marker, StringComparison.Ordinal))
            {
                arns.Add(arn);
            }
        }

        return arns;
    }

    public static RegisterTaskDefinitionRequest Request(DesiredTaskDefinition desired)
    {
        var container = desired.Container;
        return new RegisterTaskDefinitionRequest
        {
            Family = desired.Family,
            TaskRoleArn = desired.TaskRoleArn,
            ExecutionRoleArn = desired.ExecutionRoleArn,
            NetworkMode = desired.NetworkMode,
            RequiresCompatibilities = [desired.RequiresCompatibilities],
            Cpu = desired.Cpu,
            Memory = desired.Memory,
            Tags = EcsTag.From(desired.Tags),
            ContainerDefinitions =
            [
                new ContainerDefinition
                {
                    Name = container.Name,
                    Image = container.Image,
                    Essential = container.Essential,
                    PortMappings = [new EcsPortMapping(container.ContainerPort, container.Protocol)],
                    Environment = [.. container.Environment.Select(variable => new EcsKeyValuePair(variable.Key, variable.Value))],
                    Secrets = [.. container.Secrets.Select(secret => new EcsSecret(secret.Key, secret.Value))],
                    HealthCheck = container.HealthCheck.Command.Count == 0
                        ? null
                        : new EcsHealthCheck(
                            [.. container.HealthCheck.Command],
                            container.HealthCheck.IntervalSeconds,
                            container.HealthCheck.TimeoutSeconds,
                            container.HealthCheck.Retries,
                            container.HealthCheck.StartPeriodSeconds),
                    LogConfiguration = new EcsLogConfiguration(container.LogDriver, container.LogOptions),
                },
            ],
        };
    }

    private static async Task<string?> LatestActiveAsync(IEcsClient ecs, string family, CancellationToken cancellationToken) =>
        (await ActiveRevisionsAsync(ecs, family, cancellationToken).ConfigureAwait(false))
            .MaxBy(arn => int.Parse(arn[(arn.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture));

    private static string Fingerprint(RegisterTaskDefinitionRequest request) =>
        Fingerprint(request.Cpu, request.Memory, request.NetworkMode, request.ExecutionRoleArn, request.TaskRoleArn, request.ContainerDefinitions);

    private static string Fingerprint(TaskDefinition current) =>
        Fingerprint(current.Cpu, current.Memory, current.NetworkMode, current.ExecutionRoleArn, current.TaskRoleArn, current.ContainerDefinitions);

    /// <summary>The members we set, in a canonical order; members ECS adds on its own (hostPort, defaults) are left out.</summary>
    private static string Fingerprint(string? cpu, string? memory, string? networkMode, string? executionRole, string? taskRole, IReadOnlyList<ContainerDefinition> containers)
    {
        var text = new StringBuilder();
        text.Append(cpu).Append('|').Append(memory).Append('|').Append(networkMode).Append('|').Append(executionRole).Append('|').Append(taskRole);
        foreach (var c in containers)
        {
            text.Append("|c:").Append(c.Name).Append('|').Append(c.Image).Append('|').Append(c.Essential ?? true);
            foreach (var port in c.PortMappings ?? [])
            {
                text.Append("|p:").Append(port.ContainerPort).Append('/').Append(port.Protocol);
            }

            foreach (var variable in (c.Environment ?? []).OrderBy(v => v.Name, StringComparer.Ordinal))
            {
                text.Append("|e:").Append(variable.Name).Append('=').Append(variable.Value);
            }

            foreach (var secret in (c.Secrets ?? []).OrderBy(s => s.Name, StringComparer.Ordinal))
            {
                text.Append("|s:").Append(secret.Name).Append('=').Append(secret.ValueFrom);
            }

            if (c.HealthCheck is { } health)
            {
                text.Append("|h:").AppendJoin('\u001f', health.Command).Append('|').Append(health.Interval).Append('|').Append(health.Timeout)
                    .Append('|').Append(health.Retries).Append('|').Append(health.StartPeriod);
            }

            if (c.LogConfiguration is { } log)
            {
                text.Append("|l:").Append(log.LogDriver);
                foreach (var option in (log.Options ?? new Dictionary<string, string>()).OrderBy(o => o.Key, StringComparer.Ordinal))
                {
                    text.Append('|').Append(option.Key).Append('=').Append(option.Value);
                }
            }
        }

        return text.ToString();
    }

    private static bool TagsEqual(IReadOnlyList<EcsTag> actual, ValueMap desired) =>
        actual.Count == desired.Count && actual.All(tag => desired.TryGetValue(tag.Key, out var value) && value == tag.Value);
}
