namespace FargateApi.Simulation.Ecs;

/// <summary>
/// The Fargate task sizes RegisterTaskDefinition accepts (CPU units → memory MiB). Source: the ECS
/// RegisterTaskDefinition <c>memory</c> documentation and aws-cdk <c>fargate-task-definition.ts</c> doc comments,
/// summarized in /work/shared/research/fargate-service-stacks.md (b)1. 8 and 16 vCPU need platform 1.4.0+, which
/// LATEST is.
/// </summary>
internal static class FargateTaskSize
{
    private static readonly (int Cpu, int Min, int Max, int Step)[] Table =
    [
        (256, 512, 2048, 0),
        (512, 1024, 4096, 1024),
        (1024, 2048, 8192, 1024),
        (2048, 4096, 16384, 1024),
        (4096, 8192, 30720, 1024),
        (8192, 16384, 61440, 4096),
        (16384, 32768, 122880, 8192),
    ];

    /// <summary>256 CPU allows exactly these (0.5, 1 and 2 GB), not a stepped range.</summary>
    private static readonly int[] SmallestMemories = [512, 1024, 2048];

    public static bool IsValid(int cpu, int memory)
    {
        foreach (var (c, min, max, step) in Table)
        {
            if (c != cpu)
            {
                continue;
            }

            return step == 0 ? SmallestMemories.Contains(memory) : memory >= min && memory <= max && (memory - min) % step == 0;
        }

        return false;
    }

    /// <summary>ECS also accepts "1 vCPU" / "2 GB" strings and converts them to units and MiB.</summary>
    public static int? ParseCpu(string? value) => Parse(value, "vcpu", 1024);

    public static int? ParseMemory(string? value) => Parse(value, "gb", 1024);

    private static int? Parse(string? value, string unit, int factor)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim().ToLowerInvariant();
        if (text.EndsWith(unit, StringComparison.Ordinal)
            && double.TryParse(text[..^unit.Length].Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var units))
        {
            return (int)(units * factor);
        }

        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var raw) ? raw : null;
    }
}
