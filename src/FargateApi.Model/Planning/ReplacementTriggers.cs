using FargateApi.Desired;

namespace FargateApi.Planning;

/// <summary>
/// The properties that no AWS call can change on an existing stack. Any of them changing means a new stack at the
/// next generation; each reason names the property, its old → new value and what pins it.
/// </summary>
internal static class ReplacementTriggers
{
    public static ValueList<string> Reasons(DesiredStack current, DesiredStack next)
    {
        var reasons = new List<string>();

        void Check(string property, string old, string @new, string why)
        {
            if (!string.Equals(old, @new, StringComparison.Ordinal))
            {
                reasons.Add($"{property} {old} → {@new} cannot change in place ({why})");
            }
        }

        const string names = "the service, target group, security group, task family and role names are fixed after creation";
        Check("ProjectPrefix", current.Names.ProjectPrefix, next.Names.ProjectPrefix, names);
        Check("ServiceName", current.Names.ServiceName, next.Names.ServiceName, names);
        Check("ClusterName", current.Network.ClusterName, next.Network.ClusterName, "an ECS service cannot move to another cluster");
        Check("VpcId", current.Network.VpcId, next.Network.VpcId, "security groups and target groups belong to one VPC");
        Check("ListenerArn", current.Network.ListenerArn, next.Network.ListenerArn, "a listener rule belongs to one listener");

        var oldPort = current.TaskDefinition.Container.ContainerPort;
        var newPort = next.TaskDefinition.Container.ContainerPort;
        Check(
            "ContainerPort",
            Text(oldPort),
            Text(newPort),
            "target group port and load balancer container port are fixed after creation");

        // The target group's port follows the container port; report it only when it moves on its own.
        if (oldPort == newPort)
        {
            const string fixedTargetGroup = "a target group's protocol and port are fixed after creation";
            Check("TargetGroup.Port", Text(current.TargetGroup.Port), Text(next.TargetGroup.Port), fixedTargetGroup);
            Check("TargetGroup.Protocol", current.TargetGroup.Protocol, next.TargetGroup.Protocol, fixedTargetGroup);
        }

        return reasons.ToValueList();
    }

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
