using FargateApi.Simulation.Core;

namespace FargateApi.Simulation.Inspection;

/// <summary>Walks every store; called under the state lock.</summary>
internal static class SnapshotBuilder
{
    public static SimulationSnapshot Build(SimulationStores stores)
    {
        var entries = new List<SnapshotEntry>();
        void Add(string service, string type, string id, string state, SimulatedResource resource) =>
            entries.Add(new SnapshotEntry(service, type, id, state, resource.Seeded, new Dictionary<string, string>(resource.Tags, StringComparer.Ordinal)));

        foreach (var p in stores.Ssm.All)
        {
            Add(SimServices.Ssm, "parameter", p.Name, "ACTIVE", p);
        }

        foreach (var g in stores.Logs.All)
        {
            Add(SimServices.Logs, "log-group", g.Name, "ACTIVE", g);
        }

        foreach (var r in stores.Iam.All)
        {
            Add(SimServices.Iam, "role", r.Arn, "ACTIVE", r);
        }

        foreach (var v in stores.Ec2.Vpcs)
        {
            Add(SimServices.Ec2, "vpc", v.VpcId, "ACTIVE", v);
        }

        foreach (var s in stores.Ec2.Subnets)
        {
            Add(SimServices.Ec2, "subnet", s.SubnetId, "ACTIVE", s);
        }

        foreach (var g in stores.Ec2.SecurityGroups)
        {
            Add(SimServices.Ec2, "security-group", g.GroupId, "ACTIVE", g);
        }

        foreach (var e in stores.Ec2.NetworkInterfaces)
        {
            Add(SimServices.Ec2, "network-interface", e.NetworkInterfaceId, e.ReleasedAt is null ? "in-use" : "lingering", e);
        }

        foreach (var lb in stores.Elbv2.LoadBalancers)
        {
            Add(SimServices.Elbv2, "load-balancer", lb.Arn, "ACTIVE", lb);
        }

        foreach (var l in stores.Elbv2.Listeners)
        {
            Add(SimServices.Elbv2, "listener", l.Arn, "ACTIVE", l);
        }

        foreach (var r in stores.Elbv2.Rules)
        {
            Add(SimServices.Elbv2, "listener-rule", r.Arn, "ACTIVE", r);
        }

        foreach (var t in stores.Elbv2.TargetGroups)
        {
            Add(SimServices.Elbv2, "target-group", t.Arn, "ACTIVE", t);
        }

        foreach (var c in stores.Ecs.Clusters)
        {
            Add(SimServices.Ecs, "cluster", c.Arn, "ACTIVE", c);
        }

        foreach (var s in stores.Ecs.Services)
        {
            Add(SimServices.Ecs, "service", s.Arn, s.Status, s);
        }

        foreach (var d in stores.TaskDefinitions.All)
        {
            Add(SimServices.Ecs, "task-definition", d.Arn, d.Status, d);
        }

        foreach (var t in stores.AutoScaling.Targets)
        {
            Add(SimServices.AutoScaling, "scalable-target", $"{t.ServiceNamespace}:{t.ResourceId}:{t.ScalableDimension}", "ACTIVE", t);
        }

        foreach (var p in stores.AutoScaling.Policies)
        {
            Add(SimServices.AutoScaling, "scaling-policy", p.PolicyArn, "ACTIVE", p);
        }

        return new SimulationSnapshot(entries);
    }
}
