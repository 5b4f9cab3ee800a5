using FargateApi.Lambda.CloudFormation;
using FargateApi.Provisioning;

namespace FargateApi.Lambda.Tests;

/// <summary>Create, Update and Delete through the whole provider: what reaches the lifecycle and what CloudFormation gets back.</summary>
public class LifecycleProtocolTests
{
    [Fact]
    public async Task Create_with_string_typed_properties_provisions_and_answers_success_with_data()
    {
        await using var provider = new ProviderHarness();

        var outcome = await provider.InvokeAsync(Events.Create(provider.ResponseUrl));

        Assert.Equal("response", outcome.Kind);
        var call = Assert.Single(provider.Lifecycle.Calls);
        Assert.Equal("Create", call.Operation);
        Assert.Equal(512, call.Properties!.Cpu);
        Assert.Equal(1024, call.Properties.Memory);
        Assert.Equal(new ResourceIdentity(Events.StackId, Events.LogicalResourceId, "11111111-aaaa-bbbb-cccc-000000000001"), call.Identity with { InvocationDeadline = null, FunctionArn = null });
        Assert.StartsWith("arn:aws:lambda:", call.Identity.FunctionArn, StringComparison.Ordinal); // the account is read off it: no STS call
        var response = provider.SingleResponse();
        Assert.Equal("SUCCESS", response.GetProperty("Status").GetString());
        Assert.Equal("acme-api", response.GetProperty("PhysicalResourceId").GetString());
        Assert.StartsWith("arn:aws:ecs:", response.GetProperty("Data").GetProperty("ServiceArn").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_with_invalid_properties_fails_with_the_problems_and_never_calls_the_lifecycle()
    {
        await using var provider = new ProviderHarness();
        var properties = Events.ValidProperties();
        properties["Cpu"] = "256";
        properties["Memory"] = "4096";

        await provider.InvokeAsync(Events.Create(provider.ResponseUrl, properties));

        Assert.Empty(provider.Lifecycle.Calls);
        var response = provider.SingleResponse();
        Assert.Equal("FAILED", response.GetProperty("Status").GetString());
        var reason = response.GetProperty("Reason").GetString()!;
        Assert.Contains("Memory", reason, StringComparison.Ordinal);
        Assert.All(["512", "1024", "2048"], size => Assert.Contains(size, reason, StringComparison.Ordinal));
        Assert.True(FailedCreateId.IsFailedCreate(response.GetProperty("PhysicalResourceId").GetString()));
    }

    [Fact]
    public async Task Rollback_delete_recognises_the_failed_create_id_and_succeeds_without_valid_properties()
    {
        await using var provider = new ProviderHarness();
        var properties = Events.ValidProperties();
        properties.Remove("ProjectPrefix");
        await provider.InvokeAsync(Events.Create(provider.ResponseUrl, properties));
        var failedId = provider.SingleResponse().GetProperty("PhysicalResourceId").GetString()!;

        await provider.InvokeAsync(Events.Delete(provider.ResponseUrl, failedId, (System.Text.Json.Nodes.JsonObject)properties.DeepClone()));

        var delete = Assert.Single(provider.Lifecycle.Calls);
        Assert.Equal("Delete", delete.Operation);
        Assert.Equal(failedId, delete.PhysicalResourceId);
        Assert.Null(delete.Properties);
        var response = System.Text.Json.JsonDocument.Parse(provider.Puts[1].Body).RootElement;
        Assert.Equal("SUCCESS", response.GetProperty("Status").GetString());
        Assert.Equal(failedId, response.GetProperty("PhysicalResourceId").GetString());
    }

    [Fact]
    public async Task Create_that_throws_fails_with_the_message_not_a_stack_trace_and_a_failed_create_id()
    {
        var lifecycle = new FakeLifecycle { OnCreate = _ => throw new InvalidOperationException("Listener arn:aws:elasticloadbalancing:x has no free priority 10.") };
        await using var provider = new ProviderHarness(lifecycle);

        var outcome = await provider.InvokeAsync(Events.Create(provider.ResponseUrl));

        Assert.Equal("response", outcome.Kind);
        var response = provider.SingleResponse();
        Assert.Equal("FAILED", response.GetProperty("Status").GetString());
        Assert.Equal("Listener arn:aws:elasticloadbalancing:x has no free priority 10.", response.GetProperty("Reason").GetString());
        Assert.Equal(FailedCreateId.For(Events.LogicalResourceId, "11111111-aaaa-bbbb-cccc-000000000001"), response.GetProperty("PhysicalResourceId").GetString());
    }

    [Fact]
    public async Task Update_with_invalid_new_properties_fails_keeps_the_physical_id_and_changes_nothing()
    {
        await using var provider = new ProviderHarness();
        var properties = Events.ValidProperties();
        properties["Cpu"] = "300";

        await provider.InvokeAsync(Events.Update(provider.ResponseUrl, "acme-api", properties));

        Assert.Empty(provider.Lifecycle.Calls);
        var response = provider.SingleResponse();
        Assert.Equal("FAILED", response.GetProperty("Status").GetString());
        Assert.Contains("Cpu", response.GetProperty("Reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("acme-api", response.GetProperty("PhysicalResourceId").GetString());
    }

    [Fact]
    public async Task Update_passes_null_old_properties_when_they_no_longer_validate()
    {
        await using var provider = new ProviderHarness();
        var old = Events.ValidProperties();
        old["Cpu"] = "3";

        await provider.InvokeAsync(Events.Update(provider.ResponseUrl, "acme-api", oldProperties: old));

        var call = Assert.Single(provider.Lifecycle.Calls);
        Assert.Equal("Update", call.Operation);
        Assert.Null(call.OldProperties);
        Assert.NotNull(call.Properties);
        Assert.Equal("SUCCESS", provider.SingleResponse().GetProperty("Status").GetString());
    }

    [Fact]
    public async Task Update_echoes_the_physical_id_unless_the_lifecycle_replaced_the_resource()
    {
        var lifecycle = new FakeLifecycle { OnUpdate = (_, _) => Task.FromResult(new LifecycleOutcome("acme-api-g1", new Dictionary<string, string>())) };
        await using var provider = new ProviderHarness(lifecycle);

        await provider.InvokeAsync(Events.Update(provider.ResponseUrl, "acme-api"));

        Assert.Equal("acme-api-g1", provider.SingleResponse().GetProperty("PhysicalResourceId").GetString());
        Assert.Equal("acme-api", Assert.Single(lifecycle.Calls).PhysicalResourceId);
    }

    [Fact]
    public async Task Update_that_throws_fails_keeping_the_events_physical_id()
    {
        var lifecycle = new FakeLifecycle { OnUpdate = (_, _) => throw new InvalidOperationException("ECS said no.") };
        await using var provider = new ProviderHarness(lifecycle);

        await provider.InvokeAsync(Events.Update(provider.ResponseUrl, "acme-api"));

        var response = provider.SingleResponse();
        Assert.Equal("FAILED", response.GetProperty("Status").GetString());
        Assert.Equal("ECS said no.", response.GetProperty("Reason").GetString());
        Assert.Equal("acme-api", response.GetProperty("PhysicalResourceId").GetString());
    }

    [Fact]
    public async Task Delete_never_fails_because_properties_are_invalid()
    {
        await using var provider = new ProviderHarness();
        var properties = Events.ValidProperties();
        properties["Cpu"] = "banana";

        await provider.InvokeAsync(Events.Delete(provider.ResponseUrl, "acme-api", properties));

        var call = Assert.Single(provider.Lifecycle.Calls);
        Assert.Equal("Delete", call.Operation);
        Assert.Null(call.Properties);
        var response = provider.SingleResponse();
        Assert.Equal("SUCCESS", response.GetProperty("Status").GetString());
        Assert.Equal("acme-api", response.GetProperty("PhysicalResourceId").GetString());
    }

    [Fact]
    public async Task Delete_passes_valid_properties_to_the_lifecycle()
    {
        await using var provider = new ProviderHarness();

        await provider.InvokeAsync(Events.Delete(provider.ResponseUrl, "acme-api"));

        Assert.Equal("api", Assert.Single(provider.Lifecycle.Calls).Properties!.ServiceName);
    }

    [Fact]
    public async Task Event_for_another_resource_type_fails_clearly_without_provisioning()
    {
        await using var provider = new ProviderHarness();
        var create = Events.Create(provider.ResponseUrl);
        create["ResourceType"] = "Custom::Database";

        await provider.InvokeAsync(create);

        Assert.Empty(provider.Lifecycle.Calls);
        var response = provider.SingleResponse();
        Assert.Equal("FAILED", response.GetProperty("Status").GetString());
        Assert.Contains("only handles resources of type Custom::FargateApi, not 'Custom::Database'", response.GetProperty("Reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollback_delete_of_another_resource_type_succeeds_since_nothing_was_created()
    {
        await using var provider = new ProviderHarness();
        var delete = Events.Delete(provider.ResponseUrl, FailedCreateId.For(Events.LogicalResourceId, "r"));
        delete["ResourceType"] = "Custom::Database";

        await provider.InvokeAsync(delete);

        Assert.Empty(provider.Lifecycle.Calls);
        Assert.Equal("SUCCESS", provider.SingleResponse().GetProperty("Status").GetString());
    }
}
