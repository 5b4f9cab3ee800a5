using FargateApi.Aws.Services.ElasticLoadBalancing;

namespace FargateApi.Aws.Tests.Services;

public class ElasticLoadBalancingClientTests
{
    private const string Ns = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
    private const string TargetGroupArn = "arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/web-tg/943f017f100becff";
    private const string ListenerArn = "arn:aws:elasticloadbalancing:eu-west-1:1:listener/app/my-alb/778d41231b141a0f/f2f7dc8efc522ab2";

    private readonly RecordingCaller _caller = new();
    private readonly ElasticLoadBalancingClient _client;

    public ElasticLoadBalancingClientTests() => _client = new ElasticLoadBalancingClient(_caller);

    private static string TargetGroupXml(string name, string arn) => $"""
        <member>
          <TargetGroupArn>{arn}</TargetGroupArn><TargetGroupName>{name}</TargetGroupName><Protocol>HTTP</Protocol><Port>8000</Port>
          <VpcId>vpc-1</VpcId><HealthCheckProtocol>HTTP</HealthCheckProtocol><HealthCheckPort>traffic-port</HealthCheckPort>
          <HealthCheckPath>/health</HealthCheckPath><HealthCheckIntervalSeconds>30</HealthCheckIntervalSeconds>
          <HealthCheckTimeoutSeconds>5</HealthCheckTimeoutSeconds><HealthyThresholdCount>2</HealthyThresholdCount>
          <UnhealthyThresholdCount>3</UnhealthyThresholdCount><Matcher><HttpCode>200</HttpCode></Matcher>
          <LoadBalancerArns/><TargetType>ip</TargetType>
        </member>
        """;

    [Fact]
    public async Task Create_target_group_sends_query_form_with_matcher_and_tags()
    {
        _caller.Answer($"""<CreateTargetGroupResponse xmlns="{Ns}"><CreateTargetGroupResult><TargetGroups>{TargetGroupXml("web-tg", TargetGroupArn)}</TargetGroups></CreateTargetGroupResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></CreateTargetGroupResponse>""");

        var created = await _client.CreateTargetGroupAsync(
            new CreateTargetGroupRequest("web-tg", 8000, "vpc-1", new TargetGroupHealthCheck("/health", 30, 5, 2, 3, "200"), new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }),
            CancellationToken.None);

        Assert.Equal(
            [
                "Action=CreateTargetGroup", "Version=2015-12-01", "Name=web-tg", "Protocol=HTTP", "Port=8000", "VpcId=vpc-1",
                "HealthCheckPath=/health", "HealthCheckIntervalSeconds=30", "HealthCheckTimeoutSeconds=5", "HealthyThresholdCount=2",
                "UnhealthyThresholdCount=3", "Matcher.HttpCode=200", "TargetType=ip",
                "Tags.member.1.Key=a", "Tags.member.1.Value=1", "Tags.member.2.Key=b", "Tags.member.2.Value=2",
            ],
            _caller.LastFormLines());
        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", _caller.Last.ContentType);
        Assert.Empty(_caller.Last.Headers);
        Assert.Equal(TargetGroupArn, created.TargetGroupArn);
        Assert.Equal(new TargetGroupHealthCheck("/health", 30, 5, 2, 3, "200"), created.HealthCheck);
        Assert.Empty(created.LoadBalancerArns);
    }

    [Fact]
    public async Task Create_rule_encodes_typed_conditions_and_one_forward_action()
    {
        _caller.Answer($"""
            <CreateRuleResponse xmlns="{Ns}"><CreateRuleResult><Rules><member>
              <RuleArn>arn:rule/1</RuleArn><Priority>10</Priority><IsDefault>false</IsDefault>
              <Conditions><member><Field>path-pattern</Field><Values><member>/api/*</member></Values><PathPatternConfig><Values><member>/api/*</member></Values></PathPatternConfig></member></Conditions>
              <Actions><member><Type>forward</Type><TargetGroupArn>{TargetGroupArn}</TargetGroupArn><Order>1</Order>
                <ForwardConfig><TargetGroups><member><TargetGroupArn>{TargetGroupArn}</TargetGroupArn><Weight>1</Weight></member></TargetGroups></ForwardConfig></member></Actions>
            </member></Rules></CreateRuleResult></CreateRuleResponse>
            """);

        var rule = await _client.CreateRuleAsync(
            new CreateRuleRequest(ListenerArn, 10, [RuleCondition.PathPattern("/api", "/api/*"), RuleCondition.HostHeader("api.example.com")], TargetGroupArn, new Dictionary<string, string> { ["k"] = "v" }),
            CancellationToken.None);

        Assert.Equal(
            [
                "Action=CreateRule", "Version=2015-12-01", $"ListenerArn={ListenerArn}", "Priority=10",
                "Conditions.member.1.Field=path-pattern",
                "Conditions.member.1.PathPatternConfig.Values.member.1=/api", "Conditions.member.1.PathPatternConfig.Values.member.2=/api/*",
                "Conditions.member.2.Field=host-header", "Conditions.member.2.HostHeaderConfig.Values.member.1=api.example.com",
                "Actions.member.1.Type=forward", $"Actions.member.1.TargetGroupArn={TargetGroupArn}",
                "Tags.member.1.Key=k", "Tags.member.1.Value=v",
            ],
            _caller.LastFormLines());
        Assert.Equal(("10", false), (rule.Priority, rule.IsDefault));
        Assert.Equal(["/api/*"], Assert.Single(rule.Conditions).Values);
        Assert.Equal(new RuleAction("forward", TargetGroupArn, 1), Assert.Single(rule.Actions));
    }

    [Fact]
    public async Task Create_rule_refuses_a_priority_outside_1_to_50000()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _client.CreateRuleAsync(new CreateRuleRequest(ListenerArn, 50001, [RuleCondition.PathPattern("/")], TargetGroupArn, new Dictionary<string, string>()), CancellationToken.None));
        Assert.Empty(_caller.Calls);
    }

    [Fact]
    public async Task Describe_rules_reads_the_default_rule_and_a_forward_config_only_action()
    {
        _caller.Answer($"""
            <DescribeRulesResponse xmlns="{Ns}"><DescribeRulesResult><Rules>
              <member><RuleArn>arn:rule/default</RuleArn><Priority>default</Priority><IsDefault>true</IsDefault><Conditions/>
                <Actions><member><Type>fixed-response</Type></member></Actions></member>
              <member><RuleArn>arn:rule/2</RuleArn><Priority>5</Priority><IsDefault>false</IsDefault>
                <Conditions><member><Field>host-header</Field><HostHeaderConfig><Values><member>a.example.com</member></Values></HostHeaderConfig></member></Conditions>
                <Actions><member><Type>forward</Type><ForwardConfig><TargetGroups><member><TargetGroupArn>{TargetGroupArn}</TargetGroupArn></member></TargetGroups></ForwardConfig></member></Actions></member>
            </Rules></DescribeRulesResult></DescribeRulesResponse>
            """);

        var page = await _client.DescribeRulesAsync(new DescribeRulesRequest { ListenerArn = ListenerArn }, CancellationToken.None);

        Assert.Null(page.NextMarker);
        Assert.Equal([true, false], page.Rules.Select(r => r.IsDefault));
        Assert.Empty(page.Rules[0].Conditions);
        Assert.Equal(new RuleCondition("host-header", ["a.example.com"]), Assert.Single(page.Rules[1].Conditions), new ConditionComparer());
        Assert.Equal(TargetGroupArn, Assert.Single(page.Rules[1].Actions).TargetGroupArn);
    }

    [Fact]
    public async Task Describe_all_target_groups_by_name_follows_markers_across_three_pages()
    {
        string Page(string name, string? next) => $"""<DescribeTargetGroupsResponse xmlns="{Ns}"><DescribeTargetGroupsResult><TargetGroups>{TargetGroupXml(name, "arn:tg/" + name)}</TargetGroups>{(next is null ? "" : $"<NextMarker>{next}</NextMarker>")}</DescribeTargetGroupsResult></DescribeTargetGroupsResponse>""";
        _caller.Answer(Page("a", "m1")).Answer(Page("b", "m2")).Answer(Page("c", null));

        var groups = await _client.DescribeAllTargetGroupsAsync(new DescribeTargetGroupsRequest { Names = ["a", "b", "c"] }, CancellationToken.None).ToListAsync();

        Assert.Equal(["a", "b", "c"], groups.Select(g => g.TargetGroupName));
        Assert.Equal(
            ["Action=DescribeTargetGroups", "Version=2015-12-01", "Names.member.1=a", "Names.member.2=b", "Names.member.3=c", "Marker=m2"],
            _caller.LastFormLines());
        Assert.DoesNotContain(RecordingCaller.Form(_caller.Calls[0].Request), p => p.Key == "Marker");
    }

    [Fact]
    public async Task Describe_target_groups_with_an_empty_list_reads_as_no_groups()
    {
        _caller.Answer($"""<DescribeTargetGroupsResponse xmlns="{Ns}"><DescribeTargetGroupsResult><TargetGroups/></DescribeTargetGroupsResult></DescribeTargetGroupsResponse>""");

        var page = await _client.DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest { LoadBalancerArn = "arn:lb" }, CancellationToken.None);

        Assert.Empty(page.TargetGroups);
        Assert.Null(page.NextMarker);
    }

    [Fact]
    public async Task Target_group_attributes_are_written_as_key_value_members_and_read_back()
    {
        _caller.Answer($"""<ModifyTargetGroupAttributesResponse xmlns="{Ns}"><ModifyTargetGroupAttributesResult><Attributes><member><Key>deregistration_delay.timeout_seconds</Key><Value>30</Value></member><member><Key>stickiness.enabled</Key><Value>false</Value></member></Attributes></ModifyTargetGroupAttributesResult></ModifyTargetGroupAttributesResponse>""");

        var attributes = await _client.ModifyTargetGroupAttributesAsync(TargetGroupArn, new Dictionary<string, string> { [ElbValues.DeregistrationDelayAttribute] = "30" }, CancellationToken.None);

        Assert.Equal(
            ["Action=ModifyTargetGroupAttributes", "Version=2015-12-01", $"TargetGroupArn={TargetGroupArn}", "Attributes.member.1.Key=deregistration_delay.timeout_seconds", "Attributes.member.1.Value=30"],
            _caller.LastFormLines());
        Assert.Equal("30", attributes[ElbValues.DeregistrationDelayAttribute]);
        Assert.Equal(2, attributes.Count);
    }

    [Fact]
    public async Task Set_rule_priorities_numbers_each_pair()
    {
        await _client.SetRulePrioritiesAsync([new RulePriorityPair("arn:r1", 7), new RulePriorityPair("arn:r2", 8)], CancellationToken.None);

        Assert.Equal(
            ["Action=SetRulePriorities", "Version=2015-12-01", "RulePriorities.member.1.RuleArn=arn:r1", "RulePriorities.member.1.Priority=7", "RulePriorities.member.2.RuleArn=arn:r2", "RulePriorities.member.2.Priority=8"],
            _caller.LastFormLines());
    }

    [Fact]
    public async Task Describe_tags_groups_tags_by_resource_and_refuses_more_than_twenty_arns()
    {
        _caller.Answer($"""<DescribeTagsResponse xmlns="{Ns}"><DescribeTagsResult><TagDescriptions><member><ResourceArn>arn:a</ResourceArn><Tags><member><Key>k</Key><Value>v</Value></member></Tags></member><member><ResourceArn>arn:b</ResourceArn><Tags/></member></TagDescriptions></DescribeTagsResult></DescribeTagsResponse>""");

        var tags = await _client.DescribeTagsAsync(["arn:a", "arn:b"], CancellationToken.None);

        Assert.Equal("v", tags["arn:a"]["k"]);
        Assert.Empty(tags["arn:b"]);
        var tooMany = Enumerable.Range(0, ElbLimits.MaxResourcesPerDescribeTags + 1).Select(i => $"arn:{i}").ToArray();
        await Assert.ThrowsAsync<ArgumentException>(() => _client.DescribeTagsAsync(tooMany, CancellationToken.None));
    }

    [Fact]
    public async Task Describe_target_health_reads_each_target_with_its_state_reason_and_description()
    {
        // Shape as DescribeTargetHealth answers for an ip target group while one task warms up and an old one drains
        // (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_DescribeTargetHealth.html).
        _caller.Answer($"""
            <DescribeTargetHealthResponse xmlns="{Ns}"><DescribeTargetHealthResult><TargetHealthDescriptions>
              <member><Target><Id>10.0.0.4</Id><Port>8000</Port><AvailabilityZone>eu-west-1a</AvailabilityZone></Target><HealthCheckPort>8000</HealthCheckPort>
                <TargetHealth><State>initial</State><Reason>Elb.InitialHealthChecking</Reason><Description>Initial health checks in progress</Description></TargetHealth></member>
              <member><Target><Id>10.0.0.5</Id><Port>8000</Port></Target><HealthCheckPort>8000</HealthCheckPort><TargetHealth><State>healthy</State></TargetHealth></member>
              <member><Target><Id>10.0.0.6</Id><Port>8000</Port></Target><TargetHealth><State>draining</State><Reason>Target.DeregistrationInProgress</Reason></TargetHealth></member>
            </TargetHealthDescriptions></DescribeTargetHealthResult></DescribeTargetHealthResponse>
            """);

        var targets = await _client.DescribeTargetHealthAsync(TargetGroupArn, CancellationToken.None);

        Assert.Equal(["Action=DescribeTargetHealth", "Version=2015-12-01", $"TargetGroupArn={TargetGroupArn}"], _caller.LastFormLines());
        Assert.Equal(
            [
                new TargetHealthDescription(new TargetDescription("10.0.0.4", 8000, "eu-west-1a"), "8000",
                    new TargetHealth(ElbValues.TargetHealthInitial, "Elb.InitialHealthChecking", "Initial health checks in progress")),
                new TargetHealthDescription(new TargetDescription("10.0.0.5", 8000, null), "8000", new TargetHealth(ElbValues.TargetHealthHealthy, null, null)),
                new TargetHealthDescription(new TargetDescription("10.0.0.6", 8000, null), null,
                    new TargetHealth(ElbValues.TargetHealthDraining, "Target.DeregistrationInProgress", null)),
            ],
            targets);
    }

    [Fact]
    public async Task Describe_target_health_of_an_empty_group_is_an_empty_list()
    {
        _caller.Answer($"""<DescribeTargetHealthResponse xmlns="{Ns}"><DescribeTargetHealthResult><TargetHealthDescriptions/></DescribeTargetHealthResult></DescribeTargetHealthResponse>""");

        Assert.Empty(await _client.DescribeTargetHealthAsync(TargetGroupArn, CancellationToken.None));
    }

    [Fact]
    public async Task Describe_listeners_and_load_balancers_give_the_request_count_resource_label()
    {
        _caller.Answer($"""<DescribeListenersResponse xmlns="{Ns}"><DescribeListenersResult><Listeners><member><ListenerArn>{ListenerArn}</ListenerArn><LoadBalancerArn>arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/app/my-alb/778d41231b141a0f</LoadBalancerArn><Port>443</Port><Protocol>HTTPS</Protocol></member></Listeners></DescribeListenersResult></DescribeListenersResponse>""")
            .Answer($"""<DescribeLoadBalancersResponse xmlns="{Ns}"><DescribeLoadBalancersResult><LoadBalancers><member><LoadBalancerArn>arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/app/my-alb/778d41231b141a0f</LoadBalancerArn><LoadBalancerName>my-alb</LoadBalancerName><VpcId>vpc-1</VpcId><Type>application</Type></member></LoadBalancers></DescribeLoadBalancersResult></DescribeLoadBalancersResponse>""");

        var listener = Assert.Single((await _client.DescribeListenersAsync([ListenerArn], null, CancellationToken.None)).Listeners);
        var loadBalancer = Assert.Single((await _client.DescribeLoadBalancersAsync([listener.LoadBalancerArn!], null, CancellationToken.None)).LoadBalancers);

        Assert.Equal(["Action=DescribeLoadBalancers", "Version=2015-12-01", "LoadBalancerArns.member.1=arn:aws:elasticloadbalancing:eu-west-1:1:loadbalancer/app/my-alb/778d41231b141a0f"], _caller.LastFormLines());
        Assert.Equal(("my-alb", "application", 443), (loadBalancer.LoadBalancerName, loadBalancer.Type, listener.Port));
        Assert.Equal("app/my-alb/778d41231b141a0f/targetgroup/web-tg/943f017f100becff", ElbResourceLabel.For(loadBalancer.LoadBalancerArn, TargetGroupArn));
    }

    [Fact]
    public async Task Modify_rule_sends_only_the_parts_that_change()
    {
        _caller.Answer($"""<ModifyRuleResponse xmlns="{Ns}"><ModifyRuleResult><Rules><member><RuleArn>arn:r1</RuleArn><Priority>3</Priority><IsDefault>false</IsDefault></member></Rules></ModifyRuleResult></ModifyRuleResponse>""");

        var rule = await _client.ModifyRuleAsync(new ModifyRuleRequest("arn:r1", [RuleCondition.PathPattern("/v2/*")], null), CancellationToken.None);

        Assert.Equal(["Action=ModifyRule", "Version=2015-12-01", "RuleArn=arn:r1", "Conditions.member.1.Field=path-pattern", "Conditions.member.1.PathPatternConfig.Values.member.1=/v2/*"], _caller.LastFormLines());
        Assert.Empty(rule.Conditions);
        Assert.Empty(rule.Actions);
    }

    [Fact]
    public async Task Modify_target_group_sends_the_health_check_and_reads_the_group()
    {
        _caller.Answer($"""<ModifyTargetGroupResponse xmlns="{Ns}"><ModifyTargetGroupResult><TargetGroups>{TargetGroupXml("web-tg", TargetGroupArn)}</TargetGroups></ModifyTargetGroupResult></ModifyTargetGroupResponse>""");

        var group = await _client.ModifyTargetGroupAsync(TargetGroupArn, new TargetGroupHealthCheck("/ready", null, null, null, null, "200-299"), CancellationToken.None);

        Assert.Equal(["Action=ModifyTargetGroup", "Version=2015-12-01", $"TargetGroupArn={TargetGroupArn}", "HealthCheckPath=/ready", "Matcher.HttpCode=200-299"], _caller.LastFormLines());
        Assert.Equal("web-tg", group.TargetGroupName);
    }

    [Fact]
    public async Task A_create_answered_without_a_target_group_is_reported()
        => await Assert.ThrowsAsync<InvalidDataException>(() => _client.CreateTargetGroupAsync(
            new CreateTargetGroupRequest("t", 80, "vpc-1", new TargetGroupHealthCheck(null, null, null, null, null, null), new Dictionary<string, string>()),
            CancellationToken.None));

    [Fact]
    public async Task Add_and_remove_tags_name_every_resource_and_key()
    {
        await _client.AddTagsAsync(["arn:a", "arn:b"], new Dictionary<string, string> { ["k"] = "v" }, CancellationToken.None);
        Assert.Equal(["Action=AddTags", "Version=2015-12-01", "ResourceArns.member.1=arn:a", "ResourceArns.member.2=arn:b", "Tags.member.1.Key=k", "Tags.member.1.Value=v"], _caller.LastFormLines());

        await _client.RemoveTagsAsync(["arn:a"], ["k", "old"], CancellationToken.None);
        Assert.Equal(["Action=RemoveTags", "Version=2015-12-01", "ResourceArns.member.1=arn:a", "TagKeys.member.1=k", "TagKeys.member.2=old"], _caller.LastFormLines());
    }

    [Fact]
    public void Resource_label_refuses_arns_of_the_wrong_kind()
        => Assert.Throws<ArgumentException>(() => ElbResourceLabel.For(TargetGroupArn, TargetGroupArn));

    private sealed class ConditionComparer : IEqualityComparer<RuleCondition>
    {
        public bool Equals(RuleCondition? x, RuleCondition? y) => x?.Field == y?.Field && (x?.Values ?? []).SequenceEqual(y?.Values ?? []);

        public int GetHashCode(RuleCondition obj) => obj.Field.GetHashCode(StringComparison.Ordinal);
    }
}
