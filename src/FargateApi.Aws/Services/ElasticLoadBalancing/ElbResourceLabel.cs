namespace FargateApi.Aws.Services.ElasticLoadBalancing;

/// <summary>
/// The <c>ResourceLabel</c> of an ALBRequestCountPerTarget scaling metric: <c>app/&lt;lb-name&gt;/&lt;lb-id&gt;/targetgroup/&lt;tg-name&gt;/&lt;tg-id&gt;</c>,
/// i.e. the resource parts of the load balancer and target group ARNs joined by '/'
/// (https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PredefinedMetricSpecification.html).
/// </summary>
internal static class ElbResourceLabel
{
    private const string LoadBalancerResource = ":loadbalancer/";
    private const string TargetGroupResource = ":targetgroup/";

    public static string For(string loadBalancerArn, string targetGroupArn)
    {
        var lb = loadBalancerArn.IndexOf(LoadBalancerResource, StringComparison.Ordinal);
        var tg = targetGroupArn.IndexOf(TargetGroupResource, StringComparison.Ordinal);
        if (lb < 0 || tg < 0)
        {
            throw new ArgumentException($"Not a load balancer and target group ARN pair: '{loadBalancerArn}', '{targetGroupArn}'.");
        }

        return loadBalancerArn[(lb + LoadBalancerResource.Length)..] + "/" + targetGroupArn[(tg + 1)..];
    }
}
