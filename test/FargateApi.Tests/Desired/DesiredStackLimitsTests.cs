using FargateApi.Desired;
using FargateApi.Planning;

namespace FargateApi.Tests.Desired;

public class DesiredStackLimitsTests
{
    [Fact]
    public void Seed_stack_breaks_no_limit()
    {
        Assert.Empty(DesiredStackLimits.Problems(Seed.Stack()));
        Assert.Empty(Plan.ForCreate(Seed.Stack()).Problems);
    }

    [Fact]
    public void A_target_group_name_that_fits_at_generation_0_can_outgrow_32_characters_on_replacement()
    {
        // "myproj-" + 22 + "-tg" = 32 characters; the replacement's "-g1" makes 35.
        var properties = Seed.Properties with { ServiceName = new string('a', 22) };
        var plan = Plan.ForUpdate(Seed.Stack(properties), Seed.Stack(properties, network: Seed.Network with { ClusterName = "blue" }));

        Assert.Empty(DesiredStackLimits.Problems(Seed.Stack(properties)));
        Assert.Equal(
            [$"target group name 'myproj-{new string('a', 22)}-tg-g1' is 35 characters; AWS allows 32"],
            plan.Problems);
        Assert.Contains($"  problem: target group name 'myproj-{new string('a', 22)}-tg-g1' is 35 characters; AWS allows 32\n", plan.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_security_group_name_starting_with_sg_dash_is_reported_before_any_call()
    {
        var stack = Seed.Stack(Seed.Properties with { ProjectPrefix = "sg" });

        Assert.Equal(["security group name 'sg-app-api-ecs-sg' starts with 'sg-', which EC2 refuses"], DesiredStackLimits.Problems(stack));
        Assert.Equal(DesiredStackLimits.Problems(stack), Plan.ForCreate(stack).Problems);
    }

    [Fact]
    public void Role_names_over_64_characters_are_reported()
    {
        var problems = DesiredStackLimits.Problems(Seed.Stack(Seed.Properties with { ServiceName = new string('b', 50) }));

        Assert.Contains(problems, problem => problem.StartsWith("role name 'myproj-bbb", StringComparison.Ordinal));
    }

    [Fact]
    public void Too_many_user_tags_leave_no_room_for_the_providers_tags_on_the_roles()
    {
        var tags = Enumerable.Range(0, 46).ToDictionary(index => $"k{index}", index => "v");

        Assert.Equal(
            ["51 tags on the IAM roles with the provider's own 5; AWS allows 50 per resource"],
            DesiredStackLimits.Problems(Seed.Stack(Seed.Properties with { Tags = tags })));
        Assert.Empty(DesiredStackLimits.Problems(Seed.Stack(Seed.Properties with { Tags = tags.Take(45).ToDictionary() })));
    }

    [Fact]
    public void Without_roles_of_its_own_a_stack_is_checked_against_the_four_ownership_tags()
    {
        var tags = Enumerable.Range(0, 47).ToDictionary(index => $"k{index}", index => "v");
        var givenRoles = Seed.Properties with
        {
            Tags = tags,
            TaskRoleArn = "arn:aws:iam::123456789012:role/app-task",
            ExecutionRoleArn = "arn:aws:iam::123456789012:role/app-exec",
        };

        Assert.Equal(["51 tags on each resource with the provider's own 4; AWS allows 50 per resource"], DesiredStackLimits.Problems(Seed.Stack(givenRoles)));
        Assert.Empty(DesiredStackLimits.Problems(Seed.Stack(givenRoles with { Tags = tags.Take(46).ToDictionary() })));
    }

    [Fact]
    public void Priority_outside_the_listener_range_is_reported()
    {
        Assert.Equal(
            ["listener rule priority 50001 is outside 1–50000"],
            DesiredStackLimits.Problems(Seed.Stack(Seed.Properties with { Priority = 50_001 })));
    }
}
