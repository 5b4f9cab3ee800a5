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
    public async Task Delete_that_runs_out_of_time_while_interfaces_hold_the_group_says_so()
    {
        var h = new Harness(clock => new SimulationOptions { EniLingerPolls = 10_000, TimeProvider = clock });
        var id = (await h.CreateAsync()).PhysicalResourceId;
        var identity = Harness.Identity("request-delete") with { InvocationDeadline = h.Clock.GetUtcNow() + TimeSpan.FromMinutes(5) };

        var failure = await Assert.ThrowsAsync<ProvisioningException>(() => h.Provisioner.DeleteAsync(identity, id, Props.Seed, CancellationToken.None));

        Assert.Contains("network interfaces still hold it", failure.Message, StringComparison.Ordinal);
        Assert.Contains("eni-", failure.Message, StringComparison.Ordinal);
        Assert.Equal("security-group", Assert.Single(h.Ours()).Type);
    }
}
