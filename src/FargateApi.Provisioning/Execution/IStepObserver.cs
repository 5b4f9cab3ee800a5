using FargateApi.Planning;

namespace FargateApi.Provisioning.Execution;

/// <summary>Told of every step the executor starts and how it ended: the Lambda logs them, tests compare them with the plan.</summary>
public interface IStepObserver
{
    void Started(string planKind, int wave, string stepId, string label);

    void Finished(string stepId, string outcome);
}

internal static class StepObserverExtensions
{
    public static void Started(this IStepObserver? observer, Plan plan, int wave, Step step) =>
        observer?.Started(plan.Kind.ToString(), wave, step.Id, step.Action.ToString());
}
