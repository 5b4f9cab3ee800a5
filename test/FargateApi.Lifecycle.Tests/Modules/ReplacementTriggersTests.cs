using FargateApi.Planning;
using FargateApi.Properties;

namespace FargateApi.Lifecycle.Tests.Modules;

/// <summary>What forces a replacement is said once, by the catalog; everything that replaces reads it from there.</summary>
public sealed class ReplacementTriggersTests
{
    [Fact]
    public void Every_catalog_property_marked_replacement_is_a_trigger_with_its_reason_and_nothing_else_is()
    {
        var declared = PropertyPaths.Definitions
            .Where(entry => entry.Definition.Update == UpdateBehavior.Replacement)
            .Select(entry => entry.Path)
            .Order(StringComparer.Ordinal);

        Assert.Equal(declared, ReplacementTriggers.All.Select(trigger => trigger.Path).Order(StringComparer.Ordinal));
        Assert.All(ReplacementTriggers.All, trigger => Assert.False(string.IsNullOrWhiteSpace(trigger.Definition.ReplacementReason)));
    }

    [Fact]
    public void The_rule_priority_range_is_the_same_in_the_model_and_the_aws_layer()
    {
        Assert.Equal(Aws.Services.ElasticLoadBalancing.ElbLimits.MinRulePriority, PropertyLimits.MinPriority);
        Assert.Equal(Aws.Services.ElasticLoadBalancing.ElbLimits.MaxRulePriority, PropertyLimits.MaxPriority);
    }
}
