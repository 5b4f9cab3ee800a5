using FargateApi.Aws.Services.ElasticLoadBalancing;
using FargateApi.Lifecycle.Tests.Support;
using FargateApi.Properties;
using FargateApi.Simulation.Faults;

namespace FargateApi.Lifecycle.Tests;

/// <summary>
/// A rule routed by host alone (<c>PathPatterns: []</c> with <c>HostHeaders</c>): ELB refuses a condition without values,
/// so the rule carries only the conditions that have some, and an existing rule is compared on those.
/// </summary>
public sealed class HostHeaderRuleTests
{
    private static readonly ServiceProperties HostOnly = Props.Seed with { PathPatterns = [], HostHeaders = ["api.example.com"] };

    [Fact]
    public async Task Create_with_host_headers_only_makes_a_rule_with_the_one_host_header_condition()
    {
        var h = new Harness();

        var created = await h.CreateAsync(HostOnly);

        var condition = Assert.Single((await RuleAsync(h, created.Data["ListenerRuleArn"])).Conditions);
        Assert.Equal(ElbValues.FieldHostHeader, condition.Field);
        Assert.Equal(["api.example.com"], condition.Values);
    }

    [Fact]
    public async Task Create_retried_after_the_rule_was_made_finds_it_and_leaves_its_conditions_alone()
    {
        var h = new Harness();
        h.Aws.Faults.FailOperation("CreateRule", 1, new SimulatedCrashException(), FaultTiming.AfterEffect);
        await Assert.ThrowsAsync<SimulatedCrashException>(() => h.CreateAsync(HostOnly));

        var retried = await h.CreateAsync(HostOnly);

        Assert.True(retried.IsFinished);
        // The first CreateRule took effect as the process died. The retry's listing may not see the rule yet (reads lag):
        // ELB then refuses a second CreateRule at the same priority (PriorityInUse), so none other succeeds.
        Assert.Equal(0, h.Aws.Calls.SucceededCountOf("CreateRule"));
        Assert.Equal(0, h.Aws.Calls.CountOf("ModifyRule"));
        Assert.Single(h.Ours("listener-rule"));
    }

    [Fact]
    public async Task Update_from_paths_to_hosts_only_leaves_the_rule_with_the_host_header_condition_alone()
    {
        var h = new Harness();
        var id = (await h.CreateAsync()).PhysicalResourceId;

        var updated = await h.UpdateAsync(id, Props.Seed, HostOnly);

        Assert.Equal(id, updated.PhysicalResourceId);
        var condition = Assert.Single((await RuleAsync(h, updated.Data["ListenerRuleArn"])).Conditions);
        Assert.Equal(ElbValues.FieldHostHeader, condition.Field);
        Assert.Equal(["api.example.com"], condition.Values);
    }

    private static async Task<Rule> RuleAsync(Harness h, string ruleArn) =>
        (await h.Apis.Elb.DescribeRulesAsync(new DescribeRulesRequest { RuleArns = [ruleArn] }, CancellationToken.None)).Rules.Single();
}
