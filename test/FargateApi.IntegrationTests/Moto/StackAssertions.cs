using System.Text.Json;

namespace FargateApi.IntegrationTests.Moto;

/// <summary>What one generation of the stack should look like in moto, for the values the tests vary.</summary>
public sealed record ExpectedStack(SeededNetwork Network, string StackId, int Generation, string ImageTag, int ContainerPort, string HealthCheckPath, int LogRetentionDays)
{
    /// <summary>The log group is shared by the generations (one name): its tags name the generation that serves.</summary>
    public int LogGroupGeneration { get; init; } = Generation;

    /// <summary>The target group keeps the port it was made with when ContainerPort changes in place (a copy keeps it).</summary>
    public int TargetGroupPort { get; init; } = ContainerPort;

    private string Suffix => Generation == 0 ? string.Empty : $"-g{Generation}";

    public string Base => $"{Network.Prefix}-api";

    public string ServiceName => $"{Base}-service{Suffix}";

    public string ServiceArn => $"arn:aws:ecs:{MotoServer.Region}:{MotoServer.Account}:service/{Network.ClusterName}/{ServiceName}";

    public string TaskFamily => $"{Base}-task{Suffix}";

    public string TaskRole => $"{Base}-task-role{Suffix}";

    public string ExecutionRole => $"{Base}-exec-role{Suffix}";

    public string SecurityGroup => $"{Base}-ecs-sg{Suffix}";

    public string TargetGroup => $"{Base}-tg{Suffix}";

    public string LogGroup => $"/ecs/{Network.Prefix}/api";

    public string ScalableResourceId => $"service/{Network.ClusterName}/{ServiceName}";

    public string Image => $"{MotoServer.Account}.dkr.ecr.{MotoServer.Region}.amazonaws.com/{Network.Prefix}/api:{ImageTag}";
}

/// <summary>Checks moto's state (and, for fields moto drops, the recorded requests) against <see cref="CloudFormationEvents.Properties"/>.</summary>
public static class StackAssertions
{
    /// <summary>Every resource of the generation exists with the declared values and our ownership tags; returns the task definition ARN in use.</summary>
    public static string AssertGeneration(StackState state, ExpectedStack expected, JsonElement data)
    {
        var service = state.ActiveService(expected.ServiceName);
        AssertOwned(service, expected);
        Assert.Equal(expected.ServiceArn, service.GetProperty("serviceArn").GetString());
        Assert.Equal(2, service.GetProperty("desiredCount").GetInt32());
        Assert.Equal("FARGATE", service.GetProperty("launchType").GetString());
        var vpcConfig = service.GetProperty("networkConfiguration").GetProperty("awsvpcConfiguration");
        Assert.Equal(expected.Network.SubnetIds, Strings(vpcConfig.GetProperty("subnets")));
        Assert.Equal("DISABLED", vpcConfig.GetProperty("assignPublicIp").GetString());
        var securityGroup = state.SecurityGroup(expected.SecurityGroup);
        Assert.Equal([securityGroup.GetProperty("GroupId").GetString()!], Strings(vpcConfig.GetProperty("securityGroups")));
        var targetGroup = state.TargetGroup(expected.TargetGroup);
        var balancer = Assert.Single(service.GetProperty("loadBalancers").EnumerateArray());
        Assert.Equal(targetGroup.GetProperty("TargetGroupArn").GetString(), balancer.GetProperty("targetGroupArn").GetString());
        Assert.Equal("api", balancer.GetProperty("containerName").GetString());
        Assert.Equal(expected.ContainerPort, balancer.GetProperty("containerPort").GetInt32());

        var taskDefinitionArn = service.GetProperty("taskDefinition").GetString()!;
        AssertTaskDefinition(state.TaskDefinition(taskDefinitionArn), expected);
        AssertRoles(state, expected);
        AssertSecurityGroup(securityGroup, expected);
        AssertTargetGroup(targetGroup, expected);
        AssertLogGroup(state.LogGroup(expected.LogGroup), expected);
        AssertScaling(state, expected, targetGroup);

        Assert.Equal(expected.ServiceArn, data.GetProperty("ServiceArn").GetString());
        Assert.Equal(taskDefinitionArn, data.GetProperty("TaskDefinitionArn").GetString());
        Assert.Equal(targetGroup.GetProperty("TargetGroupArn").GetString(), data.GetProperty("TargetGroupArn").GetString());
        Assert.Equal(securityGroup.GetProperty("GroupId").GetString(), data.GetProperty("SecurityGroupId").GetString());
        Assert.Equal(expected.LogGroup, data.GetProperty("LogGroupName").GetString());
        return taskDefinitionArn;
    }

    /// <summary>The rule holding the declared priority 10 forwards /api/* to this generation's target group.</summary>
    public static JsonElement AssertServingRule(StackState state, ExpectedStack expected, JsonElement data)
    {
        var rule = state.Rule(data.GetProperty("ListenerRuleArn").GetString()!);
        AssertOwned(rule, expected);
        Assert.Equal("10", rule.GetProperty("Priority").GetString());
        var condition = Assert.Single(rule.GetProperty("Conditions").EnumerateArray());
        Assert.Equal("path-pattern", condition.GetProperty("Field").GetString());
        Assert.Equal(["/api/*"], Strings(condition.GetProperty("PathPatternConfig").GetProperty("Values")));
        var action = Assert.Single(rule.GetProperty("Actions").EnumerateArray());
        Assert.Equal("forward", action.GetProperty("Type").GetString());
        Assert.Equal(state.TargetGroup(expected.TargetGroup).GetProperty("TargetGroupArn").GetString(), action.GetProperty("TargetGroupArn").GetString());
        return rule;
    }

    /// <summary>
    /// Nothing of the stack is left: nothing carries its ownership tag, and nothing carries its names (the seed's
    /// cluster, load balancer, listener and security group stay).
    /// </summary>
    /// <param name="foreignRules">Rules on the listener that the seed put there (not ours, they stay).</param>
    public static void AssertNothingLeft(StackState state, SeededNetwork network, int foreignRules = 0)
    {
        foreach (var kind in new[] { "services", "taskDefinitions", "logGroups", "roles", "securityGroups", "targetGroups", "rules" })
        {
            Assert.True(state.Ours(kind).Count == 0, $"Left behind ({kind}, by ownership tag): {string.Join(", ", state.Ours(kind))}");
        }

        Assert.All(state.All("services"), service => Assert.NotEqual("ACTIVE", service.GetProperty("status").GetString()));
        Assert.Empty(state.All("taskDefinitions"));
        Assert.Empty(state.All("logGroups"));
        Assert.Empty(state.All("roles"));
        Assert.Empty(state.All("targetGroups"));
        Assert.Equal(foreignRules, state.All("rules").Count);
        Assert.Equal(
            new[] { $"{network.Prefix}-alb", "default" }.Order(StringComparer.Ordinal),
            state.All("securityGroups").Select(group => group.GetProperty("GroupName").GetString()!).Order(StringComparer.Ordinal));
        var resourcePrefix = $"service/{network.ClusterName}/";
        Assert.DoesNotContain(state.All("scalableTargets"), target => target.GetProperty("ResourceId").GetString()!.StartsWith(resourcePrefix, StringComparison.Ordinal));
        Assert.DoesNotContain(state.All("scalingPolicies"), policy => policy.GetProperty("ResourceId").GetString()!.StartsWith(resourcePrefix, StringComparison.Ordinal));
    }

    /// <summary>Our four ownership tags and the user's tag.</summary>
    public static void AssertOwned(JsonElement resource, ExpectedStack expected)
    {
        var tags = StackState.Tags(resource);
        Assert.Equal(expected.StackId, tags.GetValueOrDefault(StackState.StackIdTag));
        Assert.Equal(CloudFormationEvents.LogicalResourceId, tags.GetValueOrDefault("fargate-api:logical-id"));
        Assert.Equal("fargate-api", tags.GetValueOrDefault("fargate-api:managed-by"));
        Assert.Equal(expected.Generation.ToString(System.Globalization.CultureInfo.InvariantCulture), tags.GetValueOrDefault("fargate-api:generation"));
        Assert.Equal("platform", tags.GetValueOrDefault("team"));
    }

    public static IReadOnlyList<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(item => item.GetString()!)];

    private static void AssertTaskDefinition(JsonElement definition, ExpectedStack expected)
    {
        AssertOwned(definition, expected);
        Assert.Equal(expected.TaskFamily, definition.GetProperty("family").GetString());
        Assert.Equal("256", definition.GetProperty("cpu").GetString());
        Assert.Equal("512", definition.GetProperty("memory").GetString());
        Assert.Equal("awsvpc", definition.GetProperty("networkMode").GetString());
        Assert.Equal(["FARGATE"], Strings(definition.GetProperty("requiresCompatibilities")));
        Assert.Equal(RoleArn(expected.TaskRole), definition.GetProperty("taskRoleArn").GetString());
        Assert.Equal(RoleArn(expected.ExecutionRole), definition.GetProperty("executionRoleArn").GetString());
        var container = Assert.Single(definition.GetProperty("containerDefinitions").EnumerateArray());
        Assert.Equal("api", container.GetProperty("name").GetString());
        Assert.Equal(expected.Image, container.GetProperty("image").GetString());
        Assert.True(container.GetProperty("essential").GetBoolean());
        var port = Assert.Single(container.GetProperty("portMappings").EnumerateArray());
        Assert.Equal(expected.ContainerPort, port.GetProperty("containerPort").GetInt32());
        Assert.Equal("tcp", port.GetProperty("protocol").GetString());
        var variable = Assert.Single(container.GetProperty("environment").EnumerateArray());
        Assert.Equal(("MODE", "test"), (variable.GetProperty("name").GetString(), variable.GetProperty("value").GetString()));
        var secret = Assert.Single(container.GetProperty("secrets").EnumerateArray());
        Assert.Equal(("DB_PASSWORD", CloudFormationEvents.SecretArn(expected.Network.Prefix)), (secret.GetProperty("name").GetString(), secret.GetProperty("valueFrom").GetString()));
        var health = container.GetProperty("healthCheck");
        Assert.Equal(["CMD-SHELL", "curl -f http://localhost:8000/health || exit 1"], Strings(health.GetProperty("command")));
        Assert.Equal((30, 5, 3, 60), (health.GetProperty("interval").GetInt32(), health.GetProperty("timeout").GetInt32(), health.GetProperty("retries").GetInt32(), health.GetProperty("startPeriod").GetInt32()));
        var logging = container.GetProperty("logConfiguration");
        Assert.Equal("awslogs", logging.GetProperty("logDriver").GetString());
        var options = logging.GetProperty("options");
        Assert.Equal(expected.LogGroup, options.GetProperty("awslogs-group").GetString());
        Assert.Equal(MotoServer.Region, options.GetProperty("awslogs-region").GetString());
        Assert.Equal("api", options.GetProperty("awslogs-stream-prefix").GetString());
    }

    private static void AssertRoles(StackState state, ExpectedStack expected)
    {
        var taskRole = state.Role(expected.TaskRole);
        var executionRole = state.Role(expected.ExecutionRole);
        foreach (var role in new[] { taskRole, executionRole })
        {
            AssertOwned(role, expected);

            // The permissions boundary reads it (template.yaml TaskRoleBoundary, ${aws:PrincipalTag/fargate-api:project-prefix}).
            Assert.Equal(expected.Network.Prefix, StackState.Tags(role).GetValueOrDefault("fargate-api:project-prefix"));
            var trust = Assert.Single(role.GetProperty("AssumeRolePolicyDocument").GetProperty("Statement").EnumerateArray());
            Assert.Equal("ecs-tasks.amazonaws.com", trust.GetProperty("Principal").GetProperty("Service").GetString());
            Assert.Equal("sts:AssumeRole", trust.GetProperty("Action").GetString());
            Assert.Empty(role.GetProperty("attachedPolicies").EnumerateArray());
        }

        var prefix = expected.Network.Prefix;
        var taskPolicy = PolicyText(taskRole);
        Assert.Contains($"arn:aws:dynamodb:{MotoServer.Region}:{MotoServer.Account}:table/{prefix}-items", taskPolicy, StringComparison.Ordinal);
        Assert.Contains($"arn:aws:s3:::{prefix}-files/*", taskPolicy, StringComparison.Ordinal);
        Assert.Contains("ssmmessages:CreateControlChannel", taskPolicy, StringComparison.Ordinal); // ECS Exec
        var executionPolicy = PolicyText(executionRole);
        Assert.Contains($"arn:aws:logs:{MotoServer.Region}:{MotoServer.Account}:log-group:{expected.LogGroup}:*", executionPolicy, StringComparison.Ordinal);
        Assert.Contains($"arn:aws:ecr:{MotoServer.Region}:{MotoServer.Account}:repository/{prefix}/api", executionPolicy, StringComparison.Ordinal);
        Assert.Contains("secretsmanager:GetSecretValue", executionPolicy, StringComparison.Ordinal);
        Assert.Contains(CloudFormationEvents.SecretArn(prefix), executionPolicy, StringComparison.Ordinal);
    }

    private static void AssertSecurityGroup(JsonElement group, ExpectedStack expected)
    {
        AssertOwned(group, expected);
        Assert.Equal(expected.Network.VpcId, group.GetProperty("VpcId").GetString());
        var ingress = Assert.Single(group.GetProperty("IpPermissions").EnumerateArray());
        Assert.Equal(("tcp", expected.ContainerPort, expected.ContainerPort), (ingress.GetProperty("IpProtocol").GetString(), ingress.GetProperty("FromPort").GetInt32(), ingress.GetProperty("ToPort").GetInt32()));
        Assert.Empty(ingress.GetProperty("IpRanges").EnumerateArray());
        var source = Assert.Single(ingress.GetProperty("UserIdGroupPairs").EnumerateArray());
        Assert.Equal(expected.Network.LoadBalancerSecurityGroupId, source.GetProperty("GroupId").GetString());
    }

    private static void AssertTargetGroup(JsonElement group, ExpectedStack expected)
    {
        AssertOwned(group, expected);
        Assert.Equal(("HTTP", expected.TargetGroupPort, "ip"), (group.GetProperty("Protocol").GetString(), group.GetProperty("Port").GetInt32(), group.GetProperty("TargetType").GetString()));
        Assert.Equal(expected.Network.VpcId, group.GetProperty("VpcId").GetString());
        Assert.Equal(expected.HealthCheckPath, group.GetProperty("HealthCheckPath").GetString());
        Assert.Equal((20, 5, 2, 3), (group.GetProperty("HealthCheckIntervalSeconds").GetInt32(), group.GetProperty("HealthCheckTimeoutSeconds").GetInt32(), group.GetProperty("HealthyThresholdCount").GetInt32(), group.GetProperty("UnhealthyThresholdCount").GetInt32()));
        Assert.Equal("200-299", group.GetProperty("Matcher").GetProperty("HttpCode").GetString());
        Assert.Equal("15", group.GetProperty("attributes").GetProperty("deregistration_delay.timeout_seconds").GetString());
    }

    private static void AssertLogGroup(JsonElement group, ExpectedStack expected)
    {
        AssertOwned(group, expected with { Generation = expected.LogGroupGeneration });
        Assert.Equal(expected.LogRetentionDays, group.GetProperty("retentionInDays").GetInt32());
    }

    private static void AssertScaling(StackState state, ExpectedStack expected, JsonElement targetGroup)
    {
        var target = Assert.Single(state.ScalableTargets(expected.ScalableResourceId));
        Assert.Equal(("ecs:service:DesiredCount", 1, 4), (target.GetProperty("ScalableDimension").GetString(), target.GetProperty("MinCapacity").GetInt32(), target.GetProperty("MaxCapacity").GetInt32()));
        var policies = state.ScalingPolicies(expected.ScalableResourceId)
            .Select(policy => policy.GetProperty("TargetTrackingScalingPolicyConfiguration"))
            .ToDictionary(config => config.GetProperty("PredefinedMetricSpecification").GetProperty("PredefinedMetricType").GetString()!);
        Assert.Equal(["ALBRequestCountPerTarget", "ECSServiceAverageCPUUtilization", "ECSServiceAverageMemoryUtilization"], policies.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(70, policies["ECSServiceAverageCPUUtilization"].GetProperty("TargetValue").GetDouble());
        Assert.Equal(80, policies["ECSServiceAverageMemoryUtilization"].GetProperty("TargetValue").GetDouble());
        var requests = policies["ALBRequestCountPerTarget"];
        Assert.Equal(500, requests.GetProperty("TargetValue").GetDouble());

        // app/<alb name>/<alb id>/targetgroup/<tg name>/<tg id>: the ARNs' resource parts after "loadbalancer/" and ":".
        var label = $"{expected.Network.LoadBalancerArn.Split(":loadbalancer/")[1]}/{targetGroup.GetProperty("TargetGroupArn").GetString()!.Split(':')[^1]}";
        Assert.Equal(label, requests.GetProperty("PredefinedMetricSpecification").GetProperty("ResourceLabel").GetString());
        Assert.All(policies.Values, config => Assert.Equal((60, 60), (config.GetProperty("ScaleInCooldown").GetInt32(), config.GetProperty("ScaleOutCooldown").GetInt32())));
    }

    private static string PolicyText(JsonElement role) =>
        string.Join('\n', role.GetProperty("inlinePolicies").EnumerateObject().Select(policy => policy.Value.GetRawText()));

    private static string RoleArn(string name) => $"arn:aws:iam::{MotoServer.Account}:role/fargate-api/{name}";
}
