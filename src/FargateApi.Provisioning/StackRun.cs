using FargateApi.Aws.Services;
using FargateApi.Aws.Services.Ec2;
using FargateApi.Aws.Services.ElasticLoadBalancing;
using FargateApi.Desired;
using FargateApi.Planning;

namespace FargateApi.Provisioning;

/// <summary>One execution of a plan: the clients, the clock, the stack being made and the one before it, and the outputs so far.</summary>
/// <param name="Stack">The stack the steps converge on (the new generation on replacement).</param>
/// <param name="Previous">On Update: the stack before (the old generation on replacement).</param>
/// <param name="Wait">How long waits may run, in this invocation and overall.</param>
internal sealed record StackRun(
    AwsApis Aws,
    TimeProvider Time,
    ProvisionerOptions Options,
    Plan Plan,
    DesiredStack Stack,
    DesiredStack? Previous,
    WaitBudget Wait)
{
    public StackOutputs Outputs { get; } = new();

    public string TargetGroupName => Stack.TargetGroup.Name;

    public Task<string> TargetGroupArnAsync(CancellationToken cancellationToken) =>
        Outputs.RequireAsync(StackOutputs.TargetGroupArn, () => FindTargetGroupArnAsync(Aws.Elb, Stack.TargetGroup.Name, cancellationToken));

    public Task<string> SecurityGroupIdAsync(CancellationToken cancellationToken) =>
        Outputs.RequireAsync(StackOutputs.SecurityGroupId, async () =>
            (await FindSecurityGroupAsync(Aws.Ec2, Stack.SecurityGroup.Name, Stack.SecurityGroup.VpcId, cancellationToken).ConfigureAwait(false))?.GroupId);

    public Task<string> ListenerRuleArnAsync(CancellationToken cancellationToken) =>
        Outputs.RequireAsync(StackOutputs.ListenerRuleArn, async () =>
        {
            var targetGroup = await TargetGroupArnAsync(cancellationToken).ConfigureAwait(false);
            return (await FindRuleForwardingToAsync(Aws.Elb, Stack.Network.ListenerArn, targetGroup, cancellationToken).ConfigureAwait(false))?.RuleArn;
        });

    public static async Task<string?> FindTargetGroupArnAsync(IElasticLoadBalancingClient elb, string name, CancellationToken cancellationToken)
    {
        try
        {
            var page = await elb.DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest { Names = [name] }, cancellationToken).ConfigureAwait(false);
            return page.TargetGroups.FirstOrDefault()?.TargetGroupArn;
        }
        catch (Exception error) when (error.Is(AwsErrorCodes.ElbTargetGroupNotFound))
        {
            return null;
        }
    }

    public static async Task<SecurityGroup?> FindSecurityGroupAsync(IEc2Client ec2, string name, string? vpcId, CancellationToken cancellationToken)
    {
        List<Ec2Filter> filters = [new("group-name", [name])];
        if (vpcId is not null)
        {
            filters.Add(new("vpc-id", [vpcId]));
        }

        var page = await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = filters }, cancellationToken).ConfigureAwait(false);
        return page.SecurityGroups.FirstOrDefault();
    }

    /// <summary>The listener's rule that forwards to the target group: each generation's target group has exactly one.</summary>
    public static async Task<Rule?> FindRuleForwardingToAsync(IElasticLoadBalancingClient elb, string listenerArn, string targetGroupArn, CancellationToken cancellationToken)
    {
        await foreach (var rule in elb.DescribeAllRulesAsync(new DescribeRulesRequest { ListenerArn = listenerArn }, cancellationToken).ConfigureAwait(false))
        {
            if (!rule.IsDefault && rule.Actions.Any(action => action.TargetGroupArn == targetGroupArn))
            {
                return rule;
            }
        }

        return null;
    }
}

/// <summary>The time a wait may take: until <see cref="InvocationDeadline"/> in this invocation, until <see cref="Deadline"/> in all.</summary>
/// <param name="StartedAt">When the original request arrived (the first invocation).</param>
/// <param name="Deadline">StartedAt + ServiceTimeout.</param>
/// <param name="Invocation">0 for the original invocation, then the continuation's number.</param>
internal sealed record WaitBudget(DateTimeOffset StartedAt, DateTimeOffset Deadline, DateTimeOffset? InvocationDeadline, ContinuedOperation Operation, int Invocation);
