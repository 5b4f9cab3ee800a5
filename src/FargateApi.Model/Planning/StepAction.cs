namespace FargateApi.Planning;

/// <summary>What one step does; the executor maps each to its AWS calls (named in the comments).</summary>
internal enum StepAction
{
    /// <summary>SSM GetParameters for the ids the properties left out (the load balancer is read off the listener ARN).</summary>
    ResolveNetwork,

    /// <summary>DescribeServices on the service the physical id names: whose it is, what it runs, where it runs.</summary>
    FindService,

    /// <summary>DescribeTargetGroups on the service's target group: the VPC the stack was built in.</summary>
    FindTargetGroup,

    /// <summary>DescribeRules on the listener the properties name: is the stack's rule there (else the listener moved)?</summary>
    FindListenerRule,

    /// <summary>DescribeSecurityGroups on the service's group: the ingress it admits now.</summary>
    FindSecurityGroup,

    /// <summary>DescribeTaskDefinition on the family: its latest revision, whose it is and what it holds.</summary>
    FindTaskDefinition,
    CreateLogGroup,

    /// <summary>The log group is shared by every generation: a replacement finds it and sets retention and tags.</summary>
    AdoptLogGroup,
    PutRetentionPolicy,
    DeleteLogGroup,

    /// <summary>CreateRole (trust policy, path, tags); one that exists is ours only if its tags say so.</summary>
    CreateRole,

    /// <summary>PutRolePolicy, or DeleteRolePolicy when no statement is left.</summary>
    PutRolePolicy,

    /// <summary>GetRole on a role the properties name (TaskRoleArn, ExecutionRoleArn): a role the provider made is used only by
    /// the resource it was made for (safety; its ownership tags say whose it is).</summary>
    CheckGivenRole,

    /// <summary>GetRole on a role the Delete removes: whose it is, read beside the service's delete rather than after it.</summary>
    FindRole,

    /// <summary>
    /// DeleteRolePolicy of the inline policy the provider put on a role of ours: IAM deletes a role only once it has none
    /// ("you must delete the items attached to the role manually … inline policies", DeleteRole, IAM API reference), so the
    /// delete of the role is the next step, one call each.
    /// </summary>
    DeleteRolePolicy,
    DeleteRole,

    /// <summary>CreateSecurityGroup (it comes with the allow-all egress rule).</summary>
    CreateSecurityGroup,
    AuthorizeIngress,
    RevokeIngress,
    DeleteSecurityGroup,

    /// <summary>CreateTargetGroup; ELBv2 answers a second create with the same name and settings with the existing group.</summary>
    CreateTargetGroup,

    /// <summary>DescribeTags on the group CreateTargetGroup answered with: it must be this resource's (safety).</summary>
    CheckTargetGroupOwner,
    ModifyTargetGroup,
    ModifyTargetGroupAttributes,
    DeleteTargetGroup,
    /// <summary>DescribeRules on the listener before the rule is made: the declared priority is free and no other owner's
    /// rule matches the same requests (safety); an earlier attempt's rule is found here.</summary>
    CheckListenerRules,
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

    /// <summary>DeleteService with force, so it goes even with running tasks.</summary>
    DeleteService,

    /// <summary>DescribeServices until the service is ACTIVE with one deployment and runningCount = desiredCount (botocore ServicesStable).</summary>
    WaitForSteadyState,

    /// <summary>DescribeServices until INACTIVE (botocore ServicesInactive).</summary>
    WaitForServiceInactive,

    /// <summary>DescribeTargetHealth until as many targets are healthy as the service wants running: before traffic moves to them.</summary>
    WaitForHealthyTargets,
    RegisterScalableTarget,
    PutScalingPolicy,

    /// <summary>DeregisterScalableTarget; it deletes the target's scaling policies with it.</summary>
    DeregisterScalableTarget,

    /// <summary>The service's own tagging calls (TagResource/UntagResource, CreateTags/DeleteTags, AddTags/RemoveTags, TagRole/UntagRole).</summary>
    UpdateTags,
}

/// <summary>Which resource each label acts on, and how: the executor dispatches on these, never on the label itself.</summary>
internal static class StepActions
{
    public static ResourceKind KindOf(StepAction action) => action switch
    {
        StepAction.ResolveNetwork => ResourceKind.Network,
        StepAction.FindService => ResourceKind.Service,
        StepAction.FindTargetGroup => ResourceKind.TargetGroup,
        StepAction.FindListenerRule => ResourceKind.ListenerRule,
        StepAction.FindSecurityGroup => ResourceKind.SecurityGroup,
        StepAction.FindTaskDefinition => ResourceKind.TaskDefinition,
        StepAction.CreateLogGroup or StepAction.AdoptLogGroup or StepAction.PutRetentionPolicy or StepAction.DeleteLogGroup => ResourceKind.LogGroup,
        StepAction.CreateRole or StepAction.PutRolePolicy or StepAction.CheckGivenRole or StepAction.FindRole or StepAction.DeleteRolePolicy or StepAction.DeleteRole => ResourceKind.Role,
        StepAction.CreateSecurityGroup or StepAction.AuthorizeIngress or StepAction.RevokeIngress or StepAction.DeleteSecurityGroup => ResourceKind.SecurityGroup,
        StepAction.CreateTargetGroup or StepAction.CheckTargetGroupOwner or StepAction.ModifyTargetGroup or StepAction.ModifyTargetGroupAttributes
            or StepAction.DeleteTargetGroup or StepAction.WaitForHealthyTargets => ResourceKind.TargetGroup,
        StepAction.CheckListenerRules or StepAction.CreateListenerRule or StepAction.ModifyRule or StepAction.SetRulePriorities or StepAction.SwapRulePriorities
            or StepAction.DeleteListenerRule or StepAction.RestoreRulePriority => ResourceKind.ListenerRule,
        StepAction.RegisterTaskDefinition or StepAction.DeregisterTaskDefinitions => ResourceKind.TaskDefinition,
        StepAction.CreateService or StepAction.UpdateService or StepAction.DeleteService
            or StepAction.WaitForSteadyState or StepAction.WaitForServiceInactive => ResourceKind.Service,
        StepAction.RegisterScalableTarget or StepAction.PutScalingPolicy or StepAction.DeregisterScalableTarget => ResourceKind.Scaling,
        StepAction.UpdateTags => throw new ArgumentException("UpdateTags acts on whichever resource the step names.", nameof(action)),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    public static Verb VerbOf(StepAction action) => action switch
    {
        StepAction.ResolveNetwork or StepAction.CheckTargetGroupOwner or StepAction.CheckListenerRules or StepAction.CheckGivenRole or StepAction.FindRole
            or StepAction.FindService or StepAction.FindTargetGroup or StepAction.FindListenerRule or StepAction.FindSecurityGroup
            or StepAction.FindTaskDefinition => Verb.Read,
        StepAction.CreateLogGroup or StepAction.AdoptLogGroup or StepAction.CreateRole or StepAction.CreateSecurityGroup or StepAction.CreateTargetGroup
            or StepAction.CreateListenerRule or StepAction.RegisterTaskDefinition or StepAction.CreateService or StepAction.RegisterScalableTarget => Verb.Create,
        StepAction.DeleteLogGroup or StepAction.DeleteRolePolicy or StepAction.DeleteRole or StepAction.DeleteSecurityGroup or StepAction.DeleteTargetGroup or StepAction.DeleteListenerRule
            or StepAction.DeregisterTaskDefinitions or StepAction.DeleteService or StepAction.DeregisterScalableTarget => Verb.Delete,
        StepAction.WaitForSteadyState or StepAction.WaitForServiceInactive or StepAction.WaitForHealthyTargets => Verb.Wait,
        StepAction.UpdateTags => Verb.Tag,
        _ => Verb.Update,
    };

    public static WaitCondition UntilOf(StepAction action) => action switch
    {
        StepAction.WaitForSteadyState => WaitCondition.SteadyState,
        StepAction.WaitForServiceInactive => WaitCondition.Inactive,
        StepAction.WaitForHealthyTargets => WaitCondition.HealthyTargets,
        _ => WaitCondition.None,
    };
}
