using FargateApi.Desired;
using FargateApi.Planning;
using FargateApi.Tests.Desired;

namespace FargateApi.Tests.Planning;

public class ReplacementPlanTests
{
    private static readonly DesiredStack Current = Seed.Stack();

    private static readonly string OtherListener = Seed.ListenerArn.Replace("f2f7dc8efc522ab2", "0000000000000000", StringComparison.Ordinal);

    private const string Names = "the service, target group, security group, task family and role names are fixed after creation";

    public static TheoryData<string, string> Triggers => new()
    {
        { "ServiceName", $"ServiceName app-api → web-api cannot change in place ({Names})" },
        { "ProjectPrefix", $"ProjectPrefix myproj → other cannot change in place ({Names})" },
        { "ClusterName", "ClusterName myproj-cluster → blue cannot change in place (an ECS service cannot move to another cluster)" },
        { "VpcId", "VpcId vpc-0abc → vpc-0new cannot change in place (security groups and target groups belong to one VPC)" },
        { "ListenerArn", $"ListenerArn {Seed.ListenerArn} → {OtherListener} cannot change in place (a listener rule belongs to one listener)" },
    };

    private static DesiredStack Changed(string property) => property switch
    {
        "ServiceName" => Seed.Stack(Seed.Properties with { ServiceName = "web-api" }),
        "ProjectPrefix" => Seed.Stack(Seed.Properties with { ProjectPrefix = "other" }),
        "ClusterName" => Seed.Stack(network: Seed.Network with { ClusterName = "blue" }),
        "VpcId" => Seed.Stack(network: Seed.Network with { VpcId = "vpc-0new" }),
        "ListenerArn" => Seed.Stack(network: Seed.Network with { ListenerArn = OtherListener }),
        _ => throw new ArgumentOutOfRangeException(nameof(property)),
    };

    [Theory]
    [MemberData(nameof(Triggers))]
    public void Trigger_replaces_the_stack_and_names_the_property_with_old_and_new_values(string property, string reason)
    {
        var plan = Plan.ForUpdate(Current, Changed(property));

        Assert.Equal(PlanKind.Replace, plan.Kind);
        Assert.Equal([reason], plan.Reasons);
        // A rename's names are all new, so it keeps the seed's; otherwise the new generation takes the other slot.
        var renamed = property is "ServiceName" or "ProjectPrefix";
        Assert.Equal(renamed ? 0 : 1, plan.Stack.Generation);
        Assert.Equal(!renamed, plan.PhysicalResourceId.EndsWith("-g1", StringComparison.Ordinal));
        Assert.NotEqual(Current.PhysicalResourceId, plan.PhysicalResourceId);
    }

    [Fact]
    public void Replacement_builds_beside_the_old_stack_and_never_deletes_it()
    {
        var plan = Plan.ForUpdate(Current, Seed.Stack(network: Seed.Network with { ClusterName = "blue" }));

        Assert.DoesNotContain(plan.Steps, step => step.Action.ToString().StartsWith("Delete", StringComparison.Ordinal));
        Assert.All(
            plan.Steps.Where(step => step.Action is StepAction.CreateService or StepAction.CreateTargetGroup or StepAction.CreateSecurityGroup or StepAction.CreateRole),
            step => Assert.Contains("-g1", step.Target, StringComparison.Ordinal));
        Assert.Equal("blue", plan.Stack.Service.Cluster);
    }

    [Fact]
    public void New_rule_starts_at_a_temporary_priority_and_swaps_in_once_the_new_stack_is_steady()
    {
        var plan = Plan.ForUpdate(Current, Seed.Stack(network: Seed.Network with { ClusterName = "blue" }));
        var swap = plan.Steps.Single(step => step.Action == StepAction.SwapRulePriorities);

        var healthy = plan.Steps.Single(step => step.Action == StepAction.WaitForHealthyTargets);

        Assert.Equal(["wait-steady-state"], healthy.DependsOn);
        Assert.Equal(["wait-healthy-targets"], swap.DependsOn);
        Assert.Equal([swap], plan.Waves[^1]);
        Assert.StartsWith("temporary priority on", plan.Steps.Single(step => step.Action == StepAction.CreateListenerRule).Target, StringComparison.Ordinal);
        Assert.Equal("new rule → 1, old rule → the new rule's temporary priority", swap.Target);
    }

    [Fact]
    public void Shared_log_group_is_adopted_and_a_renamed_one_is_created()
    {
        var moved = Plan.ForUpdate(Current, Seed.Stack(network: Seed.Network with { ClusterName = "blue" }));
        var renamed = Plan.ForUpdate(Current, Seed.Stack(Seed.Properties with { ServiceName = "web-api" }));

        Assert.Equal(StepAction.AdoptLogGroup, moved.Steps.Single(step => step.Id == "create-log-group").Action);
        Assert.Equal(StepAction.CreateLogGroup, renamed.Steps.Single(step => step.Id == "create-log-group").Action);
        Assert.Equal("/ecs/myproj/web-api", renamed.Stack.LogGroup.Name);
    }

    [Fact]
    public void A_second_replacement_returns_to_the_seeds_names_which_the_cleanup_freed()
    {
        var plan = Plan.ForUpdate(Seed.Stack(generation: 1), Seed.Stack(network: Seed.Network with { ClusterName = "green" }));

        Assert.Equal(0, plan.Stack.Generation);
        Assert.Equal("myproj-app-api-service", plan.Stack.Service.Name);
    }

    [Fact]
    public void A_rename_keeps_the_seeds_names_since_no_generation_used_them()
    {
        var plan = Plan.ForUpdate(Current, Seed.Stack(Seed.Properties with { ServiceName = "web-api" }));

        Assert.Equal(0, plan.Stack.Generation);
        Assert.Equal("myproj-web-api-service", plan.Stack.Service.Name);
    }

    [Fact]
    public void A_generation_made_before_the_slots_alternated_is_replaced_by_the_seeds_names()
    {
        var plan = Plan.ForUpdate(Seed.Stack(generation: 7), Seed.Stack(network: Seed.Network with { ClusterName = "green" }));

        Assert.Equal(0, plan.Stack.Generation);
    }

    [Fact]
    public void Cluster_change_prints_the_reason_first()
    {
        var text = Plan.ForUpdate(Current, Seed.Stack(network: Seed.Network with { ClusterName = "blue" })).ToString();

        Assert.StartsWith(
            """
            replace: ClusterName myproj-cluster → blue cannot change in place (an ECS service cannot move to another cluster)
              new stack: generation 1, physical id arn:aws:ecs:us-east-1:123456789012:service/blue/myproj-app-api-service-g1
              old stack: generation 0, physical id arn:aws:ecs:us-east-1:123456789012:service/myproj-cluster/myproj-app-api-service (left running; CloudFormation deletes it after the update)
              log group: update in place
              execution role: replace
            """,
            text,
            StringComparison.Ordinal);
        Assert.EndsWith(
            """
              wave 10:
                wait for healthy targets myproj-app-api-tg-g1 — at least 2 healthy before traffic moves to them
              wave 11:
                swap rule priorities new rule → 1, old rule → the new rule's temporary priority — one SetRulePriorities call: the paths are never without a rule

            """,
            text,
            StringComparison.Ordinal);
    }
}
