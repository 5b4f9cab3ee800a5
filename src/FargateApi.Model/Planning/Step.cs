using FargateApi.Desired;

namespace FargateApi.Planning;

/// <summary>What one step does; the executor maps each to its AWS calls (named in the comments).</summary>
internal enum StepAction
{
    /// <summary>SSM GetParameters for the ids the properties left out; DescribeListeners for the load balancer.</summary>
    ResolveNetwork,
    CreateLogGroup,

    /// <summary>The log group is shared by every generation: a replacement finds it and sets retention and tags.</summary>
    AdoptLogGroup,
    PutRetentionPolicy,
    DeleteLogGroup,

    /// <summary>CreateRole (trust policy, path, tags), then PutRolePolicy when it has statements.</summary>
    CreateRole,

    /// <summary>PutRolePolicy, or DeleteRolePolicy when no statement is left.</summary>
    PutRolePolicy,
    DeleteRole,

    /// <summary>CreateSecurityGroup (it comes with the allow-all egress rule).</summary>
    CreateSecurityGroup,
    AuthorizeIngress,
    RevokeIngress,
    DeleteSecurityGroup,

    /// <summary>CreateTargetGroup, then ModifyTargetGroupAttributes (the deregistration delay is an attribute).</summary>
    CreateTargetGroup,
    ModifyTargetGroup,
    ModifyTargetGroupAttributes,
    DeleteTargetGroup,
    CreateListenerRule,
    ModifyRule,
    SetRulePriorities,

    /// <summary>One SetRulePriorities call that gives the new generation's rule the declared priority and the old rule the new one's temporary priority.</summary>
    SwapRulePriorities,
    DeleteListenerRule,

    /// <summary>After a rolled-back replacement, the surviving generation's rule takes its declared priority back.</summary>
    RestoreRulePriority,
    RegisterTaskDefinition,
    DeregisterTaskDefinitions,
    CreateService,
    UpdateService,
    ScaleServiceToZero,

    /// <summary>DeleteService with force, so it goes even with running tasks.</summary>
    DeleteService,

    /// <summary>DescribeServices until the service is ACTIVE with one deployment and runningCount = desiredCount (botocore ServicesStable).</summary>
    WaitForSteadyState,

    /// <summary>DescribeServices until INACTIVE (botocore ServicesInactive).</summary>
    WaitForServiceInactive,
    RegisterScalableTarget,
    PutScalingPolicy,

    /// <summary>DeregisterScalableTarget; it deletes the target's scaling policies with it.</summary>
    DeregisterScalableTarget,

    /// <summary>The service's own tagging calls (TagResource/UntagResource, CreateTags/DeleteTags, AddTags/RemoveTags, TagRole/UntagRole).</summary>
    UpdateTags,
}

/// <summary>A condition the executor checks before the step, for what the plan cannot know without reading AWS.</summary>
internal enum StepGuard
{
    Always,

    /// <summary>Skip when another generation of the same CloudFormation resource still exists (found by the ownership tags).</summary>
    NoOtherGenerationRemains,

    /// <summary>Run only when another generation's rule remains and the declared priority is free.</summary>
    OtherGenerationRuleRemains,
}

/// <param name="Id">Unique in its plan; <paramref name="DependsOn"/> lists ids.</param>
/// <param name="Target">The AWS name of what the step acts on.</param>
/// <param name="Note">Anything a reader of the plan needs to know about how the step runs.</param>
internal sealed record Step(
    string Id,
    StepAction Action,
    string Target,
    ValueList<string> DependsOn,
    string? Note = null,
    StepGuard Guard = StepGuard.Always);
