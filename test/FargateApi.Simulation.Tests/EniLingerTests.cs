using FargateApi.Aws.Services.Ec2;
using FargateApi.Aws.Services.Ecs;

namespace FargateApi.Simulation.Tests;

/// <summary>A stopped Fargate task's ENI holds its security groups for minutes on the clock, however often EC2 is asked.</summary>
public sealed class EniLingerTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task The_security_group_stays_a_DependencyViolation_for_the_linger_time_not_for_a_number_of_polls()
    {
        var clock = new ManualTimeProvider();
        var aws = new SimulatedAws(new SimulationOptions { TimeProvider = clock, EniLingerPolls = null, EniLingerTime = TimeSpan.FromMinutes(10) });
        var network = aws.SeedNetwork("proj");
        var stack = await SimStack.CreateAsync(aws, network);
        await stack.PollUntilAsync(aws, SimStack.IsStable);
        await aws.Ecs.DeleteServiceAsync(new DeleteServiceRequest(network.ClusterName, stack.ServiceName, Force: true), None);

        for (var attempt = 0; attempt < 50; attempt++)
        {
            await Errors.Expect("DependencyViolation", () => aws.Ec2.DeleteSecurityGroupAsync(stack.SecurityGroupId, None));
        }

        clock.Advance(TimeSpan.FromMinutes(10) - Tick);
        await Errors.Expect("DependencyViolation", () => aws.Ec2.DeleteSecurityGroupAsync(stack.SecurityGroupId, None));
        Assert.Single((await aws.Ec2.DescribeNetworkInterfacesAsync(new([new Ec2Filter("group-id", [stack.SecurityGroupId])]), None)).NetworkInterfaces);

        clock.Advance(Tick);
        await aws.Ec2.DeleteSecurityGroupAsync(stack.SecurityGroupId, None);
    }

    [Fact]
    public async Task Each_interface_lingers_its_own_time_drawn_within_the_reported_spread()
    {
        var clock = new ManualTimeProvider();
        var options = new SimulationOptions { TimeProvider = clock, EniLingerPolls = null, EniLingerTime = TimeSpan.FromMinutes(1), EniLingerTimeMax = TimeSpan.FromMinutes(15) };
        var aws = new SimulatedAws(options);
        var network = aws.SeedNetwork("proj");
        var stack = await SimStack.CreateAsync(aws, network, desiredCount: 8);
        await stack.PollUntilAsync(aws, SimStack.IsStable);
        var released = clock.GetUtcNow();
        await aws.Ecs.DeleteServiceAsync(new DeleteServiceRequest(network.ClusterName, stack.ServiceName, Force: true), None);

        var gone = aws.Stores.Ec2.NetworkInterfaces.Select(e => e.GoneAt!.Value - released).ToList();

        Assert.Equal(8, gone.Count);
        Assert.All(gone, linger => Assert.InRange(linger, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(15)));
        Assert.True(gone.Distinct().Count() > 1, "every interface lingered exactly as long: " + string.Join(", ", gone));
        clock.Advance(gone.Min());
        Assert.Equal(7, aws.Snapshot().OfType("network-interface").Count);
        clock.Advance(gone.Max() - gone.Min());
        Assert.Empty(aws.Snapshot().OfType("network-interface"));
        await aws.Ec2.DeleteSecurityGroupAsync(stack.SecurityGroupId, None);
    }

    [Fact]
    public async Task The_drawn_lingers_repeat_with_the_same_seed()
    {
        static async Task<IReadOnlyList<DateTimeOffset?>> LingersAsync()
        {
            var aws = new SimulatedAws(new SimulationOptions
            {
                TimeProvider = new ManualTimeProvider(),
                EniLingerPolls = null,
                EniLingerTime = TimeSpan.FromMinutes(1),
                EniLingerTimeMax = TimeSpan.FromMinutes(15),
                RandomSeed = 42,
            });
            var network = aws.SeedNetwork("proj");
            var stack = await SimStack.CreateAsync(aws, network, desiredCount: 3);
            await stack.PollUntilAsync(aws, SimStack.IsStable);
            await aws.Ecs.DeleteServiceAsync(new DeleteServiceRequest(network.ClusterName, stack.ServiceName, Force: true), None);
            return [.. aws.Stores.Ec2.NetworkInterfaces.Select(e => e.GoneAt)];
        }

        Assert.Equal(await LingersAsync(), await LingersAsync());
    }

    [Fact]
    public void A_maximum_linger_without_a_minimum_is_refused_naming_both_options()
    {
        var error = Assert.Throws<ArgumentException>(() => new SimulatedAws(new SimulationOptions { EniLingerTimeMax = TimeSpan.FromMinutes(15) }));

        Assert.Contains("EniLingerTimeMax", error.Message, StringComparison.Ordinal);
        Assert.Contains("EniLingerTime ", error.Message, StringComparison.Ordinal);
    }
}
