using FargateApi.Lifecycle.Tests.Support;

namespace FargateApi.Lifecycle.Tests;

/// <summary>
/// AWS refuses some writes for a while after what they name was made (SimulationOptions.AwsLike cites each window): the
/// provider waits out exactly those refusals, for a bounded time, and reports any other refusal as AWS gave it.
/// </summary>
public sealed class PropagationTests
{
    [Fact]
    public async Task Task_definition_registered_right_after_its_roles_waits_until_iam_PassRole_sees_them()
    {
        var h = new Harness();

        var created = await h.CreateAsync();

        Assert.True(created.IsFinished);
        var registrations = h.Aws.Calls.Of("RegisterTaskDefinition");
        Assert.False(registrations[0].Succeeded);
        Assert.True(registrations[^1].Succeeded);
        Assert.Single(h.Aws.Snapshot().OfType("task-definition"), e => e.IsLive);
    }

    [Fact]
    public async Task Service_created_right_after_its_listener_rule_waits_until_ECS_sees_the_load_balancer()
    {
        // Without the PassRole window the task definition is registered at once, so CreateService follows CreateRule closely.
        var h = new Harness(clock => Harness.Realistic(clock) with { PassRoleLagAfterCreateRole = TimeSpan.Zero });

        await h.CreateAsync();

        var creates = h.Aws.Calls.Of("CreateService");
        Assert.False(creates[0].Succeeded);
        Assert.Equal(1, h.Aws.Calls.SucceededCountOf("CreateService"));
        Assert.Single(h.Ours("service"));
    }

    [Fact]
    public async Task A_role_the_provider_may_never_pass_fails_with_the_access_denied_AWS_gave()
    {
        var h = new Harness();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => h.CreateAsync(Props.Seed with { TaskRoleArn = "arn:aws:iam::123456789012:role/not-passable" }));

        Assert.Contains("iam:PassRole", failure.Message, StringComparison.Ordinal);
        Assert.Contains("not-passable", failure.Message, StringComparison.Ordinal);
        Assert.Empty(h.Ours("service"));
    }
}
