using FargateApi.Properties;

namespace FargateApi.Desired;

/// <summary>One shared-network value the seed reads from SSM Parameter Store.</summary>
internal enum NetworkValue
{
    VpcId,
    AvailabilityZones,
    PrivateSubnetIds,
    EcsClusterName,
    AlbListenerArn,
    AlbSecurityGroupId,
}

internal sealed record NetworkParameter(NetworkValue Value, string Name);

/// <summary>
/// The SSM parameter names of the seed's network stack (<c>/${projectPrefix}/network/vpc-id</c> …), placed under
/// <see cref="NetworkProperties.ParameterPrefix"/> (which defaults to <c>/${ProjectPrefix}/network</c>).
/// </summary>
internal static class NetworkParameters
{
    public static string Name(string parameterPrefix, NetworkValue value) =>
        $"{parameterPrefix.TrimEnd('/')}/{Suffix(value)}";

    /// <summary>
    /// Only the ids the properties left out. Availability zones are never needed: the seed reads them to build a
    /// CDK <c>Vpc</c> object, but Fargate places tasks by subnet and each subnet already lies in one zone.
    /// </summary>
    public static ValueList<NetworkParameter> Needed(NetworkProperties network)
    {
        var needed = new List<NetworkValue>();
        if (network.VpcId is null)
        {
            needed.Add(NetworkValue.VpcId);
        }

        if (network.SubnetIds is null)
        {
            needed.Add(NetworkValue.PrivateSubnetIds);
        }

        if (network.ClusterName is null)
        {
            needed.Add(NetworkValue.EcsClusterName);
        }

        if (network.ListenerArn is null)
        {
            needed.Add(NetworkValue.AlbListenerArn);
        }

        if (network.LoadBalancerSecurityGroupId is null)
        {
            needed.Add(NetworkValue.AlbSecurityGroupId);
        }

        return needed.Select(value => new NetworkParameter(value, Name(network.ParameterPrefix, value))).ToValueList();
    }

    /// <summary>The seed stores lists (subnets, zones) as one comma-separated string parameter.</summary>
    public static ValueList<string> SplitList(string parameterValue) =>
        parameterValue.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToValueList();

    private static string Suffix(NetworkValue value) => value switch
    {
        NetworkValue.VpcId => "vpc-id",
        NetworkValue.AvailabilityZones => "availability-zones",
        NetworkValue.PrivateSubnetIds => "private-subnet-ids",
        NetworkValue.EcsClusterName => "ecs-cluster-name",
        NetworkValue.AlbListenerArn => "alb-listener-arn",
        NetworkValue.AlbSecurityGroupId => "alb-security-group-id",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };
}
