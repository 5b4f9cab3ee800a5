namespace FargateApi.Planning;

/// <summary>A condition the executor checks before the step, for what the plan cannot know without reading AWS.</summary>
internal enum StepGuard
{
    Always,

    /// <summary>Skip when another generation of the same CloudFormation resource still exists (found by the ownership tags).</summary>
    NoOtherGenerationRemains,

    /// <summary>Run only when another generation's rule remains and the declared priority is free.</summary>
    OtherGenerationRuleRemains,
}
