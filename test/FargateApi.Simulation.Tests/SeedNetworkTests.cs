using FargateApi.Aws.Services.ElasticLoadBalancing;

namespace FargateApi.Simulation.Tests;

public sealed class SeedNetworkTests
{
    [Fact]
    public async Task Seeded_network_publishes_the_six_parameters_the_seed_imports()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");

        var result = await aws.Ssm.GetParametersAsync(SeededNetwork.ParameterNames("proj"), CancellationToken.None);

        Assert.Empty(result.InvalidParameters);
        var values = result.Parameters.ToDictionary(p => p.Name!, p => p.Value);
        Assert.Equal(network.VpcId, values["/proj/network/vpc-id"]);
        Assert.Equal("us-east-1a,us-east-1b", values["/proj/network/availability-zones"]);
        Assert.Equal(string.Join(',', network.PrivateSubnetIds), values["/proj/network/private-subnet-ids"]);
        Assert.Equal("proj-cluster", values["/proj/network/ecs-cluster-name"]);
        Assert.Equal(network.ListenerArn, values["/proj/network/alb-listener-arn"]);
        Assert.Equal(network.AlbSecurityGroupId, values["/proj/network/alb-security-group-id"]);
    }

    [Fact]
    public async Task Missing_parameters_come_back_as_invalid_parameters_not_an_error()
    {
        var aws = new SimulatedAws();
        aws.SeedNetwork("proj");

        var result = await aws.Ssm.GetParametersAsync(["/proj/network/vpc-id", "/other/network/vpc-id"], CancellationToken.None);

        Assert.Single(result.Parameters);
        Assert.Equal(["/other/network/vpc-id"], result.InvalidParameters);
    }

    [Fact]
    public async Task Seeded_listener_has_only_its_default_rule_and_the_subnets_belong_to_the_vpc()
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj", availabilityZones: 3);

        var rules = await aws.ElasticLoadBalancing.DescribeRulesAsync(new DescribeRulesRequest { ListenerArn = network.ListenerArn }, CancellationToken.None);
        var subnets = await aws.Ec2.DescribeSubnetsAsync(network.PrivateSubnetIds, null, CancellationToken.None);
        var listener = Assert.Single((await aws.ElasticLoadBalancing.DescribeListenersAsync([network.ListenerArn], null, CancellationToken.None)).Listeners);

        var rule = Assert.Single(rules.Rules);
        Assert.True(rule.IsDefault);
        Assert.Equal("default", rule.Priority);
        Assert.Equal(3, subnets.Subnets.Count);
        Assert.All(subnets.Subnets, s => Assert.Equal(network.VpcId, s.VpcId));
        Assert.Equal(network.LoadBalancerArn, listener.LoadBalancerArn);
        Assert.Equal(80, listener.Port);
    }

    [Fact]
    public async Task Arns_and_zones_belong_to_the_configured_account_and_region()
    {
        var aws = new SimulatedAws(new SimulationOptions { AccountId = "210987654321", Region = "eu-west-1" });
        var network = aws.SeedNetwork("proj");

        var identity = await aws.Sts.GetCallerIdentityAsync(CancellationToken.None);

        Assert.StartsWith("arn:aws:elasticloadbalancing:eu-west-1:210987654321:listener/app/proj-alb/", network.ListenerArn, StringComparison.Ordinal);
        Assert.Equal(["eu-west-1a", "eu-west-1b"], network.AvailabilityZones);
        Assert.Equal("210987654321", identity.Account);
    }

    [Fact]
    public async Task Unknown_vpc_and_subnet_ids_are_not_found()
    {
        var aws = new SimulatedAws();
        aws.SeedNetwork("proj");

        await Errors.Expect("InvalidVpcID.NotFound", () => aws.Ec2.DescribeVpcsAsync(["vpc-0123"], null, CancellationToken.None));
        await Errors.Expect("InvalidSubnetID.NotFound", () => aws.Ec2.DescribeSubnetsAsync(["subnet-0123"], null, CancellationToken.None));
    }
}
