using FargateApi.Desired;

namespace FargateApi.Planning;

/// <summary>A plan's steps while they are being assembled; ids of steps not added are dropped from dependencies,
/// so optional steps (roles, scaling, the wait) can be skipped without special cases downstream.</summary>
internal sealed class StepList
{
    private readonly List<Step> _steps = [];

    /// <param name="spec">The step's payload: the resource as the step leaves it (<see cref="Step.Spec"/>).</param>
    /// <param name="detail">The rest of the payload: previous version, changes, member, explicit kind (<see cref="Step"/>'s init members).</param>
    public string Add(
        string id,
        StepAction action,
        string target,
        IEnumerable<string?> dependsOn,
        IDesiredResource spec,
        string? note = null,
        StepGuard guard = StepGuard.Always,
        Func<Step, Step>? detail = null)
    {
        var known = dependsOn
            .OfType<string>()
            .Where(dependency => _steps.Exists(step => step.Id == dependency))
            .Distinct(StringComparer.Ordinal)
            .ToValueList();
        var step = new Step(id, action, target, known, note, guard) { Spec = spec };
        _steps.Add(detail is null ? step : detail(step));
        return id;
    }

    /// <summary>Makes a step added earlier also wait for <paramref name="dependency"/>, a step added after it.</summary>
    public void After(string id, string dependency)
    {
        var index = _steps.FindIndex(step => step.Id == id);
        if (index < 0 || !Contains(dependency) || _steps[index].DependsOn.Contains(dependency))
        {
            return;
        }

        _steps[index] = _steps[index] with { DependsOn = _steps[index].DependsOn.Append(dependency).ToValueList() };
    }

    public bool Contains(string id) => _steps.Exists(step => step.Id == id);

    public ValueList<Step> ToValueList() => _steps.ToValueList();
}
