using FargateApi.Aws.Services.Ec2;
using FargateApi.Aws.Services.Ecs;
using FargateApi.Aws.Services.ElasticLoadBalancing;
using FargateApi.Desired;

namespace FargateApi.Provisioning.Observing;

/// <summary>The stack an Update found: its service (null when gone), and what the service uses.</summary>
/// <param name="Rule">The rule on the listener the new properties name that forwards to the stack's target group; null
/// when there is none there (the listener moved, or the rule is gone).</param>
/// <param name="LatestRevision">The task family's latest ACTIVE revision, with its tags; null when there is none.</param>
internal sealed record ObservedStack(
    ResolvedNetwork Network,
    EcsService? Service,
    TargetGroup? TargetGroup,
    Rule? Rule,
    SecurityGroup? SecurityGroup,
    TaskDefinitionResponse? LatestRevision)
{
    /// <summary>Gone, or going: nothing to update in place.</summary>
    public bool ServiceGone => Service is null or { Status: EcsValues.ServiceInactive or EcsValues.ServiceDraining };

    /// <summary>
    /// The network the current stack stands in, as found: the cluster the physical id names, the service's subnets, the VPC
    /// of its security group (or target group), the listener its rule is on, the load balancer group its ingress admits.
    /// What was not found is taken from <paramref name="assumed"/> (the network the new properties name).
    /// </summary>
    public ResolvedNetwork CurrentNetwork(string cluster, ResolvedNetwork assumed)
    {
        var vpc = SecurityGroup?.VpcId ?? TargetGroup?.VpcId ?? assumed.VpcId;
        var subnets = Service?.NetworkConfiguration?.AwsvpcConfiguration.Subnets is { Count: > 0 } found ? found.ToValueList() : assumed.SubnetIds;

        // No rule of ours on the named listener while the target group serves a load balancer: the stack is on a listener
        // of that load balancer, not this one. Named so a plan says where it is.
        var listener = Rule is not null || TargetGroup is not { LoadBalancerArns.Count: > 0 }
            ? assumed.ListenerArn
            : $"a listener of {TargetGroup.LoadBalancerArns[0]}";
        var albGroup = SecurityGroup?.IpPermissions.SelectMany(permission => permission.UserIdGroupPairs).Select(pair => pair.GroupId).FirstOrDefault()
            ?? assumed.LoadBalancerSecurityGroupId;
        return assumed with { VpcId = vpc, SubnetIds = subnets, ClusterName = cluster, ListenerArn = listener, LoadBalancerSecurityGroupId = albGroup };
    }
}
