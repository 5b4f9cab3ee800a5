namespace FargateApi.Planning;

/// <summary>
/// The resources of one stack, each a module of the executor (FargateApi.Provisioning/Resources/&lt;kind&gt;). A role's
/// inline policy, a security group's ingress rule and the scaling policies belong to their resource's module.
/// </summary>
internal enum ResourceKind
{
    /// <summary>The shared network (SSM parameters, the listener's load balancer): read, never changed.</summary>
    Network,
    LogGroup,
    Role,
    SecurityGroup,
    TargetGroup,
    ListenerRule,
    TaskDefinition,
    Service,
    Scaling,
}
