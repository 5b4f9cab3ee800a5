namespace FargateApi.Desired;

/// <summary>
/// The shared network the service joins, after the SSM look-ups (<see cref="NetworkParameters"/>) and the
/// listener → load balancer look-up. Everything here is owned by someone else: the provider never changes it.
/// </summary>
internal sealed record ResolvedNetwork(
    string VpcId,
    ValueList<string> SubnetIds,
    string ClusterName,
    string ListenerArn,
    string LoadBalancerArn,
    string LoadBalancerSecurityGroupId)
{
    /// <summary>
    /// <c>app/&lt;name&gt;/&lt;id&gt;</c>: the load balancer part of the <c>ALBRequestCountPerTarget</c> ResourceLabel
    /// (Application Auto Scaling PredefinedMetricSpecification: "app/&lt;load-balancer-name&gt;/&lt;load-balancer-id&gt;/targetgroup/…").
    /// It is what follows <c>loadbalancer/</c> in the ARN <c>arn:…:loadbalancer/app/my-alb/778d41231b141a0f</c>; empty when the
    /// load balancer is not known (a Delete reads no more of the network than it needs).
    /// </summary>
    public string LoadBalancerFullName => LoadBalancerArn.Length == 0 ? string.Empty : ArnResource(LoadBalancerArn)["loadbalancer/".Length..];

    /// <summary>
    /// The load balancer a listener belongs to, read off the listener ARN
    /// (<c>…:listener/app/&lt;lb-name&gt;/&lt;lb-id&gt;/&lt;listener-id&gt;</c>, ELBv2 "Listeners for your Application Load Balancers");
    /// lets a resolver skip DescribeListeners when the ARN has the documented shape.
    /// </summary>
    public static string? LoadBalancerArnOf(string listenerArn)
    {
        const string marker = ":listener/";
        var at = listenerArn.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var path = listenerArn[(at + marker.Length)..].Split('/');
        return path.Length == 4 ? $"{listenerArn[..at]}:loadbalancer/{path[0]}/{path[1]}/{path[2]}" : null;
    }

    /// <summary>The resource part of an ELBv2 ARN, after the fifth colon: <c>loadbalancer/app/…</c>, <c>targetgroup/name/id</c>.</summary>
    public static string ArnResource(string arn)
    {
        var at = -1;
        for (var colon = 0; colon < 5; colon++)
        {
            at = arn.IndexOf(':', at + 1);
            if (at < 0)
            {
                throw new ArgumentException($"'{arn}' is not an ARN.", nameof(arn));
            }
        }

        return arn[(at + 1)..];
    }
}
