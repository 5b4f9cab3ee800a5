using FargateApi.Aws.Services.Ecs;
using FargateApi.Aws.Services.ElasticLoadBalancing;

namespace FargateApi.Simulation.Tests;

public sealed class LoadBalancerRuleTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly SimulatedAws _aws = new();
    private readonly SeededNetwork _network;

    public LoadBalancerRuleTests() => _network = _aws.SeedNetwork("proj");

    [Fact]
    public async Task Service_on_a_target_group_without_a_load_balancer_is_rejected_with_the_ecs_message()
    {
        var group = await _aws.Ec2.CreateSecurityGroupAsync(new("proj-api-ecs-sg", "tasks", _network.VpcId, SimStack.TagsFor("s")), None);
        var targetGroup = await _aws.ElasticLoadBalancing.CreateTargetGroupAsync(SimStack.TargetGroup("proj-api-tg", _network.VpcId), None);
        var definition = await _aws.Ecs.RegisterTaskDefinitionAsync(SimStack.TaskDefinition("proj-api-task"), None);
        var request = SimStack.ServiceRequest(_network, "proj-api-service", definition.TaskDefinitionArn!, targetGroup.TargetGroupArn, group);

        var error = await Errors.Expect("InvalidParameterException", () => _aws.Ecs.CreateServiceAsync(request, None));
        Assert.Equal($"The target group with targetGroupArn {targetGroup.TargetGroupArn} does not have an associated load balancer.", error.ErrorMessage);

        await _aws.ElasticLoadBalancing.CreateRuleAsync(new(_network.ListenerArn, 5, [RuleCondition.PathPattern("/api/*")], targetGroup.TargetGroupArn, SimStack.TagsFor("s")), None);
        var attached = (await _aws.ElasticLoadBalancing.DescribeTargetGroupsAsync(new() { TargetGroupArns = [targetGroup.TargetGroupArn] }, None)).TargetGroups.Single();
        Assert.Equal([_network.LoadBalancerArn], attached.LoadBalancerArns);
        var service = await _aws.Ecs.CreateServiceAsync(request, None);
        Assert.Equal(EcsValues.ServiceActive, service.Status);
    }

    [Fact]
    public async Task Create_rule_on_a_taken_priority_is_PriorityInUse()
    {
        var stack = await SimStack.CreateAsync(_aws, _network, priority: 7);
        var other = await _aws.ElasticLoadBalancing.CreateTargetGroupAsync(SimStack.TargetGroup("proj-web-tg", _network.VpcId), None);

        var error = await Errors.Expect("PriorityInUse", () => _aws.ElasticLoadBalancing.CreateRuleAsync(
            new(_network.ListenerArn, 7, [RuleCondition.PathPattern("/web/*")], other.TargetGroupArn, SimStack.TagsFor("s")), None));
        Assert.Equal("Priority '7' is currently in use", error.ErrorMessage);
        Assert.NotNull(stack.RuleArn);
    }

    [Fact]
    public async Task A_condition_without_values_is_refused_by_create_and_modify_rule_and_a_host_header_alone_is_enough()
    {
        var stack = await SimStack.CreateAsync(_aws, _network, priority: 7);
        var other = await _aws.ElasticLoadBalancing.CreateTargetGroupAsync(SimStack.TargetGroup("proj-web-tg", _network.VpcId), None);

        var create = await Errors.Expect("ValidationError", () => _aws.ElasticLoadBalancing.CreateRuleAsync(
            new(_network.ListenerArn, 8, [RuleCondition.PathPattern([]), RuleCondition.HostHeader("web.example.com")], other.TargetGroupArn, SimStack.TagsFor("s")), None));
        var modify = await Errors.Expect("ValidationError", () => _aws.ElasticLoadBalancing.ModifyRuleAsync(
            new(stack.RuleArn, [RuleCondition.HostHeader([])], null), None));

        Assert.Equal("A condition value must be specified", create.ErrorMessage);
        Assert.Equal("A condition value must be specified", modify.ErrorMessage);
        var hostOnly = await _aws.ElasticLoadBalancing.CreateRuleAsync(
            new(_network.ListenerArn, 8, [RuleCondition.HostHeader("web.example.com")], other.TargetGroupArn, SimStack.TagsFor("s")), None);
        Assert.Equal(["web.example.com"], Assert.Single(hostOnly.Conditions).Values);
    }

    [Fact]
    public async Task Set_rule_priorities_may_swap_but_not_take_a_priority_held_by_another_rule()
    {
        var api = await SimStack.CreateAsync(_aws, _network, "api", priority: 1);
        var web = await SimStack.CreateAsync(_aws, _network, "web", priority: 2);
        var admin = await SimStack.CreateAsync(_aws, _network, "admin", priority: 3);

        await Errors.Expect("PriorityInUse", () => _aws.ElasticLoadBalancing.SetRulePrioritiesAsync([new(api.RuleArn, 3)], None));
        var swapped = await _aws.ElasticLoadBalancing.SetRulePrioritiesAsync([new(api.RuleArn, 2), new(web.RuleArn, 1)], None);

        Assert.Equal(["2", "1"], swapped.Select(r => r.Priority));
        var rules = (await _aws.ElasticLoadBalancing.DescribeRulesAsync(new() { ListenerArn = _network.ListenerArn }, None)).Rules;
        Assert.Equal([web.RuleArn, api.RuleArn, admin.RuleArn], rules.Where(r => !r.IsDefault).Select(r => r.RuleArn));
    }

    [Fact]
    public async Task Modify_rule_moves_the_forward_and_keeps_the_priority()
    {
        var stack = await SimStack.CreateAsync(_aws, _network, priority: 4);
        var green = await _aws.ElasticLoadBalancing.CreateTargetGroupAsync(SimStack.TargetGroup("proj-api-g1-tg", _network.VpcId), None);

        var rule = await _aws.ElasticLoadBalancing.ModifyRuleAsync(new(stack.RuleArn, null, green.TargetGroupArn), None);

        Assert.Equal("4", rule.Priority);
        Assert.Equal(green.TargetGroupArn, Assert.Single(rule.Actions).TargetGroupArn);
        await Errors.Expect("RuleNotFound", () => _aws.ElasticLoadBalancing.ModifyRuleAsync(new(stack.RuleArn + "0", null, green.TargetGroupArn), None));
    }

    [Fact]
    public async Task Target_group_used_by_a_rule_cannot_be_deleted_until_the_rule_is_gone()
    {
        var stack = await SimStack.CreateAsync(_aws, _network);

        var error = await Errors.Expect("ResourceInUse", () => _aws.ElasticLoadBalancing.DeleteTargetGroupAsync(stack.TargetGroupArn, None));
        Assert.Equal($"Target group '{stack.TargetGroupArn}' is currently in use by a listener or a rule", error.ErrorMessage);

        await _aws.ElasticLoadBalancing.DeleteRuleAsync(stack.RuleArn, None);
        await _aws.ElasticLoadBalancing.DeleteTargetGroupAsync(stack.TargetGroupArn, None);

        await Errors.Expect("TargetGroupNotFound",
            () => _aws.ElasticLoadBalancing.DescribeTargetGroupsAsync(new() { TargetGroupArns = [stack.TargetGroupArn] }, None));
        await Errors.Expect("RuleNotFound", () => _aws.ElasticLoadBalancing.DeleteRuleAsync(stack.RuleArn, None));
    }

    [Fact]
    public async Task Unknown_target_group_name_is_TargetGroupNotFound()
    {
        await Errors.Expect("TargetGroupNotFound",
            () => _aws.ElasticLoadBalancing.DescribeTargetGroupsAsync(new() { Names = ["proj-nope-tg"] }, None));
    }

    [Fact]
    public async Task Target_group_attributes_start_with_the_elb_defaults_and_take_changes()
    {
        var group = await _aws.ElasticLoadBalancing.CreateTargetGroupAsync(SimStack.TargetGroup("proj-api-tg", _network.VpcId), None);

        var all = await _aws.ElasticLoadBalancing.ModifyTargetGroupAttributesAsync(group.TargetGroupArn,
            new Dictionary<string, string> { [ElbValues.DeregistrationDelayAttribute] = "30" }, None);

        Assert.Equal("30", all[ElbValues.DeregistrationDelayAttribute]);
        Assert.Equal("false", all["stickiness.enabled"]);
    }
}
