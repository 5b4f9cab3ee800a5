using FargateApi.Lifecycle.Tests.Support;

namespace FargateApi.Lifecycle.Tests;

/// <summary>
/// A service name this resource used is taken again while the deleted service still drains (delete then re-create, a
/// replacement landing on an old name): ECS refuses it ("Unable to Start a service that is still Draining",
/// spinnaker/spinnaker#5476) until the service is INACTIVE, and a create retried with the old request's clientToken would be
/// "not idempotent" (ECS_Idempotency.html). The create waits for INACTIVE and makes a new service, under a token of its own.
/// </summary>
public sealed class DrainingNameTests
{
    [Fact]
    public async Task Create_of_a_name_whose_deleted_service_still_drains_waits_for_it_and_makes_a_new_service()
    {
        var h = new Harness();
        var id = (await h.CreateAsync()).PhysicalResourceId;
        await h.Apis.Ecs.DeleteServiceAsync(new Aws.Services.Ecs.DeleteServiceRequest("myproj-cluster", "myproj-app-api-service", Force: true), CancellationToken.None);
        var draining = (await h.Apis.Ecs.DescribeServicesAsync("myproj-cluster", [id], CancellationToken.None)).Services.Single();
        Assert.Equal("DRAINING", draining.Status);

        var again = await h.Provisioner.CreateAsync(Harness.Identity("request-again"), Props.Seed, CancellationToken.None);

        Assert.True(again.IsFinished);
        Assert.Equal(id, again.PhysicalResourceId);
        var service = (await h.Apis.Ecs.DescribeServicesAsync("myproj-cluster", [id], CancellationToken.None)).Services.Single();
        Assert.Equal("ACTIVE", service.Status);
        Assert.Contains(h.Aws.Calls.Of("CreateService"), c => !c.Succeeded);
        Assert.Equal(2, h.Aws.Calls.SucceededCountOf("CreateService"));
    }

    [Fact]
    public async Task The_same_request_retried_gets_the_service_it_made()
    {
        var h = new Harness();

        var first = await h.CreateAsync();
        var retried = await h.CreateAsync();

        Assert.Equal(first.PhysicalResourceId, retried.PhysicalResourceId);
        Assert.Single(h.Ours("service"));
    }
}
