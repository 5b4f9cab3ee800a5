using FargateApi.Properties;

namespace FargateApi.Desired;

/// <summary>What a desired stack was derived from, kept so a replacement can derive it again at the next generation.</summary>
internal sealed record DesiredInputs(
    ServiceProperties Properties,
    ResolvedNetwork Network,
    AwsEnvironment Aws,
    Ownership Owner);

/// <summary>
/// A value carried by a record but left out of its equality: a desired stack is equal to another when every derived
/// value is, whatever inputs (with their reference-compared lists) produced them.
/// </summary>
internal readonly struct NotCompared<T>(T value) : IEquatable<NotCompared<T>>
{
    public T Value { get; } = value;

    public bool Equals(NotCompared<T> other) => true;

    public override bool Equals(object? obj) => obj is NotCompared<T>;

    public override int GetHashCode() => 0;

    public static bool operator ==(NotCompared<T> left, NotCompared<T> right) => left.Equals(right);

    public static bool operator !=(NotCompared<T> left, NotCompared<T> right) => !left.Equals(right);

    public override string ToString() => "(inputs)";
}
