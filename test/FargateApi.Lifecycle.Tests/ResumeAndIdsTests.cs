using FargateApi.Lifecycle.Tests.Support;
using FargateApi.Provisioning;

namespace FargateApi.Lifecycle.Tests;

public sealed class ResumeAndIdsTests
{
    [Fact]
    public async Task A_replacement_whose_wait_spans_invocations_finishes_with_the_new_id_and_swapped_priorities()
    {
        var h = new Harness();
        var oldId = (await h.CreateAsync()).PhysicalResourceId;
        var moved = h.InAnotherCluster(Props.Seed);
        var identity = Harness.Identity("request-update") with { InvocationDeadline = h.Clock.GetUtcNow() + TimeSpan.FromSeconds(20) };

        var first = await h.Provisioner.UpdateAsync(identity, oldId, Props.Seed, moved, CancellationToken.None);
        Assert.False(first.IsFinished);
        Assert.Equal(ContinuedOperation.Update, first.Continuation!.Operation);
        Assert.Equal("myproj-app-api-service-g1", first.Continuation.Service);

        var second = await h.Provisioner.ResumeAsync(Harness.Identity("request-update"), LifecycleContinuation.FromJson(first.Continuation.ToJson()), oldId, Props.Seed, moved, CancellationToken.None);

        Assert.True(second.IsFinished);
        Assert.EndsWith("myproj-app-api-service-g1", second.PhysicalResourceId, StringComparison.Ordinal);
        Assert.Equal(2, h.Ours("service").Count);
        Assert.Equal(1, h.Aws.Calls.Of("CreateService").Count(c => c.Key == "myproj-app-api-service-g1" && c.Succeeded));
        Assert.Single(h.Aws.Calls.Of("SetRulePriorities"));
    }

    [Fact]
    public async Task Update_without_readable_old_properties_converges_on_the_new_ones()
    {
        var h = new Harness();
        var id = (await h.CreateAsync()).PhysicalResourceId;

        var updated = await h.Provisioner.UpdateAsync(Harness.Identity("request-update"), id, null, Props.Seed.WithImageTag("v3"), CancellationToken.None);

        Assert.Equal(id, updated.PhysicalResourceId);
        var service = (await h.Apis.Ecs.DescribeServicesAsync("myproj-cluster", [id], CancellationToken.None)).Services.Single();
        Assert.Equal(updated.Data["TaskDefinitionArn"], service.TaskDefinition);
        Assert.Single(h.Ours("service"));
    }

    [Theory]
    [InlineData("arn:aws:ecs:us-east-1:123456789012:service/myproj-cluster/myproj-app-api-service", "myproj-cluster", "myproj-app-api-service", 0)]
    [InlineData("arn:aws:ecs:us-east-1:123456789012:service/myproj-cluster/myproj-app-api-service-g12", "myproj-cluster", "myproj-app-api-service-g12", 12)]
    [InlineData("arn:aws-cn:ecs:cn-north-1:123456789012:service/c/myproj-app-api-service-g1", "c", "myproj-app-api-service-g1", 1)]
    public void Service_arn_names_cluster_service_and_generation(string arn, string cluster, string service, int generation) =>
        Assert.Equal(new ServiceId(cluster, service, generation), PhysicalIds.ParseServiceArn(arn, Props.Seed));

    [Theory]
    [InlineData("fargate-api-create-failed:AppApi:0123456789ab")]
    [InlineData("arn:aws:ecs:us-east-1:123456789012:task/c/abc")]
    [InlineData("")]
    public void Other_ids_are_not_service_arns(string id) => Assert.Null(PhysicalIds.ParseServiceArn(id, Props.Seed));

    [Fact]
    public void Account_and_partition_come_from_the_function_arn_when_given()
    {
        var env = EnvironmentResolver.FromFunctionArn("arn:aws-us-gov:lambda:us-gov-west-1:210987654321:function:fargate-api", "us-gov-west-1");

        Assert.Equal(new Desired.AwsEnvironment("aws-us-gov", "us-gov-west-1", "210987654321"), env);
        Assert.Null(EnvironmentResolver.FromFunctionArn("not-an-arn", "us-east-1"));
    }

    [Fact]
    public async Task Without_a_function_arn_the_account_comes_from_sts_once()
    {
        var h = new Harness();

        await h.CreateAsync();
        await h.CreateAsync();

        Assert.Equal(1, h.Aws.Calls.CountOf("GetCallerIdentity"));
    }
}
