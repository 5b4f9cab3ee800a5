using FargateApi.Desired;

namespace FargateApi.Tests.Desired;

public class NetworkAndOwnershipTests
{
    [Fact]
    public void All_network_parameters_are_read_when_no_id_is_given()
    {
        Assert.Equal(
            [
                "/myproj/network/vpc-id",
                "/myproj/network/private-subnet-ids",
                "/myproj/network/ecs-cluster-name",
                "/myproj/network/alb-listener-arn",
                "/myproj/network/alb-security-group-id",
            ],
            NetworkParameters.Needed(Seed.Properties.Network).Select(parameter => parameter.Name));
    }

    [Fact]
    public void Only_the_ids_not_given_are_read()
    {
        var network = Seed.Properties.Network with { VpcId = "vpc-1", SubnetIds = ["subnet-1"], ClusterName = "c", ParameterPrefix = "/other/net/" };

        Assert.Equal(
            [new NetworkParameter(NetworkValue.AlbListenerArn, "/other/net/alb-listener-arn"), new NetworkParameter(NetworkValue.AlbSecurityGroupId, "/other/net/alb-security-group-id")],
            NetworkParameters.Needed(network));
        Assert.Equal("/myproj/network/availability-zones", NetworkParameters.Name("/myproj/network", NetworkValue.AvailabilityZones));
    }

    [Fact]
    public void List_parameters_split_on_commas()
    {
        Assert.Equal(ValueList.Of("subnet-a", "subnet-b"), NetworkParameters.SplitList("subnet-a, subnet-b,"));
    }

    [Fact]
    public void Load_balancer_is_read_off_the_listener_arn()
    {
        Assert.Equal(Seed.LoadBalancerArn, ResolvedNetwork.LoadBalancerArnOf(Seed.ListenerArn));
        Assert.Null(ResolvedNetwork.LoadBalancerArnOf("arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/x/y"));
        Assert.Equal("app/myproj-alb/50dc6c495c0c9188", Seed.Network.LoadBalancerFullName);
    }

    [Fact]
    public void The_longest_stack_arn_fits_a_tag_value()
    {
        var longest = $"arn:aws-us-gov:cloudformation:us-gov-west-1:123456789012:stack/{new string('s', 128)}/{Guid.Empty}";
        var tags = new Ownership(longest, new string('L', 255)).Tags(generation: 12);

        Assert.All(tags, tag => Assert.InRange(tag.Value.Length, 1, Ownership.MaxTagValueLength));
        Assert.All(tags, tag => Assert.InRange(tag.Key.Length, 1, Ownership.MaxTagKeyLength));
        Assert.Equal(Ownership.OwnershipTagCount, tags.Count);
    }
}
