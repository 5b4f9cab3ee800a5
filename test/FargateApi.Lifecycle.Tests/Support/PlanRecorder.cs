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
            // A read runs before its plan exists: it belongs to the plan told next (as does a step the last plan does not
            // have, or started again).
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
            // A read started once the last plan's own steps have started belongs to the plan told next, even when the last plan
            // has a read of that name (a revive run on what an earlier read found, without reads of its own).
            var last = _plans.Count == 0 ? null : _plans[^1];
            if (_pending.Count > 0 || last is null
                || (step.Wave is not null && Observation.IsReadId(step.StepId) && last.Events.Any(e => e.Wave is not null && !Observation.IsReadId(e.StepId)))
                || (step.Wave is not null && (last.Events.Any(e => e.StepId == step.StepId) || last.Plan.Steps.All(candidate => candidate.Id != step.StepId))))
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
