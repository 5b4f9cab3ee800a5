using FargateApi.Desired;
using FargateApi.Properties;

namespace FargateApi.Tests.Desired;

public class DesiredStackTests
{
    private static readonly DesiredStack Stack = Seed.Stack();

    [Fact]
    public void Names_follow_the_seed()
    {
        Assert.Equal("myproj-app-api-task", Stack.TaskDefinition.Family);
        Assert.Equal("myproj-app-api-service", Stack.Service.Name);
        Assert.Equal("myproj-app-api-tg", Stack.TargetGroup.Name);
        Assert.Equal("myproj-app-api-ecs-sg", Stack.SecurityGroup.Name);
        Assert.Equal("/ecs/myproj/app-api", Stack.LogGroup.Name);
        Assert.Equal("app-api", Stack.TaskDefinition.Container.Name);
        Assert.Equal("myproj-app-api-task-role", Stack.TaskRole!.Name);
        Assert.Equal("myproj-app-api-exec-role", Stack.ExecutionRole!.Name);
        Assert.Equal("arn:aws:iam::123456789012:role/fargate-api/myproj-app-api-exec-role", Stack.ExecutionRole.Arn);
        Assert.Equal("/fargate-api/", Stack.TaskRole.Path);
    }

    [Fact]
    public void Physical_id_is_the_service_arn()
    {
        Assert.Equal("arn:aws:ecs:us-east-1:123456789012:service/myproj-cluster/myproj-app-api-service", Stack.PhysicalResourceId);
    }

    [Fact]
    public void Task_definition_carries_the_seed_defaults()
    {
        var task = Stack.TaskDefinition;
        Assert.Equal(("512", "1024", "awsvpc", "FARGATE"), (task.Cpu, task.Memory, task.NetworkMode, task.RequiresCompatibilities));
        Assert.Equal(Stack.ExecutionRole!.Arn, task.ExecutionRoleArn);
        Assert.Equal(Stack.TaskRole!.Arn, task.TaskRoleArn);

        var container = task.Container;
        Assert.True(container.Essential);
        Assert.Equal((8000, "tcp"), (container.ContainerPort, container.Protocol));
        Assert.Equal(ValueList.Of("CMD-SHELL", "curl -f http://localhost:8000/health || exit 1"), container.HealthCheck.Command);
        Assert.Equal((30, 5, 3, 60), (container.HealthCheck.IntervalSeconds, container.HealthCheck.TimeoutSeconds, container.HealthCheck.Retries, container.HealthCheck.StartPeriodSeconds));
    }

    [Fact]
    public void Environment_is_sorted_by_name()
    {
        Assert.Equal(["AWS_REGION", "DYNAMODB_USER_QUOTAS_TABLE", "PROJECT_PREFIX"], Stack.TaskDefinition.Container.Environment.Keys);
    }

    [Fact]
    public void Awslogs_options_name_group_region_and_stream_prefix()
    {
        Assert.Equal("awslogs", Stack.TaskDefinition.Container.LogDriver);
        Assert.Equal(
            ValueMap.Of(("awslogs-group", "/ecs/myproj/app-api"), ("awslogs-region", "us-east-1"), ("awslogs-stream-prefix", "app-api")),
            Stack.TaskDefinition.Container.LogOptions);
        Assert.Equal((7, RemovalPolicy.Destroy), (Stack.LogGroup.RetentionDays, Stack.LogGroup.RemovalPolicy));
    }

    [Fact]
    public void Ecr_image_uri_is_built_from_account_region_repository_and_tag()
    {
        Assert.Equal("123456789012.dkr.ecr.us-east-1.amazonaws.com/myproj/app-api:latest", Stack.TaskDefinition.Container.Image);
    }

    [Fact]
    public void Ecr_image_uri_in_china_ends_in_com_cn_and_arns_use_the_cn_partition()
    {
        var china = Seed.Stack(aws: new AwsEnvironment("aws-cn", "cn-north-1", Seed.Account));

        Assert.Equal("123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/myproj/app-api:latest", china.TaskDefinition.Container.Image);
        Assert.Contains("arn:aws-cn:ecr:cn-north-1:123456789012:repository/myproj/app-api", china.ExecutionRole!.PolicyDocument, StringComparison.Ordinal);
        Assert.StartsWith("arn:aws-cn:iam::123456789012:role/", china.TaskRole!.Arn, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_image_uri_is_used_as_is_and_ecr_pull_is_granted_only_for_ecr_uris()
    {
        var ecr = Seed.Stack(Seed.Properties with { Image = new ContainerImage("999999999999.dkr.ecr.eu-west-1.amazonaws.com/team/web@sha256:abc", "", "") });
        var hub = Seed.Stack(Seed.Properties with { Image = new ContainerImage("public.example.com/nginx:1.27", "", "") });

        Assert.Equal("999999999999.dkr.ecr.eu-west-1.amazonaws.com/team/web@sha256:abc", ecr.TaskDefinition.Container.Image);
        Assert.Equal(
            ValueList.Of("arn:aws:ecr:eu-west-1:999999999999:repository/team/web"),
            ecr.ExecutionRole!.Statements.Single(statement => statement.Sid == "EcrPull").Resources);
        Assert.Equal("public.example.com/nginx:1.27", hub.TaskDefinition.Container.Image);
        Assert.DoesNotContain(hub.ExecutionRole!.Statements, statement => statement.Sid.StartsWith("Ecr", StringComparison.Ordinal));
    }

    [Fact]
    public void No_roles_are_made_when_their_arns_are_given()
    {
        var stack = Seed.Stack(Seed.Properties with
        {
            TaskRoleArn = "arn:aws:iam::123456789012:role/mine-task",
            ExecutionRoleArn = "arn:aws:iam::123456789012:role/mine-exec",
        });

        Assert.Null(stack.TaskRole);
        Assert.Null(stack.ExecutionRole);
        Assert.Equal("arn:aws:iam::123456789012:role/mine-task", stack.TaskDefinition.TaskRoleArn);
        Assert.Equal("arn:aws:iam::123456789012:role/mine-exec", stack.TaskDefinition.ExecutionRoleArn);
    }

    [Fact]
    public void Security_group_admits_only_the_load_balancer_on_the_container_port()
    {
        var group = Stack.SecurityGroup;
        Assert.Equal(("vpc-0abc", "Security group for app-api ECS tasks", true), (group.VpcId, group.Description, group.AllowAllOutbound));
        Assert.Equal(new DesiredIngressRule("tcp", 8000, 8000, "sg-0alb", "Allow traffic from ALB"), group.Ingress);
    }

    [Fact]
    public void Target_group_matches_the_seed()
    {
        var group = Stack.TargetGroup;
        Assert.Equal(("HTTP", 8000, "vpc-0abc", "ip"), (group.Protocol, group.Port, group.VpcId, group.TargetType));
        Assert.Equal(new DesiredTargetHealthCheck(true, "HTTP", "traffic-port", "/health", 30, 5, 2, 3, "200"), group.HealthCheck);
        Assert.Equal(ValueMap.Of(("deregistration_delay.timeout_seconds", "30")), group.Attributes);
    }

    [Fact]
    public void Listener_rule_forwards_the_paths_to_the_target_group()
    {
        var rule = Stack.ListenerRule;
        Assert.Equal((Seed.ListenerArn, 1), (rule.ListenerArn, rule.Priority));
        Assert.Equal(ValueList.Of("/api/*"), rule.PathPatterns);
        Assert.Empty(rule.HostHeaders);
        Assert.Equal(OutputRef.TargetGroupArn, rule.ForwardTo);
    }

    [Fact]
    public void Service_runs_private_with_circuit_breaker_and_propagated_tags()
    {
        var service = Stack.Service;
        Assert.Equal(("myproj-cluster", 2, "FARGATE", "DISABLED", "SERVICE"), (service.Cluster, service.DesiredCount, service.LaunchType, service.AssignPublicIp, service.PropagateTags));
        Assert.Equal(ValueList.Of("subnet-0a", "subnet-0b"), service.Subnets);
        Assert.Equal(ValueList.Of(OutputRef.SecurityGroupId), service.SecurityGroups);
        Assert.Equal(new DesiredServiceLoadBalancer("app-api", 8000, OutputRef.TargetGroupArn), service.LoadBalancer);
        Assert.Equal(new DesiredDeployment(100, 200, true, true), service.Deployment);
        Assert.Equal(60, service.HealthCheckGracePeriodSeconds);
        Assert.True(service.EnableExecuteCommand);
    }

    [Fact]
    public void Scaling_has_three_target_tracking_policies_with_cooldowns()
    {
        var scaling = Stack.Scaling!;
        Assert.Equal(("ecs", "service/myproj-cluster/myproj-app-api-service", "ecs:service:DesiredCount", 2, 10), (scaling.ServiceNamespace, scaling.ResourceId, scaling.ScalableDimension, scaling.MinCapacity, scaling.MaxCapacity));
        Assert.Equal(
            [("ECSServiceAverageCPUUtilization", 70), ("ECSServiceAverageMemoryUtilization", 80), ("ALBRequestCountPerTarget", 1000)],
            scaling.Policies.Select(policy => (policy.PredefinedMetricType, policy.TargetValue)));
        Assert.All(scaling.Policies, policy => Assert.Equal((60, 60), (policy.ScaleInCooldownSeconds, policy.ScaleOutCooldownSeconds)));
    }

    [Fact]
    public void Request_count_resource_label_refers_to_the_target_group_until_it_exists()
    {
        var label = Stack.Scaling!.Policies.Single(policy => policy.PredefinedMetricType == DesiredScalingPolicy.RequestCount).ResourceLabel!;

        Assert.Equal(OutputRef.TargetGroupArn, label.TargetGroupArn);
        Assert.Equal("app/myproj-alb/50dc6c495c0c9188/targetgroup/<TargetGroup.Arn>", label.ToString());
        Assert.Equal(
            "app/myproj-alb/50dc6c495c0c9188/targetgroup/myproj-app-api-tg/943f017f100becff",
            label.Resolve("arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/myproj-app-api-tg/943f017f100becff"));
    }

    [Fact]
    public void No_auto_scaling_means_no_scaling()
    {
        Assert.Null(Seed.Stack(Seed.Properties with { AutoScaling = null }).Scaling);
    }

    [Fact]
    public void Every_taggable_resource_carries_user_and_ownership_tags()
    {
        var stack = Seed.Stack(Seed.Properties with { Tags = new Dictionary<string, string> { ["team"] = "core" } });
        var expected = ValueMap.Of(
            ("team", "core"),
            ("fargate-api:stack-id", Seed.StackId),
            ("fargate-api:logical-id", "AppApi"),
            ("fargate-api:managed-by", "fargate-api"),
            ("fargate-api:generation", "0"));

        ValueMap[] all =
        [
            stack.LogGroup.Tags, stack.TaskDefinition.Tags, stack.SecurityGroup.Tags,
            stack.TargetGroup.Tags, stack.ListenerRule.Tags, stack.Service.Tags, stack.Scaling!.Tags,
        ];
        Assert.All(all, tags => Assert.Equal(expected, tags));

        // The roles also carry the project prefix, which the permissions boundary reads (template.yaml TaskRoleBoundary).
        var roles = expected.With([KeyValuePair.Create("fargate-api:project-prefix", "myproj")]);
        Assert.Equal(roles, stack.ExecutionRole!.Tags);
        Assert.Equal(roles, stack.TaskRole!.Tags);
    }

    [Fact]
    public void The_roles_project_prefix_tag_is_the_stacks_whatever_the_user_tags_say()
    {
        // Validation refuses user tags starting with "fargate-api:" (RuleTests); the derivation does not rely on it.
        var stack = Seed.Stack(Seed.Properties with
        {
            ProjectPrefix = "acme",
            Tags = new Dictionary<string, string> { ["fargate-api:project-prefix"] = "globex" },
        });

        Assert.Equal("acme", stack.TaskRole!.Tags["fargate-api:project-prefix"]);
        Assert.Equal("acme", stack.ExecutionRole!.Tags["fargate-api:project-prefix"]);
        Assert.Equal(Ownership.RoleTagCount, stack.TaskRole.Tags.Count);
    }

    [Fact]
    public void Ownership_tags_win_over_user_tags_with_the_same_key()
    {
        var stack = Seed.Stack(Seed.Properties with { Tags = new Dictionary<string, string> { ["fargate-api:managed-by"] = "someone-else" } });

        Assert.Equal("fargate-api", stack.Service.Tags["fargate-api:managed-by"]);
    }

    [Fact]
    public void Next_generation_renames_everything_except_the_log_group()
    {
        var next = Seed.Stack(generation: 1);

        Assert.Equal("myproj-app-api-service-g1", next.Service.Name);
        Assert.Equal("myproj-app-api-tg-g1", next.TargetGroup.Name);
        Assert.Equal("service/myproj-cluster/myproj-app-api-service-g1", next.Scaling!.ResourceId);
        Assert.Equal("1", next.Service.Tags["fargate-api:generation"]);
        Assert.Equal(Stack.LogGroup.Name, next.LogGroup.Name);
        Assert.NotEqual(Stack.PhysicalResourceId, next.PhysicalResourceId);
        Assert.Equal(next, Stack.AtGeneration(1));
    }
}
