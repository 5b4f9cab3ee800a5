using FargateApi.Planning;

namespace FargateApi.Provisioning.Execution;

/// <summary>
/// Told of every plan the executor runs and of every step it starts and how it ended: the Lambda can log them, tests
/// compare them with the plan. A network read that runs before its plan can exist is told before that plan.
/// </summary>
internal interface IStepObserver
{
    void Planned(Plan plan);

    void Started(string stepId, int wave);

    void Finished(string stepId, StepOutcome outcome);
}
