using FargateApi.Aws.Services.Ec2;
using FargateApi.Aws.Services.Ecs;
using FargateApi.Aws.Services.ElasticLoadBalancing;

namespace FargateApi.Simulation.Tests.Support;

/// <summary>One service stack built through the service interfaces, the way the provisioner builds it.</summary>
internal sealed record SimStack(
    SeededNetwork Network,
    string SecurityGroupId,
    string TargetGroupArn,
    string RuleArn,
    string TaskDefinitionArn,
    string ServiceName)
{
    public const string StackTag = "aws:cloudformation:stack-id";

    public static IReadOnlyDictionary<string, string> TagsFor(string stack) => new Dictionary<string, string> { [StackTag] = stack };

    public static RegisterTaskDefinitionRequest TaskDefinition(string family, string image = "nginx:1.27", string cpu = "256", string memory = "512") => new()
    {
        Family = family,
        Cpu = cpu,
        Memory = memory,
        ExecutionRoleArn = "arn:aws:iam::123456789012:role/fargate-api/exec",
        ContainerDefinitions =
        [
            new ContainerDefinition
            {
                Name = "app",
                Image = image,
                PortMappings = [new EcsPortMapping(8000)],
                LogConfiguration = new EcsLogConfiguration(EcsValues.LogDriverAwsLogs, new Dictionary<string, string> { ["awslogs-group"] = "/ecs/proj/app" }),
            },
        ],
    };

    public static CreateTargetGroupRequest TargetGroup(string name, string vpcId, string path = "/health", string stack = "stack-1") =>
        new(name, 8000, vpcId, new TargetGroupHealthCheck(path, 30, 5, 2, 3, "200"), TagsFor(stack));

    public static async Task<SimStack> CreateAsync(SimulatedAws aws, SeededNetwork network, string name = "api", int priority = 10,
        string image = "nginx:1.27", int desiredCount = 1, bool rollback = true, string stack = "stack-1")
    {
        var ct = CancellationToken.None;
        var tags = TagsFor(stack);
        var group = await aws.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest($"proj-{name}-ecs-sg", "tasks", network.VpcId, tags), ct);
        await aws.Ec2.AuthorizeSecurityGroupIngressAsync(group, [new IpPermission("tcp", 8000, 8000, [new UserIdGroupPair(network.AlbSecurityGroupId)])], ct);
        var targetGroup = await aws.ElasticLoadBalancing.CreateTargetGroupAsync(TargetGroup($"proj-{name}-tg", network.VpcId, stack: stack), ct);
        var rule = await aws.ElasticLoadBalancing.CreateRuleAsync(
            new CreateRuleRequest(network.ListenerArn, priority, [RuleCondition.PathPattern($"/{name}/*")], targetGroup.TargetGroupArn, tags), ct);
        var definition = await aws.Ecs.RegisterTaskDefinitionAsync(TaskDefinition($"proj-{name}-task", image) with { Tags = EcsTag.From(tags) }, ct);
        var service = await aws.Ecs.CreateServiceAsync(ServiceRequest(network, $"proj-{name}-service", definition.TaskDefinitionArn!, targetGroup.TargetGroupArn, group, desiredCount, rollback) with
        {
            Tags = EcsTag.From(tags),
        }, ct);
        return new SimStack(network, group, targetGroup.TargetGroupArn, rule.RuleArn, definition.TaskDefinitionArn!, service.ServiceName!);
    }

    public static CreateServiceRequest ServiceRequest(SeededNetwork network, string name, string taskDefinition, string targetGroupArn, string groupId,
        int desiredCount = 1, bool rollback = true, string clientToken = "token-1") => new()
        {
            Cluster = network.ClusterName,
            ServiceName = name,
            TaskDefinition = taskDefinition,
            DesiredCount = desiredCount,
            ClientToken = clientToken,
            LoadBalancers = [new EcsLoadBalancer(targetGroupArn, "app", 8000)],
            DeploymentConfiguration = new DeploymentConfiguration(new DeploymentCircuitBreaker(true, rollback), 200, 100),
            NetworkConfiguration = new EcsNetworkConfiguration(new AwsVpcConfiguration(network.PrivateSubnetIds, [groupId])),
        };

    public async Task<EcsService> DescribeAsync(SimulatedAws aws)
    {
        var response = await aws.Ecs.DescribeServicesAsync(Network.ClusterName, [ServiceName], CancellationToken.None);
        return Assert.Single(response.Services);
    }

    /// <summary>Describes until <paramref name="done"/> holds; returns how many polls it took (fails after <paramref name="maxPolls"/>).</summary>
    public async Task<int> PollUntilAsync(SimulatedAws aws, Func<EcsService, bool> done, int maxPolls = 20)
    {
        for (var poll = 1; poll <= maxPolls; poll++)
        {
            if (done(await DescribeAsync(aws)))
            {
                return poll;
            }
        }

        Assert.Fail($"not reached after {maxPolls} polls");
        return -1;
    }

    /// <summary>The ServicesStable acceptor: exactly one deployment and runningCount == desiredCount.</summary>
    public static bool IsStable(EcsService service) =>
        service.Status == EcsValues.ServiceActive && service.Deployments.Count == 1 && service.RunningCount == service.DesiredCount;
}
