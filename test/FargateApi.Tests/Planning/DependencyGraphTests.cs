using FargateApi.Desired;
using FargateApi.Planning;

namespace FargateApi.Tests.Planning;

public class DependencyGraphTests
{
    private static Step Step(string id, params string[] dependsOn) => new(id, StepAction.UpdateTags, id, ValueList.Of(dependsOn));

    [Fact]
    public void Independent_steps_share_a_wave_and_a_step_follows_its_deepest_dependency()
    {
        var waves = DependencyGraph.Waves([Step("a"), Step("b"), Step("c", "a"), Step("d", "c", "b")]);

        Assert.Equal([["a", "b"], ["c"], ["d"]], waves.Select(wave => wave.Select(step => step.Id).ToArray()));
    }

    [Fact]
    public void A_cycle_is_reported()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DependencyGraph.Waves([Step("a", "b"), Step("b", "a")]));

        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_dependency_is_reported()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DependencyGraph.Waves([Step("a", "ghost")]));

        Assert.Contains("'ghost'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_plan_kind_has_unique_ids_and_known_dependencies()
    {
        var stack = Desired.Seed.Stack();
        var moved = Desired.Seed.Stack(Desired.Seed.Properties with { ContainerPort = 8080 });

        Plan[] plans = [Plan.ForCreate(stack), Plan.ForDelete(stack), Plan.ForUpdate(stack, moved)];

        Assert.All(plans, plan => Assert.Equal(plan.Steps.Count, plan.Waves.Sum(wave => wave.Count)));
    }
}
