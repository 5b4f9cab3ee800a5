using System.Globalization;
using FargateApi.Provisioning;

namespace FargateApi.Cli.Invoke;

/// <summary>
/// Prints each poll of a steady-state wait as one line: elapsed time, running/desired tasks, the deployment's rollout
/// state. Synchronously, in the order reported (<see cref="Progress{T}"/> would post to the thread pool and reorder).
/// </summary>
internal sealed class WaitProgressPrinter(Action<string> line) : IProgress<WaitProgress>
{
    public void Report(WaitProgress value)
    {
        var rollout = value.RolloutState is null ? string.Empty : $", rollout {value.RolloutState}";
        var detail = value.Detail is null ? string.Empty : $", {value.Detail}";
        line(string.Create(CultureInfo.InvariantCulture,
            $"waiting for {value.Service} to be stable: {Elapsed(value.Elapsed)} elapsed, {value.Running} of {value.Desired} tasks running{rollout}{detail}"));
    }

    /// <summary>"0:05", "12:40", "1:02:03".</summary>
    public static string Elapsed(TimeSpan elapsed) => elapsed.TotalHours >= 1
        ? elapsed.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : elapsed.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
