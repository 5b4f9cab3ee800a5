using FargateApi.Aws.Services.Ecs;
using FargateApi.Desired;

namespace FargateApi.Provisioning.Resources.TaskDefinitions;

/// <summary>
/// The one mapping from a desired task definition to ECS: the RegisterTaskDefinition request. What an existing revision is
/// compared on (<see cref="TaskDefinitionFingerprint"/>) is read off this request's shape, so a value added here is
/// compared too, without a second list to keep in step.
/// </summary>
internal static class TaskDefinitionRequest
{
    public static RegisterTaskDefinitionRequest From(DesiredTaskDefinition desired)
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
}
