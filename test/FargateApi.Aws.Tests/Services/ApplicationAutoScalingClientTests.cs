using FargateApi.Aws.Services.ApplicationAutoScaling;

namespace FargateApi.Aws.Tests.Services;

public class ApplicationAutoScalingClientTests
{
    private readonly RecordingCaller _caller = new();
    private readonly ApplicationAutoScalingClient _client;

    public ApplicationAutoScalingClientTests() => _client = new ApplicationAutoScalingClient(_caller);

    [Fact]
    public async Task Register_scalable_target_sends_pascal_case_members_for_the_ecs_service()
    {
        _caller.Answer("""{"ScalableTargetARN":"arn:aws:application-autoscaling:eu-west-1:1:scalable-target/abc"}""");

        var arn = await _client.RegisterScalableTargetAsync(
            new RegisterScalableTargetRequest { ResourceId = AutoScalingValues.EcsServiceResourceId("c", "web"), MinCapacity = 2, MaxCapacity = 10, Tags = new Dictionary<string, string> { ["k"] = "v" } },
            CancellationToken.None);

        Assert.Equal("AnyScaleFrontendService.RegisterScalableTarget", _caller.Last.Headers["X-Amz-Target"]);
        Assert.Equal("""{"ServiceNamespace":"ecs","ResourceId":"service/c/web","ScalableDimension":"ecs:service:DesiredCount","MinCapacity":2,"MaxCapacity":10,"Tags":{"k":"v"}}""", _caller.LastJson());
        Assert.Equal("arn:aws:application-autoscaling:eu-west-1:1:scalable-target/abc", arn);
    }

    [Fact]
    public async Task Put_scaling_policy_sends_a_target_tracking_configuration_with_the_resource_label()
    {
        _caller.Answer("""{"PolicyARN":"arn:policy","Alarms":[{"AlarmName":"a","AlarmARN":"arn:alarm"}]}""");

        var arn = await _client.PutScalingPolicyAsync(
            new PutScalingPolicyRequest
            {
                PolicyName = "web-requests",
                ResourceId = "service/c/web",
                TargetTrackingScalingPolicyConfiguration = new TargetTrackingScalingPolicyConfiguration(
                    1000,
                    new PredefinedMetricSpecification(AutoScalingValues.AlbRequestCountPerTarget, "app/my-alb/1/targetgroup/tg/2"),
                    ScaleOutCooldown: 60,
                    ScaleInCooldown: 120),
            },
            CancellationToken.None);

        Assert.Equal(
            """{"PolicyName":"web-requests","ServiceNamespace":"ecs","ResourceId":"service/c/web","ScalableDimension":"ecs:service:DesiredCount","PolicyType":"TargetTrackingScaling","TargetTrackingScalingPolicyConfiguration":{"TargetValue":1000,"PredefinedMetricSpecification":{"PredefinedMetricType":"ALBRequestCountPerTarget","ResourceLabel":"app/my-alb/1/targetgroup/tg/2"},"ScaleOutCooldown":60,"ScaleInCooldown":120}}""",
            _caller.LastJson());
        Assert.Equal("arn:policy", arn);
    }

    [Fact]
    public async Task Cpu_policy_leaves_out_the_resource_label()
    {
        _caller.Answer("""{"PolicyARN":"arn:policy"}""");

        await _client.PutScalingPolicyAsync(
            new PutScalingPolicyRequest
            {
                PolicyName = "cpu",
                ResourceId = "service/c/web",
                TargetTrackingScalingPolicyConfiguration = new(70.5, new PredefinedMetricSpecification(AutoScalingValues.EcsCpuUtilization), 60, 60),
            },
            CancellationToken.None);

        Assert.Contains("""{"TargetValue":70.5,"PredefinedMetricSpecification":{"PredefinedMetricType":"ECSServiceAverageCPUUtilization"},""", _caller.LastJson(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_all_scaling_policies_follows_next_tokens_across_three_pages()
    {
        _caller.Answer("""{"ScalingPolicies":[{"PolicyARN":"arn:1","PolicyName":"cpu","ResourceId":"service/c/web","PolicyType":"TargetTrackingScaling","CreationTime":1700000000.1,"TargetTrackingScalingPolicyConfiguration":{"TargetValue":70.0,"PredefinedMetricSpecification":{"PredefinedMetricType":"ECSServiceAverageCPUUtilization"}}}],"NextToken":"a"}""")
            .Answer("""{"ScalingPolicies":[{"PolicyARN":"arn:2","PolicyName":"memory","ResourceId":"service/c/web","PolicyType":"TargetTrackingScaling"}],"NextToken":"b"}""")
            .Answer("""{"ScalingPolicies":[]}""");

        var policies = await _client.DescribeAllScalingPoliciesAsync(new DescribeScalingPoliciesRequest { ResourceId = "service/c/web" }, CancellationToken.None).ToListAsync();

        Assert.Equal(["cpu", "memory"], policies.Select(p => p.PolicyName));
        Assert.Equal(70.0, policies[0].TargetTrackingScalingPolicyConfiguration!.TargetValue);
        Assert.Equal("""{"ServiceNamespace":"ecs","ResourceId":"service/c/web","ScalableDimension":"ecs:service:DesiredCount","NextToken":"b"}""", _caller.LastJson());
        Assert.Equal(3, _caller.Calls.Count);
    }

    [Fact]
    public async Task Describe_all_scalable_targets_reads_capacities_across_pages()
    {
        _caller.Answer("""{"ScalableTargets":[{"ServiceNamespace":"ecs","ResourceId":"service/c/a","ScalableDimension":"ecs:service:DesiredCount","MinCapacity":1,"MaxCapacity":4,"RoleARN":"arn:role","CreationTime":1700000000}],"NextToken":"x"}""")
            .Answer("""{"ScalableTargets":[{"ServiceNamespace":"ecs","ResourceId":"service/c/b","ScalableDimension":"ecs:service:DesiredCount","MinCapacity":2,"MaxCapacity":8,"RoleARN":"arn:role","CreationTime":1700000000}],"NextToken":"y"}""")
            .Answer("""{"ScalableTargets":[{"ServiceNamespace":"ecs","ResourceId":"service/c/c","ScalableDimension":"ecs:service:DesiredCount","MinCapacity":3,"MaxCapacity":9,"RoleARN":"arn:role","CreationTime":1700000000}]}""");

        var targets = await _client.DescribeAllScalableTargetsAsync(new DescribeScalableTargetsRequest { ResourceIds = ["service/c/a", "service/c/b", "service/c/c"] }, CancellationToken.None).ToListAsync();

        Assert.Equal([(1, 4), (2, 8), (3, 9)], targets.Select(t => (t.MinCapacity, t.MaxCapacity)));
    }

    [Fact]
    public async Task Deregister_and_delete_name_the_ecs_namespace_and_dimension()
    {
        await _client.DeleteScalingPolicyAsync("cpu", "service/c/web", CancellationToken.None);
        Assert.Equal("""{"PolicyName":"cpu","ServiceNamespace":"ecs","ResourceId":"service/c/web","ScalableDimension":"ecs:service:DesiredCount"}""", _caller.LastJson());

        await _client.DeregisterScalableTargetAsync("service/c/web", CancellationToken.None);
        Assert.Equal("""{"ServiceNamespace":"ecs","ResourceId":"service/c/web","ScalableDimension":"ecs:service:DesiredCount"}""", _caller.LastJson());
        Assert.Equal("AnyScaleFrontendService.DeregisterScalableTarget", _caller.Last.Headers["X-Amz-Target"]);
    }

    [Fact]
    public async Task Tag_and_untag_resource_name_the_scalable_target_by_its_arn_in_pascal_case()
    {
        const string Arn = "arn:aws:application-autoscaling:eu-west-1:1:scalable-target/0ec1";

        await _client.TagResourceAsync(Arn, new Dictionary<string, string> { ["team"] = "a" }, CancellationToken.None);
        Assert.Equal("AnyScaleFrontendService.TagResource", _caller.Last.Headers["X-Amz-Target"]);
        Assert.Equal("""{"ResourceARN":"arn:aws:application-autoscaling:eu-west-1:1:scalable-target/0ec1","Tags":{"team":"a"}}""", _caller.LastJson());

        await _client.UntagResourceAsync(Arn, ["team", "cost-centre"], CancellationToken.None);
        Assert.Equal("AnyScaleFrontendService.UntagResource", _caller.Last.Headers["X-Amz-Target"]);
        Assert.Equal("""{"ResourceARN":"arn:aws:application-autoscaling:eu-west-1:1:scalable-target/0ec1","TagKeys":["team","cost-centre"]}""", _caller.LastJson());
    }

    [Fact]
    public async Task List_tags_for_resource_reads_the_tag_map()
    {
        _caller.Answer("""{"Tags":{"aws:cloudformation:stack-id":"s","team":"a"}}""");

        var tags = await _client.ListTagsForResourceAsync("arn:aws:application-autoscaling:eu-west-1:1:scalable-target/0ec1", CancellationToken.None);

        Assert.Equal("""{"ResourceARN":"arn:aws:application-autoscaling:eu-west-1:1:scalable-target/0ec1"}""", _caller.LastJson());
        Assert.Equal(new Dictionary<string, string> { ["aws:cloudformation:stack-id"] = "s", ["team"] = "a" }, tags);
    }
}
