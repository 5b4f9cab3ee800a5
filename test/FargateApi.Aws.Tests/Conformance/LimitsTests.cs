using System.Text.Json;
using FargateApi.Aws.Services.ElasticLoadBalancing;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>The limits the clients and the simulation enforce are the official models' own.</summary>
public sealed class LimitsTests
{
    [Fact]
    public void Rule_priority_range_is_the_elbv2_model_RulePriority_shape()
    {
        using var reference = JsonDocument.Parse("""{"shape":"RulePriority"}""");
        var shape = ServiceModel.Load("elbv2").Resolve(reference.RootElement);

        Assert.Equal(shape.Min, ElbLimits.MinRulePriority);
        Assert.Equal(shape.Max, ElbLimits.MaxRulePriority);
    }
}
