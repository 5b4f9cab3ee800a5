using FargateApi.Desired;

namespace FargateApi.Planning;

/// <summary>A plan's steps while they are being assembled; ids of steps not added are dropped from dependencies,
/// so optional steps (roles, scaling, the wait) can be skipped without special cases downstream.</summary>
internal sealed class StepList
{
    private readonly List<Step> _steps = [];

    public string Add(string id, StepAction action, string target, IEnumerable<string?> dependsOn, string? note = null, StepGuard guard = StepGuard.Always)
    {
        var known = dependsOn
            .OfType<string>()
            .Where(dependency => _steps.Exists(step => step.Id == dependency))
            .Distinct(StringComparer.Ordinal)
            .ToValueList();
        _steps.Add(new Step(id, action, target, known, note, guard));
        return id;
    }

    public bool Contains(string id) => _steps.Exists(step => step.Id == id);

    public ValueList<Step> ToValueList() => _steps.ToValueList();
}
