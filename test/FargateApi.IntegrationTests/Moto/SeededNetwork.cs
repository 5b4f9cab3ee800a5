using System.Text.Json;

namespace FargateApi.IntegrationTests.Moto;

/// <summary>The shared network <c>Scripts/seed_network.py</c> made in moto for one project prefix.</summary>
public sealed record SeededNetwork(
    string Prefix,
    string VpcId,
    IReadOnlyList<string> SubnetIds,
    string ClusterName,
    string ListenerArn,
    string LoadBalancerArn,
    string LoadBalancerSecurityGroupId)
{
    /// <param name="foreignRulePriority">Also puts a rule the provider did not make on the listener at this priority.</param>
    public static SeededNetwork Seed(MotoServer moto, string prefix, int? foreignRulePriority = null)
    {
        string[] arguments = foreignRulePriority is { } priority
            ? ["--endpoint", moto.Endpoint, "--prefix", prefix, "--foreign-rule-priority", priority.ToString(System.Globalization.CultureInfo.InvariantCulture)]
            : ["--endpoint", moto.Endpoint, "--prefix", prefix];
        var ids = JsonDocument.Parse(PythonScripts.Run("seed_network.py", arguments)).RootElement;
        string Id(string name) => ids.GetProperty(name).GetString()!;
        return new SeededNetwork(
            prefix,
            Id("vpc-id"),
            Id("private-subnet-ids").Split(','),
            Id("ecs-cluster-name"),
            Id("alb-listener-arn"),
            Id("load-balancer-arn"),
            Id("alb-security-group-id"));
    }

    /// <summary>A second cluster beside this network (Scripts/add_cluster.py): the network as a service moved to it sees it.</summary>
    public SeededNetwork WithSecondCluster(MotoServer moto)
    {
        var name = PythonScripts.Run("add_cluster.py", ["--endpoint", moto.Endpoint, "--name", $"{Prefix}-cluster-2"]).Trim();
        return this with { ClusterName = name };
    }

    /// <summary>
    /// The platform team moves services (Scripts/move_network.py): a new cluster and a new listener on the same load
    /// balancer, the parameters pointed at them. The network as the parameters now name it.
    /// </summary>
    public SeededNetwork Move(MotoServer moto)
    {
        var ids = JsonDocument.Parse(PythonScripts.Run("move_network.py", ["--endpoint", moto.Endpoint, "--prefix", Prefix, "--load-balancer-arn", LoadBalancerArn])).RootElement;
        return this with { ClusterName = ids.GetProperty("ecs-cluster-name").GetString()!, ListenerArn = ids.GetProperty("alb-listener-arn").GetString()! };
    }
}
