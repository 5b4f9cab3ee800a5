using System.Xml.Linq;
using FargateApi.Aws.Protocols;

namespace FargateApi.Aws.Services.ElasticLoadBalancing;

/// <summary>Reads the ELBv2 output shapes from their XML elements (awsQuery: PascalCase member names, <c>member</c> list entries).</summary>
internal static class ElbXml
{
    public static TargetGroup TargetGroup(XElement e) => new(
        e.RequiredText("TargetGroupArn"),
        e.Text("TargetGroupName") ?? "",
        e.Text("Protocol"),
        e.Int("Port"),
        e.Text("VpcId"),
        e.Text("TargetType"),
        new TargetGroupHealthCheck(
            e.Text("HealthCheckPath"),
            e.Int("HealthCheckIntervalSeconds"),
            e.Int("HealthCheckTimeoutSeconds"),
            e.Int("HealthyThresholdCount"),
            e.Int("UnhealthyThresholdCount"),
            e.Child("Matcher")?.Text("HttpCode")),
        e.Strings("LoadBalancerArns"));

    public static Rule Rule(XElement e) => new(
        e.RequiredText("RuleArn"),
        e.Text("Priority"),
        e.Bool("IsDefault") ?? false,
        [.. e.List("Conditions").Select(Condition)],
        [.. e.List("Actions").Select(Action)]);

    public static TargetHealthDescription TargetHealthDescription(XElement e)
    {
        var target = e.Child("Target");
        var health = e.Child("TargetHealth");
        return new(
            new TargetDescription(target?.RequiredText("Id") ?? throw new InvalidDataException("ELBv2 TargetHealthDescription without a Target."), target.Int("Port"), target.Text("AvailabilityZone")),
            e.Text("HealthCheckPort"),
            new TargetHealth(health?.Text("State") ?? "", health?.Text("Reason"), health?.Text("Description")));
    }

    public static Listener Listener(XElement e) => new(e.RequiredText("ListenerArn"), e.Text("LoadBalancerArn"), e.Int("Port"), e.Text("Protocol"));

    public static LoadBalancer LoadBalancer(XElement e) => new(e.RequiredText("LoadBalancerArn"), e.Text("LoadBalancerName"), e.Text("VpcId"), e.Text("Type"));

    public static IReadOnlyDictionary<string, string> Attributes(XElement result)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in result.List("Attributes"))
        {
            if (entry.Text("Key") is { } key)
            {
                attributes[key] = entry.Text("Value") ?? "";
            }
        }

        return attributes;
    }

    /// <summary>The typed config (PathPatternConfig / HostHeaderConfig) wins; the legacy top-level Values is the fallback.</summary>
    private static RuleCondition Condition(XElement e)
    {
        var field = e.Text("Field") ?? "";
        var config = field switch
        {
            ElbValues.FieldPathPattern => e.Child("PathPatternConfig"),
            ElbValues.FieldHostHeader => e.Child("HostHeaderConfig"),
            _ => null,
        };
        var values = config?.Strings("Values") is { Count: > 0 } typed ? typed : e.Strings("Values");
        return new RuleCondition(field, values);
    }

    /// <summary>A forward action names its target group directly or (newer form) as the single entry of ForwardConfig.</summary>
    private static RuleAction Action(XElement e)
    {
        var targetGroupArn = e.Text("TargetGroupArn")
            ?? e.Child("ForwardConfig")?.List("TargetGroups").Select(t => t.Text("TargetGroupArn")).FirstOrDefault(arn => arn is not null);
        return new RuleAction(e.Text("Type") ?? "", targetGroupArn, e.Int("Order"));
    }
}
