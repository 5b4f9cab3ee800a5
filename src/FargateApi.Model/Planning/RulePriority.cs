namespace FargateApi.Planning;

/// <summary>How plans speak of listener rule priorities that are not the declared one.</summary>
internal static class RulePriority
{
    /// <summary>The field a priority step moves (<c>DesiredListenerRule.Fields</c>).</summary>
    public const string Field = Desired.DesiredListenerRule.PriorityField;

    /// <summary>
    /// A replacement's new rule starts at a priority chosen when the step runs: the highest free one on the listener
    /// (lowest precedence, so the old rule keeps the traffic). Its create step moves Priority to this; its swap step from it.
    /// </summary>
    public const string Temporary = "<temporary>";

    /// <summary>The member of a step that acts on the rule of another generation of the same resource.</summary>
    public const string OtherGeneration = "other generation";
}
