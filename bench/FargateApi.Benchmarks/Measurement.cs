using System.Diagnostics;

namespace FargateApi.Benchmarks;

/// <summary>One measured case: median time per operation over several rounds, and bytes allocated per operation.</summary>
internal sealed record Measurement(string Name, double MicrosecondsPerOp, double BytesPerOp, int OpsPerRound, int Rounds)
{
    /// <summary>
    /// Runs <paramref name="operation"/> for warm-up (so tiered JIT reaches optimized code), then in rounds; the median
    /// round is reported so one GC pause or noisy neighbour does not decide the figure.
    /// </summary>
    public static Measurement Run(string name, Action operation, int opsPerRound = 20_000, int rounds = 7, int warmUpOps = 30_000)
    {
        for (int i = 0; i < warmUpOps; i++)
        {
            operation();
        }

        var perOp = new double[rounds];
        double bytes = double.MaxValue;
        for (int round = 0; round < rounds; round++)
        {
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < opsPerRound; i++)
            {
                operation();
            }

            TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            perOp[round] = elapsed.TotalMicroseconds / opsPerRound;
            bytes = Math.Min(bytes, (double)allocated / opsPerRound);
        }

        Array.Sort(perOp);
        return new Measurement(name, perOp[rounds / 2], bytes, opsPerRound, rounds);
    }
}
