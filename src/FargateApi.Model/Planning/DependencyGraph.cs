using FargateApi.Desired;

namespace FargateApi.Planning;

/// <summary>
/// Topological layers of a plan's steps: every step runs in the first wave after all it depends on, so independent
/// steps share a wave and run concurrently. The number of waves is the graph's depth: at a fixed per-call latency L,
/// no executor can finish faster than depth × L (waits aside).
/// </summary>
internal static class DependencyGraph
{
    public static ValueList<ValueList<Step>> Waves(IReadOnlyList<Step> steps)
    {
        var byId = new Dictionary<string, Step>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            if (!byId.TryAdd(step.Id, step))
            {
                throw new InvalidOperationException($"Two steps share the id '{step.Id}'.");
            }
        }

        var layer = new Dictionary<string, int>(StringComparer.Ordinal);
        var visiting = new HashSet<string>(StringComparer.Ordinal);

        int LayerOf(Step step)
        {
            if (layer.TryGetValue(step.Id, out var known))
            {
                return known;
            }

            if (!visiting.Add(step.Id))
            {
                throw new InvalidOperationException($"The steps depend on each other in a cycle through '{step.Id}'.");
            }

            var deepest = -1;
            foreach (var dependency in step.DependsOn)
            {
                if (!byId.TryGetValue(dependency, out var required))
                {
                    throw new InvalidOperationException($"Step '{step.Id}' depends on '{dependency}', which is not in the plan.");
                }

                deepest = Math.Max(deepest, LayerOf(required));
            }

            visiting.Remove(step.Id);
            layer[step.Id] = deepest + 1;
            return deepest + 1;
        }

        foreach (var step in steps)
        {
            LayerOf(step);
        }

        // Within a wave, steps keep the plan's order: the rendering stays stable.
        return steps
            .GroupBy(step => layer[step.Id])
            .OrderBy(group => group.Key)
            .Select(group => group.ToValueList())
            .ToValueList();
    }

    public static int Depth(IReadOnlyList<Step> steps) => Waves(steps).Count;
}
