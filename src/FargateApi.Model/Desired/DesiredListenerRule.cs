namespace FargateApi.Desired;

/// <summary>
/// The rule on the shared listener that forwards the service's paths (and hosts, if any) to its target group.
/// Conditions and action change with ModifyRule, the priority with SetRulePriorities; only the listener is fixed.
/// </summary>
internal sealed record DesiredListenerRule(
    string ListenerArn,
    int Priority,
    ValueList<string> PathPatterns,
    ValueList<string> HostHeaders,
    OutputRef ForwardTo,
    ValueMap Tags) : IDesiredResource
{
    /// <summary>The field a priority step moves.</summary>
    public const string PriorityField = "Priority";

    public IEnumerable<Field> Fields() =>
    [
        new("ListenerArn", ListenerArn),
        Field.Of(PriorityField, Priority),
        Field.Of("Conditions.path-pattern", PathPatterns),
        Field.Of("Conditions.host-header", HostHeaders),
        Field.Of("Actions.forward", ForwardTo),
        .. Field.Tags(Tags),
    ];
}
