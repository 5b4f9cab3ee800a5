namespace FargateApi.Desired;

/// <summary>
/// One resource of a desired stack: what a plan step carries as its payload, so the executor acts on the values the
/// planner saw instead of working them out again.
/// </summary>
internal interface IDesiredResource
{
    /// <summary>Every value the resource is made with, by name: what plans diff and print.</summary>
    IEnumerable<Field> Fields();
}
