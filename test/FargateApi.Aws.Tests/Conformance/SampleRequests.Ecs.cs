using FargateApi.Aws.Services.Ecs;

namespace FargateApi.Aws.Tests.Conformance;

/// <summary>ECS calls with every member our request records can carry set to a realistic value.</summary>
internal static partial class SampleRequests
{
    private const string Account = "123456789012";
    private const string Region = "us-east-1";
    private const string Cluster = "arn:aws:ecs:us-east-1:123456789012:cluster/default";
    private const string ServiceArn = "arn:aws:ecs:us-east-1:123456789012:service/default/web";
    private const string TaskDefinitionArn = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:3";
    private const string TaskArn = "arn:aws:ecs:us-east-1:123456789012:task/default/0123456789abcdef0123456789abcdef";
    private const string TargetGroupArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef";
    private const string TaskRoleArn = "arn:aws:iam::123456789012:role/web-task";
    private const string ExecutionRoleArn = "arn:aws:iam::123456789012:role/web-execution";

    private static readonly IReadOnlyList<EcsTag> EcsTags = [new("fargate-api:stack", "demo"), new("Name", "web")];

    private static readonly EcsNetworkConfiguration EcsNetwork = new(new AwsVpcConfiguration(["subnet-0a1b2c3d", "subnet-4e5f6a7b"], ["sg-0a1b2c3d"], EcsValues.AssignPublicIpDisabled));

    private static readonly DeploymentConfiguration EcsDeployment = new(new DeploymentCircuitBreaker(true, true), 200, 100);

    private static ConformanceCase Ecs(string operation, string method, Func<IEcsClient, CancellationToken, Task> call, params string[] mayStayEmpty) =>
        ConformanceCase.Of<IEcsClient>("ecs", operation, method, caller => new EcsClient(caller), call, mayStayEmpty);

    private static IEnumerable<ConformanceCase> EcsCases() =>
    [
        Ecs("RegisterTaskDefinition", nameof(IEcsClient.RegisterTaskDefinitionAsync), (c, ct) => c.RegisterTaskDefinitionAsync(
            new RegisterTaskDefinitionRequest
            {
                Family = "web",
                TaskRoleArn = TaskRoleArn,
                ExecutionRoleArn = ExecutionRoleArn,
                ContainerDefinitions =
                [
                    new ContainerDefinition
                    {
                        Name = "web",
                        Image = "123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1.4.2",
                        Essential = true,
                        PortMappings = [new EcsPortMapping(8080)],
                        Environment = [new EcsKeyValuePair("STAGE", "prod"), new EcsKeyValuePair("PORT", "8080")],
                        Secrets = [new EcsSecret("DB_PASSWORD", "arn:aws:ssm:us-east-1:123456789012:parameter/web/db-password")],
                        HealthCheck = new EcsHealthCheck(["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"], 30, 5, 3, 60),
                        LogConfiguration = new EcsLogConfiguration(EcsValues.LogDriverAwsLogs, new Dictionary<string, string>
                        {
                            ["awslogs-group"] = "/ecs/web",
                            ["awslogs-region"] = Region,
                            ["awslogs-stream-prefix"] = "web",
                        }),
                    },
                ],
                Cpu = "512",
                Memory = "1024",
                Tags = EcsTags,
                RuntimePlatform = new EcsRuntimePlatform(EcsValues.CpuArm64, EcsValues.OsLinux),
            }, ct)),
        Ecs("DescribeTaskDefinition", nameof(IEcsClient.DescribeTaskDefinitionAsync), (c, ct) => c.DescribeTaskDefinitionAsync(TaskDefinitionArn, ct)),
        Ecs("DeregisterTaskDefinition", nameof(IEcsClient.DeregisterTaskDefinitionAsync), (c, ct) => c.DeregisterTaskDefinitionAsync(TaskDefinitionArn, ct)),
        Ecs("ListTaskDefinitions", nameof(IEcsClient.ListTaskDefinitionsAsync), (c, ct) => c.ListTaskDefinitionsAsync(
            new ListTaskDefinitionsRequest { FamilyPrefix = "web", Status = EcsValues.TaskDefinitionActive, NextToken = "token-1", MaxResults = 100 }, ct)),
        Ecs("CreateService", nameof(IEcsClient.CreateServiceAsync), (c, ct) => c.CreateServiceAsync(
            new CreateServiceRequest
            {
                Cluster = Cluster,
                ServiceName = "web",
                TaskDefinition = TaskDefinitionArn,
                LoadBalancers = [new EcsLoadBalancer(TargetGroupArn, "web", 8080)],
                DesiredCount = 2,
                ClientToken = EcsClientToken.FromIdempotencyKey("stack/demo|WebService|web|request-1"),
                PlatformVersion = "LATEST",
                DeploymentConfiguration = EcsDeployment,
                NetworkConfiguration = EcsNetwork,
                HealthCheckGracePeriodSeconds = 60,
                Tags = EcsTags,
                EnableECSManagedTags = true,
                PropagateTags = EcsValues.PropagateTagsFromService,
                EnableExecuteCommand = false,
            }, ct)),
        Ecs("UpdateService", nameof(IEcsClient.UpdateServiceAsync), (c, ct) => c.UpdateServiceAsync(
            new UpdateServiceRequest
            {
                Cluster = Cluster,
                Service = "web",
                DesiredCount = 3,
                TaskDefinition = TaskDefinitionArn,
                DeploymentConfiguration = EcsDeployment,
                NetworkConfiguration = EcsNetwork,
                ForceNewDeployment = true,
                HealthCheckGracePeriodSeconds = 90,
                EnableExecuteCommand = true,
            }, ct)),
        Ecs("DeleteService", nameof(IEcsClient.DeleteServiceAsync), (c, ct) => c.DeleteServiceAsync(new DeleteServiceRequest(Cluster, "web", true), ct)),
        Ecs("DescribeServices", nameof(IEcsClient.DescribeServicesAsync), (c, ct) => c.DescribeServicesAsync(Cluster, ["web", ServiceArn], ct)),
        Ecs("ListTasks", nameof(IEcsClient.ListTasksAsync), (c, ct) => c.ListTasksAsync(
            new ListTasksRequest { Cluster = Cluster, ServiceName = "web", DesiredStatus = EcsValues.DesiredStatusStopped, NextToken = "token-1", MaxResults = 100 }, ct)),
        Ecs("DescribeTasks", nameof(IEcsClient.DescribeTasksAsync), (c, ct) => c.DescribeTasksAsync(Cluster, [TaskArn], ct)),
        Ecs("TagResource", nameof(IEcsClient.TagResourceAsync), (c, ct) => c.TagResourceAsync(ServiceArn, EcsTags, ct)),
        Ecs("UntagResource", nameof(IEcsClient.UntagResourceAsync), (c, ct) => c.UntagResourceAsync(ServiceArn, ["fargate-api:old", "Name"], ct)),
        Ecs("ListTagsForResource", nameof(IEcsClient.ListTagsForResourceAsync), (c, ct) => c.ListTagsForResourceAsync(ServiceArn, ct)),
    ];
}
