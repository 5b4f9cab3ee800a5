using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace FargateApi.IntegrationTests.Moto;

/// <summary>
/// The published Native AOT bootstrap, end to end against moto_server: CloudFormation events in through the Runtime
/// API, AWS calls out over HTTP (signed, to AWS_ENDPOINT_URL), and moto's state read back with boto3 after every step.
/// Each test seeds its own network under its own ProjectPrefix, so the tests share one moto without sharing state.
/// In the published-bootstrap collection (xunit 2 has no assembly fixtures): the binary is built once per run.
/// </summary>
[Collection(PublishedBootstrapCollection.Name)]
public sealed class MotoLifecycleTests(PublishedBootstrap bootstrap, MotoServer moto, ITestOutputHelper output) : IClassFixture<MotoServer>
{
    [Fact]
    public async Task Create_builds_every_resource_with_the_declared_values_and_delete_leaves_nothing()
    {
        var network = SeededNetwork.Seed(moto, "crt");
        var stackId = CloudFormationEvents.StackId("crt-shop");
        var properties = CloudFormationEvents.Properties(network.Prefix);
        var expected = new ExpectedStack(network, stackId, 0, "1.0.0", 8000, "/health", 14);
        await using var provider = new ProviderUnderMoto(bootstrap.Path, moto);

        var created = await SucceedAsync(provider, CloudFormationEvents.Create(stackId, properties));

        Assert.Equal(expected.ServiceArn, created.GetProperty("PhysicalResourceId").GetString());
        var data = created.GetProperty("Data");
        var state = StackState.Read(moto, network, stackId);
        StackAssertions.AssertGeneration(state, expected, data);
        StackAssertions.AssertServingRule(state, expected, data);
        Assert.Single(state.Ours("services"));
        Assert.Equal(2, state.Ours("roles").Count);
        AssertRequestedServiceSettings(expected);

        await SucceedAsync(provider, CloudFormationEvents.Delete(stackId, expected.ServiceArn, properties));

        StackAssertions.AssertNothingLeft(StackState.Read(moto, network, stackId), network);
    }

    [Fact]
    public async Task In_place_update_changes_image_tag_health_check_path_and_retention_under_the_same_id()
    {
        var network = SeededNetwork.Seed(moto, "upd");
        var stackId = CloudFormationEvents.StackId("upd-shop");
        var before = CloudFormationEvents.Properties(network.Prefix);
        var after = CloudFormationEvents.With(
            before,
            ("ImageTag", "1.1.0"),
            ("TargetHealthCheck", new JsonObject { ["Path"] = "/ready", ["IntervalSeconds"] = "20", ["HealthyHttpCodes"] = "200-299" }),
            ("LogRetentionDays", "30"));
        var expected = new ExpectedStack(network, stackId, 0, "1.1.0", 8000, "/ready", 30);
        await using var provider = new ProviderUnderMoto(bootstrap.Path, moto);
        var created = await SucceedAsync(provider, CloudFormationEvents.Create(stackId, before));
        var firstTaskDefinition = created.GetProperty("Data").GetProperty("TaskDefinitionArn").GetString();

        var updated = await SucceedAsync(provider, CloudFormationEvents.Update(stackId, expected.ServiceArn, after, before));

        Assert.Equal(expected.ServiceArn, updated.GetProperty("PhysicalResourceId").GetString());
        var data = updated.GetProperty("Data");
        var state = StackState.Read(moto, network, stackId);
        var taskDefinition = StackAssertions.AssertGeneration(state, expected, data);
        Assert.NotEqual(firstTaskDefinition, taskDefinition);
        Assert.Equal(created.GetProperty("Data").GetProperty("TargetGroupArn").GetString(), data.GetProperty("TargetGroupArn").GetString());
        Assert.Equal(created.GetProperty("Data").GetProperty("ListenerRuleArn").GetString(), data.GetProperty("ListenerRuleArn").GetString());
        StackAssertions.AssertServingRule(state, expected, data);
        Assert.Single(state.Ours("services"));
        Assert.Single(state.Ours("targetGroups"));
        Assert.Single(state.Ours("securityGroups"));

        await SucceedAsync(provider, CloudFormationEvents.Delete(stackId, expected.ServiceArn, after));

        StackAssertions.AssertNothingLeft(StackState.Read(moto, network, stackId), network);
    }

    [Fact]
    public async Task Replacing_update_serves_from_a_new_id_and_deleting_old_then_new_leaves_nothing()
    {
        var network = SeededNetwork.Seed(moto, "rep");
        var moved = network.WithSecondCluster(moto);
        var stackId = CloudFormationEvents.StackId("rep-shop");
        var before = CloudFormationEvents.Properties(network.Prefix);

        // An ECS service cannot move to another cluster: the move replaces the stack under the same names, in the other slot.
        var after = CloudFormationEvents.With(before, ("Network", new JsonObject { ["ClusterName"] = moved.ClusterName }));
        var old = new ExpectedStack(network, stackId, 0, "1.0.0", 8000, "/health", 14);
        var next = new ExpectedStack(moved, stackId, 1, "1.0.0", 8000, "/health", 14);
        await using var provider = new ProviderUnderMoto(bootstrap.Path, moto);
        var created = await SucceedAsync(provider, CloudFormationEvents.Create(stackId, before));

        var replaced = await SucceedAsync(provider, CloudFormationEvents.Update(stackId, old.ServiceArn, after, before));

        Assert.Equal(next.ServiceArn, replaced.GetProperty("PhysicalResourceId").GetString());
        var state = StackState.Read(moto, moved, stackId);
        StackAssertions.AssertGeneration(state, next, replaced.GetProperty("Data"));
        StackAssertions.AssertServingRule(state, next, replaced.GetProperty("Data"));
        StackAssertions.AssertGeneration(StackState.Read(moto, network, stackId), old with { LogGroupGeneration = 1 }, created.GetProperty("Data")); // until CloudFormation deletes the old id
        var oldRule = state.Rule(created.GetProperty("Data").GetProperty("ListenerRuleArn").GetString()!);
        Assert.NotEqual("10", oldRule.GetProperty("Priority").GetString());

        await SucceedAsync(provider, CloudFormationEvents.Delete(stackId, old.ServiceArn, before));

        Assert.Empty(StackState.Read(moto, network, stackId).Ours("services"));
        state = StackState.Read(moto, moved, stackId);
        StackAssertions.AssertGeneration(state, next, replaced.GetProperty("Data"));
        StackAssertions.AssertServingRule(state, next, replaced.GetProperty("Data"));
        Assert.Equal([next.ServiceName], state.Ours("services"));
        Assert.Equal([next.ExecutionRole, next.TaskRole], state.Ours("roles").Order(StringComparer.Ordinal));
        Assert.Single(state.Ours("targetGroups"));
        Assert.Single(state.Ours("securityGroups"));
        Assert.Single(state.Ours("rules"));
        Assert.Single(state.Ours("taskDefinitions"));
        Assert.Empty(state.ScalableTargets(old.ScalableResourceId));
        Assert.Empty(state.ScalingPolicies(old.ScalableResourceId));

        await SucceedAsync(provider, CloudFormationEvents.Delete(stackId, next.ServiceArn, after));

        StackAssertions.AssertNothingLeft(StackState.Read(moto, network, stackId), network);
    }

    /// <summary>
    /// A rule routed by host alone (<c>PathPatterns: []</c>): moto refuses a condition without values as ELB does
    /// ("A condition value must be specified"), so the rule must carry the host-header condition only.
    /// </summary>
    [Fact]
    public async Task Create_with_host_headers_only_makes_a_rule_with_just_the_host_header_condition()
    {
        var network = SeededNetwork.Seed(moto, "hst");
        var stackId = CloudFormationEvents.StackId("hst-shop");
        var properties = CloudFormationEvents.With(
            CloudFormationEvents.Properties(network.Prefix),
            ("PathPatterns", new JsonArray()),
            ("HostHeaders", new JsonArray("api.example.com")));
        var expected = new ExpectedStack(network, stackId, 0, "1.0.0", 8000, "/health", 14);
        await using var provider = new ProviderUnderMoto(bootstrap.Path, moto);

        var created = await SucceedAsync(provider, CloudFormationEvents.Create(stackId, properties));

        var state = StackState.Read(moto, network, stackId);
        var rule = state.Rule(created.GetProperty("Data").GetProperty("ListenerRuleArn").GetString()!);
        StackAssertions.AssertOwned(rule, expected);
        Assert.Equal("10", rule.GetProperty("Priority").GetString());
        var condition = Assert.Single(rule.GetProperty("Conditions").EnumerateArray());
        Assert.Equal("host-header", condition.GetProperty("Field").GetString());
        Assert.Equal(["api.example.com"], StackAssertions.Strings(condition.GetProperty("HostHeaderConfig").GetProperty("Values")));

        await SucceedAsync(provider, CloudFormationEvents.Delete(stackId, expected.ServiceArn, properties));

        StackAssertions.AssertNothingLeft(StackState.Read(moto, network, stackId), network);
    }

    /// <summary>A Create that fails half-way (the declared priority is someone else's) answers FAILED with a marker id;
    /// CloudFormation's rollback then deletes that id, which must remove what was built, found by its tags.</summary>
    [Fact]
    public async Task Create_that_fails_half_way_is_rolled_back_by_the_delete_of_its_marker_id()
    {
        var network = SeededNetwork.Seed(moto, "rbk", foreignRulePriority: 10);
        var stackId = CloudFormationEvents.StackId("rbk-shop");
        var properties = CloudFormationEvents.Properties(network.Prefix);
        await using var provider = new ProviderUnderMoto(bootstrap.Path, moto);

        var failed = await provider.SendAsync(CloudFormationEvents.Create(stackId, properties));

        Assert.Equal("FAILED", failed.GetProperty("Status").GetString());
        Assert.Contains("priority 10", failed.GetProperty("Reason").GetString(), StringComparison.Ordinal);
        var markerId = failed.GetProperty("PhysicalResourceId").GetString()!;
        Assert.StartsWith($"fargate-api-create-failed:{CloudFormationEvents.LogicalResourceId}:", markerId, StringComparison.Ordinal);
        var halfBuilt = StackState.Read(moto, network, stackId);
        output.WriteLine($"left by the failed Create: {string.Join(", ", new[] { "roles", "logGroups", "securityGroups", "targetGroups", "taskDefinitions" }.SelectMany(halfBuilt.Ours))}");
        Assert.NotEmpty(halfBuilt.Ours("targetGroups")); // the rule comes after its target group

        await SucceedAsync(provider, CloudFormationEvents.Delete(stackId, markerId, properties));

        var state = StackState.Read(moto, network, stackId);
        StackAssertions.AssertNothingLeft(state, network, foreignRules: 1);
    }

    /// <summary>
    /// A Create whose answer CloudFormation never got (cancelled because a sibling failed, or past its deadline) is followed
    /// by a Delete with an id CloudFormation generated (remind101/empire#918): it removes what the Create made.
    /// </summary>
    [Fact]
    public async Task Delete_with_an_id_cloudformation_generated_removes_what_the_unanswered_create_made()
    {
        var network = SeededNetwork.Seed(moto, "gen");
        var stackId = CloudFormationEvents.StackId("gen-shop");
        var properties = CloudFormationEvents.Properties(network.Prefix);
        await using var provider = new ProviderUnderMoto(bootstrap.Path, moto);
        await SucceedAsync(provider, CloudFormationEvents.Create(stackId, properties)); // the answer never reached CloudFormation

        await SucceedAsync(provider, CloudFormationEvents.Delete(stackId, $"gen-shop-{CloudFormationEvents.LogicalResourceId}-1A2B3C4D5E6F", properties));

        StackAssertions.AssertNothingLeft(StackState.Read(moto, network, stackId), network);
    }

    /// <summary>
    /// ContainerPort changes in place: the same service (id), target group and security group; the new revision maps the
    /// new port, the service's load balancer mapping and the only ingress rule name it, and the target group keeps its port.
    /// </summary>
    [Fact]
    public async Task Container_port_change_updates_the_same_stack_in_place()
    {
        var network = SeededNetwork.Seed(moto, "prt");
        var stackId = CloudFormationEvents.StackId("prt-shop");
        var before = CloudFormationEvents.Properties(network.Prefix);
        var after = CloudFormationEvents.With(before, ("ContainerPort", "9000"));
        var old = new ExpectedStack(network, stackId, 0, "1.0.0", 8000, "/health", 14);
        var next = old with { ContainerPort = 9000 };
        await using var provider = new ProviderUnderMoto(bootstrap.Path, moto);
        var created = await SucceedAsync(provider, CloudFormationEvents.Create(stackId, before));

        var updated = await SucceedAsync(provider, CloudFormationEvents.Update(stackId, old.ServiceArn, after, before));

        Assert.Equal(old.ServiceArn, updated.GetProperty("PhysicalResourceId").GetString());
        Assert.Equal(created.GetProperty("Data").GetProperty("TargetGroupArn").GetString(), updated.GetProperty("Data").GetProperty("TargetGroupArn").GetString());
        var state = StackState.Read(moto, network, stackId);
        StackAssertions.AssertGeneration(state, next, updated.GetProperty("Data"));
        Assert.Single(state.Ours("targetGroups"));
        Assert.Single(state.Ours("securityGroups"));

        await SucceedAsync(provider, CloudFormationEvents.Delete(stackId, old.ServiceArn, after));
        StackAssertions.AssertNothingLeft(StackState.Read(moto, network, stackId), network);
    }

    /// <summary>Priority changed in the same Update as a replacement: after the cleanup, one rule at the new priority.</summary>
    [Fact]
    public async Task Priority_changed_with_a_replacement_ends_with_one_rule_at_the_new_priority()
    {
        var network = SeededNetwork.Seed(moto, "pri");
        var moved = network.WithSecondCluster(moto);
        var stackId = CloudFormationEvents.StackId("pri-shop");
        var before = CloudFormationEvents.Properties(network.Prefix);
        var after = CloudFormationEvents.With(before, ("Network", new JsonObject { ["ClusterName"] = moved.ClusterName }), ("Priority", "20"));
        var old = new ExpectedStack(network, stackId, 0, "1.0.0", 8000, "/health", 14);
        await using var provider = new ProviderUnderMoto(bootstrap.Path, moto);
        await SucceedAsync(provider, CloudFormationEvents.Create(stackId, before));
        var replaced = await SucceedAsync(provider, CloudFormationEvents.Update(stackId, old.ServiceArn, after, before));

        await SucceedAsync(provider, CloudFormationEvents.Delete(stackId, old.ServiceArn, before));

        var state = StackState.Read(moto, moved, stackId);
        var rule = state.Rule(replaced.GetProperty("Data").GetProperty("ListenerRuleArn").GetString()!);
        Assert.Equal("20", rule.GetProperty("Priority").GetString());
        Assert.Single(state.Ours("rules"));
    }

    /// <summary>Replacements alternate between the seed's names and one suffixed slot: the second returns to the seed's.</summary>
    [Fact]
    public async Task A_second_replacement_returns_to_the_seeds_names_after_the_cleanup()
    {
        var network = SeededNetwork.Seed(moto, "slt");
        var moved = network.WithSecondCluster(moto);
        var stackId = CloudFormationEvents.StackId("slt-shop");
        var before = CloudFormationEvents.Properties(network.Prefix);

        // To the second cluster and back: two replacements under the same names.
        var first = CloudFormationEvents.With(before, ("Network", new JsonObject { ["ClusterName"] = moved.ClusterName }));
        var second = before;
        var seedStack = new ExpectedStack(network, stackId, 0, "1.0.0", 8000, "/health", 14);
        var slot = new ExpectedStack(moved, stackId, 1, "1.0.0", 8000, "/health", 14);
        await using var provider = new ProviderUnderMoto(bootstrap.Path, moto);
        await SucceedAsync(provider, CloudFormationEvents.Create(stackId, before));
        await SucceedAsync(provider, CloudFormationEvents.Update(stackId, seedStack.ServiceArn, first, before));
        await SucceedAsync(provider, CloudFormationEvents.Delete(stackId, seedStack.ServiceArn, before));

        var again = await SucceedAsync(provider, CloudFormationEvents.Update(stackId, slot.ServiceArn, second, first));
        await SucceedAsync(provider, CloudFormationEvents.Delete(stackId, slot.ServiceArn, first));

        Assert.Equal(seedStack.ServiceArn, again.GetProperty("PhysicalResourceId").GetString());
        Assert.Equal([seedStack.ServiceName], StackState.Read(moto, network, stackId).Ours("services"));
        await SucceedAsync(provider, CloudFormationEvents.Delete(stackId, seedStack.ServiceArn, second));
        StackAssertions.AssertNothingLeft(StackState.Read(moto, network, stackId), network);
        Assert.Empty(StackState.Read(moto, moved, stackId).Ours("services"));
    }

    /// <summary>
    /// The platform team moved the cluster and the listener between deploys: the Update is a replacement into the new
    /// network, the cleanup Delete of the old id removes the old generation where it runs, and the log group the new
    /// generation writes to stays.
    /// </summary>
    [Fact]
    public async Task Update_after_the_network_parameters_moved_replaces_and_the_cleanup_removes_the_old_generation_only()
    {
        var network = SeededNetwork.Seed(moto, "mov");
        var stackId = CloudFormationEvents.StackId("mov-shop");
        var before = CloudFormationEvents.Properties(network.Prefix);
        var after = CloudFormationEvents.With(before, ("ImageTag", "2.0.0"));
        var old = new ExpectedStack(network, stackId, 0, "1.0.0", 8000, "/health", 14);
        await using var provider = new ProviderUnderMoto(bootstrap.Path, moto);
        await SucceedAsync(provider, CloudFormationEvents.Create(stackId, before));
        var moved = network.Move(moto);

        var replaced = await SucceedAsync(provider, CloudFormationEvents.Update(stackId, old.ServiceArn, after, before));
        await SucceedAsync(provider, CloudFormationEvents.Delete(stackId, old.ServiceArn, before));

        var newId = replaced.GetProperty("PhysicalResourceId").GetString()!;
        Assert.Contains($":service/{moved.ClusterName}/", newId, StringComparison.Ordinal);
        var oldState = StackState.Read(moto, network, stackId);
        Assert.Empty(oldState.Ours("services"));
        Assert.Empty(oldState.Ours("rules"));
        var newState = StackState.Read(moto, moved, stackId);
        Assert.Single(newState.Ours("services"));
        Assert.Single(newState.Ours("rules"));
        Assert.Single(newState.Ours("logGroups"));

        await SucceedAsync(provider, CloudFormationEvents.Delete(stackId, newId, after));
        StackAssertions.AssertNothingLeft(StackState.Read(moto, moved, stackId), moved);
    }

    /// <summary>The answer must be SUCCESS; a FAILED one fails the test with its Reason and the provider's log.</summary>
    private async Task<JsonElement> SucceedAsync(ProviderUnderMoto provider, JsonObject cloudFormationEvent)
    {
        var response = await provider.SendAsync(cloudFormationEvent);
        output.WriteLine($"{cloudFormationEvent["RequestType"]}: {response.GetProperty("Status").GetString()} {response.GetProperty("PhysicalResourceId").GetString()}");
        if (response.GetProperty("Status").GetString() != "SUCCESS")
        {
            output.WriteLine(provider.Output);
        }

        Assert.True(
            response.GetProperty("Status").GetString() == "SUCCESS",
            $"{cloudFormationEvent["RequestType"]} answered {response.GetProperty("Status").GetString()}: {(response.TryGetProperty("Reason", out var reason) ? reason.GetString() : null)}");
        return response;
    }

    /// <summary>
    /// Deployment settings, ECS Exec and the grace period as CreateService sent them, and the scalable target's tags as
    /// RegisterScalableTarget sent them: moto 5.2.1 accepts these but keeps none of them, so DescribeServices and
    /// ListTagsForResource (not implemented) cannot show them.
    /// </summary>
    private void AssertRequestedServiceSettings(ExpectedStack expected)
    {
        var create = Assert.Single(
            MotoRecording.JsonCalls(moto, "AmazonEC2ContainerServiceV20141113.CreateService"),
            call => call.GetProperty("serviceName").GetString() == expected.ServiceName);
        var deployment = create.GetProperty("deploymentConfiguration");
        Assert.Equal((50, 200), (deployment.GetProperty("minimumHealthyPercent").GetInt32(), deployment.GetProperty("maximumPercent").GetInt32()));
        var breaker = deployment.GetProperty("deploymentCircuitBreaker");
        Assert.True(breaker.GetProperty("enable").GetBoolean() && breaker.GetProperty("rollback").GetBoolean());
        Assert.True(create.GetProperty("enableExecuteCommand").GetBoolean());
        Assert.Equal(45, create.GetProperty("healthCheckGracePeriodSeconds").GetInt32());

        var register = Assert.Single(
            MotoRecording.JsonCalls(moto, "AnyScaleFrontendService.RegisterScalableTarget"),
            call => call.GetProperty("ResourceId").GetString() == expected.ScalableResourceId && call.TryGetProperty("Tags", out _));
        Assert.Equal(expected.StackId, register.GetProperty("Tags").GetProperty(StackState.StackIdTag).GetString());
    }
}
