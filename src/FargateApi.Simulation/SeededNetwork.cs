namespace FargateApi.Simulation;

/// <summary>What <see cref="SimulatedAws.SeedNetwork"/> made: the values behind the six SSM parameters, and the ALB.</summary>
public sealed record SeededNetwork(
    string ProjectPrefix,
    string VpcId,
    IReadOnlyList<string> AvailabilityZones,
    IReadOnlyList<string> PrivateSubnetIds,
    string ClusterName,
    string LoadBalancerArn,
    string ListenerArn,
    string AlbSecurityGroupId)
{
    /// <summary>The parameter names the seed reads (/work/shared/seed/ecs-fargate-patterns.md, "Importing Network Resources").</summary>
    public static IReadOnlyList<string> ParameterNames(string prefix) =>
    [
        $"/{prefix}/network/vpc-id",
        $"/{prefix}/network/availability-zones",
        $"/{prefix}/network/private-subnet-ids",
        $"/{prefix}/network/ecs-cluster-name",
        $"/{prefix}/network/alb-listener-arn",
        $"/{prefix}/network/alb-security-group-id",
    ];
}
