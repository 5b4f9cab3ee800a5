using FargateApi.Aws.Services;
using FargateApi.Aws.Services.Ecs;

namespace FargateApi.Aws.Tests.Services;

public class EcsClientTests
{
    private readonly RecordingCaller _caller = new();
    private readonly EcsClient _client;

    public EcsClientTests() => _client = new EcsClient(_caller);

    [Fact]
    public async Task Register_task_definition_sends_the_model_member_names_in_camel_case()
    {
        _caller.Answer("""{"taskDefinition":{"taskDefinitionArn":"arn:aws:ecs:eu-west-1:1:task-definition/web:3","family":"web","revision":3,"registeredAt":1700000000.5}}""");

        var registered = await _client.RegisterTaskDefinitionAsync(
            new RegisterTaskDefinitionRequest
            {
                Family = "web",
                TaskRoleArn = "arn:aws:iam::1:role/task",
                ExecutionRoleArn = "arn:aws:iam::1:role/exec",
                Cpu = "512",
                Memory = "1024",
                ContainerDefinitions =
                [
                    new ContainerDefinition
                    {
                        Name = "app",
                        Image = "1.dkr.ecr.eu-west-1.amazonaws.com/app:v1",
                        Essential = true,
                        PortMappings = [new EcsPortMapping(8000)],
                        Environment = [new EcsKeyValuePair("A", "1")],
                        Secrets = [new EcsSecret("S", "arn:aws:ssm:eu-west-1:1:parameter/s")],
                        HealthCheck = new EcsHealthCheck(["CMD-SHELL", "curl -f http://localhost:8000/health || exit 1"], 30, 5, 3, 60),
                        LogConfiguration = new EcsLogConfiguration(EcsValues.LogDriverAwsLogs, new Dictionary<string, string> { ["awslogs-group"] = "/ecs/web" }),
                    },
                ],
                Tags = [new EcsTag("k", "v")],
            },
            CancellationToken.None);

        Assert.Equal("AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition", _caller.Last.Headers["X-Amz-Target"]);
        Assert.Same(AwsServices.Ecs, _caller.Calls[0].Service);
        Assert.Equal(
            """{"family":"web","taskRoleArn":"arn:aws:iam::1:role/task","executionRoleArn":"arn:aws:iam::1:role/exec","networkMode":"awsvpc","containerDefinitions":[{"name":"app","image":"1.dkr.ecr.eu-west-1.amazonaws.com/app:v1","essential":true,"portMappings":[{"containerPort":8000,"protocol":"tcp"}],"environment":[{"name":"A","value":"1"}],"secrets":[{"name":"S","valueFrom":"arn:aws:ssm:eu-west-1:1:parameter/s"}],"healthCheck":{"command":["CMD-SHELL","curl -f http://localhost:8000/health || exit 1"],"interval":30,"timeout":5,"retries":3,"startPeriod":60},"logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/ecs/web"}}}],"requiresCompatibilities":["FARGATE"],"cpu":"512","memory":"1024","tags":[{"key":"k","value":"v"}]}""",
            _caller.LastJson());
        Assert.Equal(3, registered.Revision);
        Assert.Equal(new DateTimeOffset(2023, 11, 14, 22, 13, 20, 500, TimeSpan.Zero), registered.RegisteredAt);
    }

    [Fact]
    public async Task Create_service_sends_fargate_awsvpc_circuit_breaker_and_the_client_token()
    {
        _caller.Answer("""{"service":{"serviceArn":"arn:aws:ecs:eu-west-1:1:service/c/web","serviceName":"web","status":"ACTIVE","desiredCount":2}}""");
        var token = EcsClientToken.FromIdempotencyKey("stack|Web|create-1");

        var service = await _client.CreateServiceAsync(
            new CreateServiceRequest
            {
                Cluster = "c",
                ServiceName = "web",
                TaskDefinition = "web:3",
                DesiredCount = 2,
                ClientToken = token,
                LoadBalancers = [new EcsLoadBalancer("arn:tg", "app", 8000)],
                NetworkConfiguration = new EcsNetworkConfiguration(new AwsVpcConfiguration(["subnet-1"], ["sg-1"])),
                DeploymentConfiguration = new DeploymentConfiguration(new DeploymentCircuitBreaker(true, true), 200, 100),
                HealthCheckGracePeriodSeconds = 60,
                PropagateTags = EcsValues.PropagateTagsFromService,
                EnableECSManagedTags = true,
                EnableExecuteCommand = false,
            },
            CancellationToken.None);

        Assert.Equal(
            $$$"""{"cluster":"c","serviceName":"web","taskDefinition":"web:3","loadBalancers":[{"targetGroupArn":"arn:tg","containerName":"app","containerPort":8000}],"desiredCount":2,"clientToken":"{{{token}}}","launchType":"FARGATE","deploymentConfiguration":{"deploymentCircuitBreaker":{"enable":true,"rollback":true},"maximumPercent":200,"minimumHealthyPercent":100},"networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-1"],"securityGroups":["sg-1"],"assignPublicIp":"DISABLED"}},"healthCheckGracePeriodSeconds":60,"enableECSManagedTags":true,"propagateTags":"SERVICE","enableExecuteCommand":false}""",
            _caller.LastJson());
        Assert.Equal("ACTIVE", service.Status);
        Assert.Equal(2, service.DesiredCount);
    }

    [Fact]
    public void Client_token_is_stable_for_a_key_distinct_across_keys_and_within_the_ecs_limit()
    {
        var first = EcsClientToken.FromIdempotencyKey("stack|Web|create-1");

        Assert.Equal(first, EcsClientToken.FromIdempotencyKey("stack|Web|create-1"));
        Assert.NotEqual(first, EcsClientToken.FromIdempotencyKey("stack|Web|create-2"));
        Assert.InRange(first.Length, 1, EcsLimits.MaxClientTokenLength);
        Assert.All(first, c => Assert.InRange(c, (char)33, (char)126));
    }

    [Fact]
    public async Task Create_service_without_a_client_token_is_refused_before_sending()
    {
        var request = new CreateServiceRequest
        {
            Cluster = "c",
            ServiceName = "web",
            TaskDefinition = "web:3",
            DesiredCount = 1,
            ClientToken = "",
            NetworkConfiguration = new EcsNetworkConfiguration(new AwsVpcConfiguration(["subnet-1"], null)),
        };

        await Assert.ThrowsAsync<ArgumentException>(() => _client.CreateServiceAsync(request, CancellationToken.None));
        Assert.Empty(_caller.Calls);
    }

    [Fact]
    public async Task Update_service_sends_only_what_changes()
    {
        _caller.Answer("""{"service":{"serviceName":"web","taskDefinition":"web:4"}}""");

        var service = await _client.UpdateServiceAsync(new UpdateServiceRequest { Cluster = "c", Service = "web", TaskDefinition = "web:4", ForceNewDeployment = true }, CancellationToken.None);

        Assert.Equal("""{"cluster":"c","service":"web","taskDefinition":"web:4","forceNewDeployment":true}""", _caller.LastJson());
        Assert.Equal("web:4", service.TaskDefinition);
    }

    [Fact]
    public async Task A_service_call_answered_without_a_service_is_reported()
        => await Assert.ThrowsAsync<InvalidDataException>(() => _client.DeleteServiceAsync(new DeleteServiceRequest("c", "web", true), CancellationToken.None));

    [Fact]
    public async Task Describe_services_asks_for_tags_and_reads_deployments_events_and_failures()
    {
        _caller.Answer("""
            {"services":[{"serviceArn":"arn:aws:ecs:eu-west-1:1:service/c/web","serviceName":"web","status":"ACTIVE","desiredCount":2,"runningCount":1,"pendingCount":1,
              "taskDefinition":"arn:td:4","unknownNewMember":{"x":1},"launchType":"FARGATE","healthCheckGracePeriodSeconds":60,"enableExecuteCommand":true,
              "networkConfiguration":{"awsvpcConfiguration":{"subnets":["subnet-1","subnet-2"],"securityGroups":["sg-1"],"assignPublicIp":"DISABLED"}},
              "deploymentConfiguration":{"deploymentCircuitBreaker":{"enable":true,"rollback":true},"maximumPercent":200,"minimumHealthyPercent":100,"strategy":"ROLLING"},
              "deployments":[{"id":"ecs-svc/1","status":"PRIMARY","taskDefinition":"arn:td:4","desiredCount":2,"runningCount":1,"pendingCount":1,"failedTasks":3,"rolloutState":"IN_PROGRESS","rolloutStateReason":"ECS deployment ecs-svc/1 in progress.","createdAt":1700000000}],
              "events":[{"id":"e1","createdAt":1700000100.25,"message":"(service web) has started 1 tasks."}],
              "tags":[{"key":"k","value":"v"}]}],
             "failures":[{"arn":"arn:aws:ecs:eu-west-1:1:service/c/gone","reason":"MISSING"}]}
            """);

        var response = await _client.DescribeServicesAsync("c", ["web", "gone"], CancellationToken.None);

        Assert.Equal("""{"cluster":"c","services":["web","gone"],"include":["TAGS"]}""", _caller.LastJson());
        var service = Assert.Single(response.Services);
        Assert.Equal(["subnet-1", "subnet-2"], service.NetworkConfiguration!.AwsvpcConfiguration.Subnets);
        Assert.Equal(new DeploymentCircuitBreaker(true, true), service.DeploymentConfiguration!.DeploymentCircuitBreaker);
        Assert.Equal((60, true, "FARGATE"), (service.HealthCheckGracePeriodSeconds, service.EnableExecuteCommand, service.LaunchType));
        var deployment = Assert.Single(service.Deployments);
        Assert.Equal((EcsValues.RolloutInProgress, 3, 1), (deployment.RolloutState, deployment.FailedTasks, deployment.RunningCount));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), deployment.CreatedAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_100_250), Assert.Single(service.Events).CreatedAt);
        Assert.Equal(new EcsTag("k", "v"), Assert.Single(service.Tags));
        Assert.Equal(EcsValues.FailureMissing, Assert.Single(response.Failures).Reason);
    }

    [Fact]
    public async Task Describe_task_definition_asks_for_tags_and_reads_them_beside_the_definition()
    {
        _caller.Answer("""
            {"taskDefinition":{"taskDefinitionArn":"arn:aws:ecs:eu-west-1:1:task-definition/web:3","family":"web","revision":3,"status":"ACTIVE"},
             "tags":[{"key":"aws:cloudformation:stack-id","value":"arn:aws:cloudformation:eu-west-1:1:stack/s/1"},{"key":"team","value":"a"}]}
            """);

        var response = await _client.DescribeTaskDefinitionAsync("web:3", CancellationToken.None);

        Assert.Equal("AmazonEC2ContainerServiceV20141113.DescribeTaskDefinition", _caller.Last.Headers["X-Amz-Target"]);
        Assert.Equal("""{"taskDefinition":"web:3","include":["TAGS"]}""", _caller.LastJson());
        Assert.Equal("arn:aws:ecs:eu-west-1:1:task-definition/web:3", response.TaskDefinition!.TaskDefinitionArn);
        Assert.Equal([new EcsTag("aws:cloudformation:stack-id", "arn:aws:cloudformation:eu-west-1:1:stack/s/1"), new EcsTag("team", "a")], response.Tags);
    }

    [Fact]
    public async Task Tagging_more_than_fifty_tags_is_refused_before_sending()
    {
        var tags = Enumerable.Range(0, EcsLimits.MaxTags + 1).Select(i => new EcsTag($"k{i}", "v")).ToArray();

        await Assert.ThrowsAsync<ArgumentException>(() => _client.TagResourceAsync("arn:s", tags, CancellationToken.None));
        Assert.Empty(_caller.Calls);
    }

    [Fact]
    public async Task Describe_services_refuses_more_than_ten_names()
    {
        var names = Enumerable.Range(1, EcsLimits.MaxServicesPerDescribe + 1).Select(i => $"s{i}").ToArray();

        await Assert.ThrowsAsync<ArgumentException>(() => _client.DescribeServicesAsync("c", names, CancellationToken.None));
        Assert.Empty(_caller.Calls);
    }

    [Fact]
    public async Task Describe_tasks_reads_why_a_task_stopped()
    {
        _caller.Answer("""{"tasks":[{"taskArn":"arn:task/1","lastStatus":"STOPPED","stopCode":"EssentialContainerExited","stoppedReason":"Essential container in task exited","stoppedAt":1700000000,"containers":[{"name":"app","lastStatus":"STOPPED","exitCode":137,"reason":"OutOfMemoryError"}]}],"failures":[]}""");

        var response = await _client.DescribeTasksAsync("c", ["arn:task/1"], CancellationToken.None);

        var task = Assert.Single(response.Tasks);
        Assert.Equal("EssentialContainerExited", task.StopCode);
        var container = Assert.Single(task.Containers);
        Assert.Equal((137, "OutOfMemoryError"), (container.ExitCode, container.Reason));
    }

    [Fact]
    public async Task List_all_task_definitions_follows_next_tokens_across_three_pages()
    {
        _caller.Answer("""{"taskDefinitionArns":["td:1","td:2"],"nextToken":"t1"}""")
            .Answer("""{"taskDefinitionArns":["td:3"],"nextToken":"t2"}""")
            .Answer("""{"taskDefinitionArns":["td:4"]}""");

        var arns = await _client.ListAllTaskDefinitionsAsync(new ListTaskDefinitionsRequest { FamilyPrefix = "web", Status = EcsValues.TaskDefinitionActive }, CancellationToken.None).ToListAsync();

        Assert.Equal(["td:1", "td:2", "td:3", "td:4"], arns);
        Assert.Equal(
            [
                """{"familyPrefix":"web","status":"ACTIVE"}""",
                """{"familyPrefix":"web","status":"ACTIVE","nextToken":"t1"}""",
                """{"familyPrefix":"web","status":"ACTIVE","nextToken":"t2"}""",
            ],
            _caller.Calls.Select(c => System.Text.Encoding.UTF8.GetString(c.Request.Body)));
    }

    [Fact]
    public async Task List_all_tasks_filters_stopped_tasks_of_a_service_across_pages()
    {
        _caller.Answer("""{"taskArns":["t1"],"nextToken":"n1"}""").Answer("""{"taskArns":["t2"],"nextToken":"n2"}""").Answer("""{"taskArns":[]}""");

        var arns = await _client.ListAllTasksAsync(new ListTasksRequest { Cluster = "c", ServiceName = "web", DesiredStatus = EcsValues.DesiredStatusStopped }, CancellationToken.None).ToListAsync();

        Assert.Equal(["t1", "t2"], arns);
        Assert.Equal("""{"cluster":"c","serviceName":"web","desiredStatus":"STOPPED","nextToken":"n2"}""", _caller.LastJson());
    }

    [Fact]
    public async Task Tags_round_trip_with_the_model_member_names()
    {
        _caller.Answer("{}").Answer("{}").Answer("""{"tags":[{"key":"a","value":"1"}]}""");

        await _client.TagResourceAsync("arn:s", [new EcsTag("a", "1")], CancellationToken.None);
        Assert.Equal("""{"resourceArn":"arn:s","tags":[{"key":"a","value":"1"}]}""", _caller.LastJson());
        await _client.UntagResourceAsync("arn:s", ["b"], CancellationToken.None);
        Assert.Equal("""{"resourceArn":"arn:s","tagKeys":["b"]}""", _caller.LastJson());
        var tags = await _client.ListTagsForResourceAsync("arn:s", CancellationToken.None);

        Assert.Equal([new EcsTag("a", "1")], tags);
    }
}
