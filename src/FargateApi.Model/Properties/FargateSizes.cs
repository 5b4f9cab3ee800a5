using System.Globalization;

namespace FargateApi.Properties;

/// <summary>
/// The Fargate task CPU → memory table (Linux). Sources: ECS RegisterTaskDefinition <c>memory</c> documentation and
/// research/fargate-service-stacks.md fact 1; cfn-lint rule E3047 checks the same table. 8192 and 16384 CPU units
/// need Linux platform 1.4.0 or later.
/// </summary>
internal static class FargateSizes
{
    /// <summary>One CPU size and the memory (MiB) it allows: <see cref="Fixed"/> when listed, else From–To in Step.</summary>
    internal sealed record Tier(int Cpu, int From, int To, int Step, IReadOnlyList<int>? Fixed = null)
    {
        public bool Allows(long memory) =>
            Fixed is not null ? Fixed.Contains((int)Math.Clamp(memory, 0, int.MaxValue)) : memory >= From && memory <= To && (memory - From) % Step == 0;

        public string Describe() => Fixed is not null
            ? string.Join(", ", Fixed.Select(m => m.ToString(CultureInfo.InvariantCulture)))
            : string.Create(CultureInfo.InvariantCulture, $"{From} to {To} in steps of {Step}");
    }

    public static IReadOnlyList<Tier> Tiers { get; } =
    [
        new(256, 512, 2048, 512, [512, 1024, 2048]),
        new(512, 1024, 4096, 1024),
        new(1024, 2048, 8192, 1024),
        new(2048, 4096, 16384, 1024),
        new(4096, 8192, 30720, 1024),
        new(8192, 16384, 61440, 4096),
        new(16384, 32768, 122880, 8192),
    ];

    public static IReadOnlyList<long> CpuValues { get; } = [.. Tiers.Select(t => (long)t.Cpu)];

    public const int MinMemory = 512;

    public const int MaxMemory = 122880;

    public static Tier? For(long cpu) => Tiers.FirstOrDefault(t => t.Cpu == cpu);

    /// <summary>Twice the CPU units is allowed for every tier, and gives the seed's 1024 MiB for its 512 CPU.</summary>
    public static int DefaultMemory(int cpu) => cpu * 2;

    /// <summary>One line per tier, for the reference docs.</summary>
    public static string DescribeTable() =>
        string.Join("; ", Tiers.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Cpu} → {t.Describe()}")));
}
