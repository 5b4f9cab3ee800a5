using System.Globalization;
using FargateApi.Naming;
using FargateApi.Properties;

namespace FargateApi.Desired;

/// <summary>
/// Every resource the seed's stack needs, with every value the AWS calls will need, derived from the validated
/// properties, the resolved network, the account and the owner. Pure: the same inputs always give an equal stack.
/// </summary>
/// <param name="PhysicalResourceId">The service ARN: unique per cluster and generation, stable across in-place updates,
/// new on replacement (which is what tells CloudFormation to delete the old stack afterwards).</param>
/// <param name="ExecutionRole">Null when the properties give <c>ExecutionRoleArn</c>.</param>
/// <param name="TaskRole">Null when the properties give <c>TaskRoleArn</c>.</param>
/// <param name="Scaling">Null when the properties declare no <c>AutoScaling</c>.</param>
internal sealed record DesiredStack(
    ResourceNames Names,
    AwsEnvironment Aws,
    ResolvedNetwork Network,
    string PhysicalResourceId,
    DesiredLogGroup LogGroup,
    DesiredRole? ExecutionRole,
    DesiredRole? TaskRole,
    DesiredTaskDefinition TaskDefinition,
    DesiredSecurityGroup SecurityGroup,
    DesiredTargetGroup TargetGroup,
    DesiredListenerRule ListenerRule,
    DesiredService Service,
    DesiredScaling? Scaling,
    bool WaitForSteadyState)
{
    public int Generation => Names.Generation;

    public NotCompared<DesiredInputs> Inputs { get; init; }

    /// <summary>The same stack derived at another generation: new names, new physical id, same settings. It derives
    /// again from <see cref="Inputs"/>, so it needs a stack made by <see cref="From"/> (edits made with <c>with</c> are not carried).</summary>
    public DesiredStack AtGeneration(int generation)
    {
        var inputs = Inputs.Value;
        return generation == Generation
            ? this
            : From(inputs.Properties, inputs.Network, inputs.Aws, inputs.Owner, generation);
    }

    public static DesiredStack From(ServiceProperties props, ResolvedNetwork network, AwsEnvironment env, Ownership owner, int generation)
    {
        var names = ResourceNames.For(props, generation);
        var tags = owner.TagsWith(props.Tags, generation);
        var image = ContainerImages.Resolve(props.Image, env);
        var secrets = ValueMap.From(props.Secrets);
        var secretKeys = props.SecretKmsKeyArns.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToValueList();

        var logGroup = new DesiredLogGroup(
            names.LogGroup,
            env.Arn("logs", $"log-group:{names.LogGroup}:*"),
            props.LogRetentionDays,
            props.LogRemovalPolicy,
            tags);

        var roleTags = Ownership.RoleTags(tags, props.ProjectPrefix);
        var executionRole = props.ExecutionRoleArn is null
            ? Role(names.ExecutionRole, RolePolicies.Execution(image, logGroup.Arn, secrets, secretKeys, env), env, roleTags)
            : null;
        var taskRole = props.TaskRoleArn is null
            ? Role(names.TaskRole, RolePolicies.Task(props.Grants, secretKeys, props.EnableExecuteCommand, env), env, roleTags)
            : null;

        var container = new DesiredContainer(
            names.ContainerName,
            image.Uri,
            Essential: true,
            props.ContainerPort,
            DesiredContainer.Tcp,
            ValueMap.From(props.EnvironmentVariables),
            secrets,
            new DesiredContainerHealthCheck(
                props.HealthCheck.Command.ToValueList(),
                props.HealthCheck.IntervalSeconds,
                props.HealthCheck.TimeoutSeconds,
                props.HealthCheck.Retries,
                props.HealthCheck.StartPeriodSeconds),
            DesiredContainer.AwsLogs,
            ValueMap.Of(
                ("awslogs-group", names.LogGroup),
                ("awslogs-region", env.Region),
                (DesiredContainer.StreamPrefixOption, names.LogStreamPrefix)));

        var taskDefinition = new DesiredTaskDefinition(
            names.TaskFamily,
            Invariant(props.Cpu),
            Invariant(props.Memory),
            DesiredTaskDefinition.AwsVpc,
            DesiredTaskDefinition.Fargate,
            executionRole?.Arn ?? props.ExecutionRoleArn!,
            taskRole?.Arn ?? props.TaskRoleArn!,
            container,
            tags);

        var securityGroup = new DesiredSecurityGroup(
            names.SecurityGroup,
            names.SecurityGroupDescription,
            network.VpcId,
            new DesiredIngressRule(DesiredContainer.Tcp, props.ContainerPort, props.ContainerPort, network.LoadBalancerSecurityGroupId, "Allow traffic from ALB"),
            AllowAllOutbound: true,
            tags);

        var health = props.TargetHealthCheck;
        var targetGroup = new DesiredTargetGroup(
            names.TargetGroup,
            DesiredTargetGroup.Http,
            props.ContainerPort,
            network.VpcId,
            DesiredTargetGroup.IpTargets,
            new DesiredTargetHealthCheck(
                Enabled: true,
                DesiredTargetGroup.Http,
                DesiredTargetHealthCheck.TrafficPort,
                health.Path,
                health.IntervalSeconds,
                health.TimeoutSeconds,
                health.HealthyThresholdCount,
                health.UnhealthyThresholdCount,
                health.HealthyHttpCodes),
            ValueMap.Of((DesiredTargetGroup.DeregistrationDelayAttribute, Invariant(props.DeregistrationDelaySeconds))),
            tags);

        var rule = new DesiredListenerRule(
            network.ListenerArn,
            props.Priority,
            props.PathPatterns.ToValueList(),
            props.HostHeaders.ToValueList(),
            OutputRef.TargetGroupArn,
            tags);

        var service = new DesiredService(
            network.ClusterName,
            names.Service,
            env.Arn("ecs", $"service/{network.ClusterName}/{names.Service}"),
            props.DesiredCount,
            DesiredTaskDefinition.Fargate,
            OutputRef.TaskDefinitionArn,
            network.SubnetIds,
            ValueList.Of(OutputRef.SecurityGroupId),
            DesiredService.Disabled,
            new DesiredServiceLoadBalancer(names.ContainerName, props.ContainerPort, OutputRef.TargetGroupArn),
            props.Deployment.HealthCheckGracePeriodSeconds,
            new DesiredDeployment(
                props.Deployment.MinimumHealthyPercent,
                props.Deployment.MaximumPercent,
                CircuitBreakerEnable: true,
                props.Deployment.CircuitBreakerRollback),
            props.EnableExecuteCommand,
            DesiredService.PropagateFromService,
            tags);

        return new DesiredStack(
            names,
            env,
            network,
            service.Arn,
            logGroup,
            executionRole,
            taskRole,
            taskDefinition,
            securityGroup,
            targetGroup,
            rule,
            service,
            props.AutoScaling is { } scaling ? ScalingFor(scaling, network, names, tags) : null,
            props.WaitForSteadyState)
        {
            Inputs = new(new DesiredInputs(props, network, env, owner)),
        };
    }

    private static DesiredRole Role(string name, ValueList<PolicyStatement> statements, AwsEnvironment env, ValueMap tags) =>
        new(
            name,
            ResourceNames.RolePath,
            env.Arn("iam", $"role{ResourceNames.RolePath}{name}", region: string.Empty),
            DesiredRole.EcsTasksPrincipal,
            env.AccountId,
            PolicyName: name,
            statements,
            tags);

    private static DesiredScaling ScalingFor(AutoScalingProperties scaling, ResolvedNetwork network, ResourceNames names, ValueMap tags)
    {
        DesiredScalingPolicy Policy(string suffix, string metric, int target, RequestCountResourceLabel? label = null) =>
            new(names.ScalingPolicy(suffix), metric, target, label, scaling.ScaleInCooldownSeconds, scaling.ScaleOutCooldownSeconds);

        return new DesiredScaling(
            DesiredScaling.Ecs,
            $"service/{network.ClusterName}/{names.Service}",
            DesiredScaling.DesiredCountDimension,
            scaling.MinCapacity,
            scaling.MaxCapacity,
            ValueList.Of(
                Policy(ResourceNames.CpuScaling, DesiredScalingPolicy.Cpu, scaling.CpuTargetPercent),
                Policy(ResourceNames.MemoryScaling, DesiredScalingPolicy.Memory, scaling.MemoryTargetPercent),
                Policy(
                    ResourceNames.RequestScaling,
                    DesiredScalingPolicy.RequestCount,
                    scaling.RequestsPerTarget,
                    new RequestCountResourceLabel(network.LoadBalancerFullName, OutputRef.TargetGroupArn))),
            tags);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
