using FargateApi.Planning;
using FargateApi.Provisioning.Execution;

namespace FargateApi.Lifecycle.Tests.Support;

/// <summary>Every plan the executor was given, and the steps it started and finished, in the order they happened.</summary>
internal sealed class PlanRecorder : IStepObserver
{
    private readonly Lock _sync = new();
    private readonly List<RecordedPlan> _plans = [];
    private readonly List<StepEvent> _pending = [];

    public IReadOnlyList<RecordedPlan> Plans
    {
        get
        {
            lock (_sync)
            {
                return [.. _plans];
            }
        }
    }

    public void Planned(Plan plan)
    {
        lock (_sync)
        {
            // A network read runs before its plan exists: it belongs to the plan told next (a step started again belongs to a
            // plan not told yet).
            var recorded = new RecordedPlan(plan);
            recorded.Events.AddRange(_pending);
            _pending.Clear();
            _plans.Add(recorded);
        }
    }

    public void Started(string stepId, int wave) => Add(new StepEvent(stepId, wave, null));

    public void Finished(string stepId, StepOutcome outcome) => Add(new StepEvent(stepId, null, outcome));

    private void Add(StepEvent step)
    {
        lock (_sync)
        {
            if (_pending.Count > 0 || _plans.Count == 0 || (step.Wave is not null && _plans[^1].Events.Any(e => e.StepId == step.StepId)))
            {
                _pending.Add(step);
            }
            else
            {
                _plans[^1].Events.Add(step);
            }
        }
    }
}

/// <summary>A step starting (<see cref="Wave"/> set) or finishing (<see cref="Outcome"/> set).</summary>
internal sealed record StepEvent(string StepId, int? Wave, StepOutcome? Outcome);

internal sealed record RecordedPlan(Plan Plan)
{
    public List<StepEvent> Events { get; } = [];
}
