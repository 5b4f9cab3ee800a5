using FargateApi.Properties;

namespace FargateApi.Desired;

/// <summary>Where the shared network comes from: the payload of a plan's network read (the properties' ids, the rest from SSM).</summary>
internal sealed record NetworkSource(NetworkProperties Properties) : IDesiredResource
{
    public IEnumerable<Field> Fields() =>
    [
        new("ParameterPrefix", Properties.ParameterPrefix),
    ];
}
