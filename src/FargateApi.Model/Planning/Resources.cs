using FargateApi.Desired;

namespace FargateApi.Planning;

/// <summary>A desired stack's resources by display name, in the stack's dependency order, with their fields.</summary>
internal sealed record NamedResource(string Name, IReadOnlyList<Field> Fields);

internal static class Resources
{
    public const string LogGroup = "log group";
    public const string ExecutionRole = "execution role";
    public const string TaskRole = "task role";
    public const string TaskDefinition = "task definition";
    public const string SecurityGroup = "security group";
    public const string TargetGroup = "target group";
    public const string ListenerRule = "listener rule";
    public const string Service = "service";
    public const string Scaling = "scaling";

    /// <summary>Absent resources (roles given by ARN, no scaling) are absent here too.</summary>
    public static IEnumerable<NamedResource> Of(DesiredStack stack)
    {
        yield return new(LogGroup, [.. stack.LogGroup.Fields()]);
        if (stack.ExecutionRole is { } exec)
        {
            yield return new(ExecutionRole, [.. exec.Fields()]);
        }

        if (stack.TaskRole is { } task)
        {
            yield return new(TaskRole, [.. task.Fields()]);
        }

        yield return new(TaskDefinition, [.. stack.TaskDefinition.Fields()]);
        yield return new(SecurityGroup, [.. stack.SecurityGroup.Fields()]);
        yield return new(TargetGroup, [.. stack.TargetGroup.Fields()]);
        yield return new(ListenerRule, [.. stack.ListenerRule.Fields()]);
        yield return new(Service, [.. stack.Service.Fields()]);
        if (stack.Scaling is { } scaling)
        {
            yield return new(Scaling, [.. scaling.Fields()]);
        }
    }
}
