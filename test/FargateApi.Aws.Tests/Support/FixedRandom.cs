namespace FargateApi.Aws.Tests.Support;

/// <summary>A "random" source that always draws the same fraction, so a jittered backoff becomes an exact value.</summary>
#pragma warning disable CA5394 // Not used for security: it stands in for jitter.
internal sealed class FixedRandom(double sample) : Random
{
    public override double NextDouble() => sample;

    protected override double Sample() => sample;
}
#pragma warning restore CA5394
