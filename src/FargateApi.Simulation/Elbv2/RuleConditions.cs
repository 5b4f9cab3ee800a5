using FargateApi.Aws.Services.ElasticLoadBalancing;
using FargateApi.Simulation.Core;

namespace FargateApi.Simulation.Elbv2;

/// <summary>What ELB checks in the conditions a CreateRule or ModifyRule sends, before it looks at anything else.</summary>
internal static class RuleConditions
{
    /// <summary>
    /// A condition with no value is refused with <c>ValidationError</c> "A condition value must be specified": AWS
    /// answers an empty host or path condition so (hashicorp/terraform-provider-aws#3216: "the API returns that the
    /// host/path must NOT be empty"), and moto, which copies ELB's messages, raises exactly this for a path-pattern or
    /// host-header condition without values (getmoto/moto moto/elbv2/models.py, <c>_validate_path_pattern_condition</c>;
    /// getmoto/moto#3090 quotes it). The query protocol cannot send an empty list, so an empty <c>PathPatternConfig</c>
    /// reaches ELB as a bare <c>Field</c>, which is the same thing.
    /// </summary>
    public static void Validate(IReadOnlyList<RuleCondition>? conditions, string operation)
    {
        if (conditions is not null && conditions.Any(condition => condition.Values.Count == 0))
        {
            throw AwsErrors.Create(SimServices.Elbv2, operation, "ValidationError", "A condition value must be specified");
        }
    }
}
