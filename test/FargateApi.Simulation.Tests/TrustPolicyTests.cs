using FargateApi.Aws.Services.ElasticLoadBalancing;
using FargateApi.Aws.Services.Iam;

namespace FargateApi.Simulation.Tests;

/// <summary>
/// ECS assumes a task's roles only as their trust policy allows: ecs-tasks.amazonaws.com, with aws:SourceAccount set to the
/// task's account (ECS Developer Guide, task-iam-roles.html, confused deputy prevention). A role that names another account
/// cannot be assumed, and the launch fails as for any role ECS cannot assume.
/// </summary>
public sealed class TrustPolicyTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static string Trust(string? sourceAccount) => sourceAccount is null
        ? """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""
        : """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"ACCOUNT"}}}]}""".Replace("ACCOUNT", sourceAccount, StringComparison.Ordinal);

    private static async Task<(SimulatedAws Aws, string Cluster, string ServiceName, string RoleArn)> LaunchWithTaskRoleAsync(string trust)
    {
        var aws = new SimulatedAws();
        var network = aws.SeedNetwork("proj");
        var role = await aws.Iam.CreateRoleAsync(new CreateRoleRequest("proj-api-task-role", trust, SimStack.TagsFor("s"), "/fargate-api/"), None);
        var group = await aws.Ec2.CreateSecurityGroupAsync(new("proj-api-ecs-sg", "tasks", network.VpcId, SimStack.TagsFor("s")), None);
        var targetGroup = await aws.ElasticLoadBalancing.CreateTargetGroupAsync(SimStack.TargetGroup("proj-api-tg", network.VpcId), None);
        await aws.ElasticLoadBalancing.CreateRuleAsync(new(network.ListenerArn, 5, [RuleCondition.PathPattern("/api/*")], targetGroup.TargetGroupArn, SimStack.TagsFor("s")), None);
        var definition = await aws.Ecs.RegisterTaskDefinitionAsync(SimStack.TaskDefinition("proj-api-task") with { TaskRoleArn = role.Arn }, None);
        var service = await aws.Ecs.CreateServiceAsync(SimStack.ServiceRequest(network, "proj-api-service", definition.TaskDefinitionArn!, targetGroup.TargetGroupArn, group), None);
        return (aws, network.ClusterName, service.ServiceName!, role.Arn);
    }

    private static async Task<Aws.Services.Ecs.EcsService> PolledAsync(SimulatedAws aws, string cluster, string serviceName)
    {
        Aws.Services.Ecs.EcsService? service = null;
        for (var poll = 0; poll < 4; poll++)
        {
            service = (await aws.Ecs.DescribeServicesAsync(cluster, [serviceName], None)).Services.Single();
        }

        return service!;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("123456789012")]
    public async Task A_role_that_trusts_ecs_tasks_for_this_account_is_assumed(string? sourceAccount)
    {
        var (aws, cluster, serviceName, _) = await LaunchWithTaskRoleAsync(Trust(sourceAccount));

        var service = await PolledAsync(aws, cluster, serviceName);

        Assert.Equal(service.DesiredCount, service.RunningCount);
        Assert.DoesNotContain(service.Events, e => e.Message!.Contains("unable to assume", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_role_that_trusts_ecs_tasks_only_for_another_account_is_never_assumed()
    {
        var (aws, cluster, serviceName, roleArn) = await LaunchWithTaskRoleAsync(Trust("210987654321"));

        var service = await PolledAsync(aws, cluster, serviceName);

        Assert.Equal(0, service.RunningCount);
        Assert.Contains(service.Events, e => e.Message!.Contains($"ECS was unable to assume the role '{roleArn}'", StringComparison.Ordinal));
        Assert.Empty(aws.Stores.Deployments.Tasks);
    }
}
