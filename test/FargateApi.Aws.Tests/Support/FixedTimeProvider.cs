namespace FargateApi.Aws.Tests.Support;

/// <summary>A clock that says what the test tells it to; only wall-clock time is faked, timers stay real.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
