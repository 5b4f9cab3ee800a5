using FargateApi.Lifecycle.Tests.Support;
using FargateApi.Provisioning;

namespace FargateApi.Lifecycle.Tests;

public sealed class SteadyStateTests
{
    [Fact]
    public async Task Failed_deployment_reports_the_circuit_breaker_reason_the_stopped_reason_and_the_exit_code()
    {
        var h = new Harness();
        h.Aws.FailImage(Props.ImageUri("v1"));

        var failure = await Assert.ThrowsAsync<ProvisioningException>(() => h.CreateAsync());

        Assert.Contains("ECS deployment circuit breaker: tasks failed to start.", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Essential container in task exited", failure.Message, StringComparison.Ordinal);
        Assert.Contains("container app-api exit code 1", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Latest service events:", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_update_that_ECS_rolled_back_is_reported_as_failed()
    {
        var h = new Harness();
        var created = await h.CreateAsync();
        h.Aws.FailImage(Props.ImageUri("bad"));

        var failure = await Assert.ThrowsAsync<ProvisioningException>(() => h.UpdateAsync(created.PhysicalResourceId, Props.Seed, Props.Seed.WithImageTag("bad")));

        Assert.Contains("exit code 1", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wait_longer_than_the_invocation_continues_in_a_second_invocation_and_then_succeeds()
    {
        var h = new Harness();
        var identity = Harness.Identity() with { InvocationDeadline = h.Clock.GetUtcNow() + TimeSpan.FromSeconds(20) };

        var first = await h.Provisioner.CreateAsync(identity, Props.Seed, CancellationToken.None);

        Assert.False(first.IsFinished);
        var continuation = LifecycleContinuation.FromJson(first.Continuation!.ToJson());
        Assert.Equal(first.Continuation, continuation);
        Assert.Equal(ContinuedOperation.Create, continuation.Operation);
        Assert.Equal("myproj-app-api-service", continuation.Service);
        // The answer is due before CloudFormation's own deadline: ServiceTimeout from its request, less the answer margin.
        Assert.Equal(continuation.StartedAt + TimeSpan.FromSeconds(3600) - ProvisionerOptions.DefaultAnswerMargin, continuation.Deadline);
        Assert.Equal(1, continuation.Invocation);
        Assert.Contains("\"operation\":\"Create\"", first.Continuation.ToJson(), StringComparison.Ordinal);

        var second = await h.Provisioner.ResumeAsync(Harness.Identity(), continuation, null, null, Props.Seed, CancellationToken.None);

        Assert.True(second.IsFinished);
        Assert.Equal(first.PhysicalResourceId, second.PhysicalResourceId);
        Assert.Single(h.Ours("service"));
        Assert.Equal(1, h.Aws.Calls.SucceededCountOf("CreateService"));
        Assert.Single(h.Aws.Snapshot().OfType("task-definition"), e => e.IsLive);
    }

    [Fact]
    public async Task A_wait_past_the_service_timeout_fails()
    {
        var h = new Harness(clock => new Simulation.SimulationOptions { PollsToSteadyState = 1000, TimeProvider = clock });
        var properties = Props.Seed with { ServiceTimeoutSeconds = 60 };

        var failure = await Assert.ThrowsAsync<ProvisioningException>(() => h.CreateAsync(properties));

        Assert.Contains("did not reach a steady state within ServiceTimeout (60 s)", failure.Message, StringComparison.Ordinal);
    }
}
