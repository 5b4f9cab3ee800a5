using FargateApi.Lifecycle.Tests.Support;
using FargateApi.Provisioning;
using FargateApi.Simulation;

namespace FargateApi.Lifecycle.Tests;

/// <summary>Fargate task ENIs hold the security group for a while after the service is gone.</summary>
public sealed class SecurityGroupDrainTests
{
    [Fact]
    public async Task Delete_retries_the_security_group_while_task_network_interfaces_drain()
    {
        var h = new Harness(clock => new SimulationOptions { EniLingerPolls = 6, TimeProvider = clock });
        var id = (await h.CreateAsync()).PhysicalResourceId;

        await h.DeleteAsync(id);

        Assert.Empty(h.Ours());
        Assert.Contains(h.Aws.Calls.Of("DeleteSecurityGroup"), c => c.Outcome == "DependencyViolation");
    }

    [Fact]
    public async Task Delete_that_outlasts_its_invocation_continues_and_fails_before_the_deadline_naming_the_interfaces()
    {
        var h = new Harness(clock => new SimulationOptions { EniLingerPolls = 10_000, TimeProvider = clock });
        var id = (await h.CreateAsync()).PhysicalResourceId;
        ResourceIdentity NextInvocation() => Harness.Identity("request-delete") with { InvocationDeadline = h.Clock.GetUtcNow() + TimeSpan.FromMinutes(5) };

        var first = await h.Provisioner.DeleteAsync(NextInvocation(), id, Props.Seed, CancellationToken.None);

        // The interfaces outlast the first invocation: everything else is gone, and the Delete goes on in the next one.
        Assert.False(first.IsFinished);
        Assert.Equal(ContinuedOperation.Delete, first.Continuation!.Operation);
        Assert.Equal("security-group", Assert.Single(h.Ours()).Type);
        var continuation = first.Continuation;
        ProvisioningException? failure = null;
        for (var hop = 0; failure is null && hop < 20; hop++)
        {
            try
            {
                continuation = (await h.Provisioner.ResumeAsync(NextInvocation(), continuation, id, null, Props.Seed, CancellationToken.None)).Continuation
                    ?? throw new InvalidOperationException("the Delete finished although the interfaces never went");
            }
            catch (ProvisioningException error)
            {
                failure = error;
            }
        }

        Assert.NotNull(failure);
        Assert.Contains("network interfaces still hold it", failure.Message, StringComparison.Ordinal);
        Assert.Contains("eni-", failure.Message, StringComparison.Ordinal);
        Assert.True(h.Clock.GetUtcNow() <= continuation.Deadline, "the failure came after the deadline");
        Assert.Equal("security-group", Assert.Single(h.Ours()).Type);
    }
}
