using FargateApi.Aws.Services;
using FargateApi.Aws.Services.ElasticLoadBalancing;
using FargateApi.Desired;
using FargateApi.Properties;

namespace FargateApi.Provisioning.Resources.Network;

/// <summary>
/// The shared network: the ids the properties give, the rest from one SSM GetParameters call under
/// <see cref="NetworkProperties.ParameterPrefix"/>, and the listener's load balancer for the <c>ALBRequestCountPerTarget</c>
/// ResourceLabel: read off the listener ARN, which names it (<see cref="ResolvedNetwork.LoadBalancerArnOf"/>), or asked of
/// ELB (DescribeListeners) when the ARN does not have the documented shape. Whether the listener exists is the listener
/// rule check's to find out (DescribeRules on it), with no call spent here.
/// </summary>
internal static class NetworkResolver
{
    /// <summary>SSM GetParameters.Names: "min": 1, "max": 10 (ssm/2014-11-06 model, ParameterNameList); we need at most 5.</summary>
    public const int MaxNamesPerCall = 10;

    /// <summary>The id of the network read in every plan that has one (<see cref="Planning.CreatePlanner.AddNetworkRead"/>).</summary>
    public const string StepId = "resolve-network";

    public static async Task<ResolvedNetwork> ResolveAsync(NetworkProperties network, AwsApis aws, CancellationToken cancellationToken)
    {
        var values = await ReadParametersAsync(network, aws, cancellationToken).ConfigureAwait(false);
        var missing = values.Where(entry => entry.Value is null).Select(entry => entry.Key.Name).ToList();
        if (missing.Count > 0)
        {
            throw new ProvisioningException(
                $"The network is not fully given: the SSM parameter{(missing.Count == 1 ? string.Empty : "s")} {string.Join(", ", missing)} " +
                $"{(missing.Count == 1 ? "does" : "do")} not exist. Create {(missing.Count == 1 ? "it" : "them")} (the network stack exports them under " +
                $"{network.ParameterPrefix}) or set the id in Network.");
        }

        string Value(NetworkValue value) => values.First(entry => entry.Key.Value == value).Value!;
        bool Needed(NetworkValue value) => values.Keys.Any(parameter => parameter.Value == value);

        var listenerArn = network.ListenerArn ?? Value(NetworkValue.AlbListenerArn);
        var loadBalancerArn = ResolvedNetwork.LoadBalancerArnOf(listenerArn)
            ?? await LoadBalancerOfAsync(listenerArn, aws.Elb, cancellationToken).ConfigureAwait(false);
        return new ResolvedNetwork(
            network.VpcId ?? Value(NetworkValue.VpcId),
            network.SubnetIds?.ToValueList() ?? NetworkParameters.SplitList(Needed(NetworkValue.PrivateSubnetIds) ? Value(NetworkValue.PrivateSubnetIds) : string.Empty),
            network.ClusterName ?? Value(NetworkValue.EcsClusterName),
            listenerArn,
            loadBalancerArn,
            network.LoadBalancerSecurityGroupId ?? Value(NetworkValue.AlbSecurityGroupId));
    }

    /// <summary>
    /// What Delete can still learn when the network stack is half gone: missing values are empty, and the listener's load
    /// balancer is not looked up (nothing a Delete does needs it).
    /// </summary>
    public static async Task<ResolvedNetwork> ResolveLenientlyAsync(NetworkProperties network, AwsApis aws, CancellationToken cancellationToken)
    {
        var values = await ReadParametersAsync(network, aws, cancellationToken).ConfigureAwait(false);
        string Value(NetworkValue value) => values.FirstOrDefault(entry => entry.Key.Value == value).Value ?? string.Empty;
        return new ResolvedNetwork(
            network.VpcId ?? Value(NetworkValue.VpcId),
            network.SubnetIds?.ToValueList() ?? NetworkParameters.SplitList(Value(NetworkValue.PrivateSubnetIds)),
            network.ClusterName ?? Value(NetworkValue.EcsClusterName),
            network.ListenerArn ?? Value(NetworkValue.AlbListenerArn),
            string.Empty,
            network.LoadBalancerSecurityGroupId ?? Value(NetworkValue.AlbSecurityGroupId));
    }

    private static async Task<Dictionary<NetworkParameter, string?>> ReadParametersAsync(NetworkProperties network, AwsApis aws, CancellationToken cancellationToken)
    {
        var needed = NetworkParameters.Needed(network);
        var values = needed.ToDictionary(parameter => parameter, _ => (string?)null);
        foreach (var batch in needed.Chunk(MaxNamesPerCall))
        {
            var result = await aws.Ssm.GetParametersAsync([.. batch.Select(parameter => parameter.Name)], cancellationToken).ConfigureAwait(false);
            foreach (var parameter in batch)
            {
                values[parameter] = result.Parameters.FirstOrDefault(found => found.Name == parameter.Name)?.Value;
            }
        }

        return values;
    }

    private static async Task<string> LoadBalancerOfAsync(string listenerArn, IElasticLoadBalancingClient elb, CancellationToken cancellationToken)
    {
        var listeners = await elb.DescribeListenersAsync([listenerArn], null, cancellationToken).ConfigureAwait(false);
        var loadBalancerArn = listeners.Listeners.FirstOrDefault()?.LoadBalancerArn
            ?? throw new ProvisioningException($"The listener {listenerArn} belongs to no load balancer.");
        var balancers = await elb.DescribeLoadBalancersAsync([loadBalancerArn], null, cancellationToken).ConfigureAwait(false);
        return balancers.LoadBalancers.FirstOrDefault()?.LoadBalancerArn
            ?? throw new ProvisioningException($"The load balancer {loadBalancerArn} of listener {listenerArn} does not exist.");
    }
}
