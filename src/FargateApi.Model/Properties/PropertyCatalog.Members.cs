using L = FargateApi.Properties.PropertyLimits;
using P = FargateApi.Properties.PropertyPatterns;

namespace FargateApi.Properties;

/// <summary>The nested objects of the catalog; each member is a field of its own static class so readers name it directly.</summary>
internal static partial class PropertyCatalog
{
    public static class HealthCheckMembers
    {
        public static PropertyDefinition Command { get; } = new()
        {
            Name = "Command",
            Type = PropertyType.StringList,
            Description = "Container health check command; the first item is CMD or CMD-SHELL (botocore model ecs HealthCheck.command).",
            MinItems = 2,
            MaxItems = 64,
            MinLength = 1,
            MaxLength = L.MaxEnvironmentValueLength,
            DefaultText = "[\"CMD-SHELL\", \"curl -f http://localhost:{ContainerPort}/health || exit 1\"]",
            AllowedText = "a list starting with \"CMD\" or \"CMD-SHELL\" and at least one more item",
        };

        public static PropertyDefinition IntervalSeconds { get; } = Integer("IntervalSeconds", "Seconds between container health checks.", L.MinContainerHealthInterval, L.MaxContainerHealthInterval, 30);

        public static PropertyDefinition TimeoutSeconds { get; } = Integer("TimeoutSeconds", "Seconds one check may take.", L.MinContainerHealthTimeout, L.MaxContainerHealthTimeout, 5);

        public static PropertyDefinition Retries { get; } = Integer("Retries", "Failed checks before the container is unhealthy.", L.MinContainerHealthRetries, L.MaxContainerHealthRetries, 3);

        public static PropertyDefinition StartPeriodSeconds { get; } = Integer("StartPeriodSeconds", "Seconds of start-up during which failures do not count.", 0, L.MaxContainerHealthStartPeriod, 60);
    }

    public static PropertyDefinition HealthCheck { get; } = Object("HealthCheck", "Container health check (ECS).",
        [HealthCheckMembers.Command, HealthCheckMembers.IntervalSeconds, HealthCheckMembers.TimeoutSeconds, HealthCheckMembers.Retries, HealthCheckMembers.StartPeriodSeconds]);

    public static class NetworkMembers
    {
        public static PropertyDefinition ParameterPrefix { get; } = Text("ParameterPrefix", "SSM path under which missing ids are read: vpc-id, private-subnet-ids, ecs-cluster-name, alb-listener-arn, alb-security-group-id.", P.ParameterPrefix, P.ParameterPrefixText, L.MaxParameterPrefixLength) with
        {
            DefaultText = "/{ProjectPrefix}/network",
        };

        public static PropertyDefinition VpcId { get; } = Text("VpcId", "VPC of the target group and security group.", P.VpcId, P.VpcIdText, 21) with
        {
            DefaultText = "SSM {ParameterPrefix}/vpc-id",
            Update = UpdateBehavior.Replacement,
            ReplacementReason = "security groups and target groups belong to one VPC",
        };

        public static PropertyDefinition SubnetIds { get; } = List("SubnetIds", "Private subnets of the tasks (no public IP).", P.SubnetId, P.SubnetIdText, 24, L.MaxSubnets) with
        {
            MinItems = 1,
            DefaultText = "SSM {ParameterPrefix}/private-subnet-ids",
        };

        public static PropertyDefinition ClusterName { get; } = Text("ClusterName", "ECS cluster of the service.", P.ClusterName, P.ClusterNameText, L.MaxClusterNameLength) with
        {
            MinLength = 1,
            DefaultText = "SSM {ParameterPrefix}/ecs-cluster-name",
            Update = UpdateBehavior.Replacement,
            ReplacementReason = "an ECS service cannot move to another cluster",
        };

        public static PropertyDefinition ListenerArn { get; } = Text("ListenerArn", "ALB listener that gets the rule.", P.ListenerArn, P.ListenerArnText, L.MaxArnLength) with
        {
            DefaultText = "SSM {ParameterPrefix}/alb-listener-arn",
            Update = UpdateBehavior.Replacement,
            ReplacementReason = "a listener rule belongs to one listener",
        };

        public static PropertyDefinition LoadBalancerSecurityGroupId { get; } = Text("LoadBalancerSecurityGroupId", "Security group of the ALB; the only source the tasks admit.", P.SecurityGroupId, P.SecurityGroupIdText, 20) with
        {
            DefaultText = "SSM {ParameterPrefix}/alb-security-group-id",
        };
    }

    public static PropertyDefinition Network { get; } = Object("Network", "Where the service runs; each id not given is read from SSM.",
        [NetworkMembers.ParameterPrefix, NetworkMembers.VpcId, NetworkMembers.SubnetIds, NetworkMembers.ClusterName, NetworkMembers.ListenerArn, NetworkMembers.LoadBalancerSecurityGroupId]);

    public static class DeploymentMembers
    {
        public static PropertyDefinition MinimumHealthyPercent { get; } = Integer("MinimumHealthyPercent", "Lower limit of running tasks during a deployment, % of DesiredCount.", 0, L.MaxMinimumHealthyPercent, 100);

        public static PropertyDefinition MaximumPercent { get; } = Integer("MaximumPercent", "Upper limit of running tasks during a deployment, % of DesiredCount; above MinimumHealthyPercent.", L.MinMaximumPercent, L.MaxMaximumPercent, 200);

        public static PropertyDefinition CircuitBreakerRollback { get; } = Boolean("CircuitBreakerRollback", "Deployment circuit breaker rolls back a failed deployment.", true);

        public static PropertyDefinition HealthCheckGracePeriodSeconds { get; } = Integer("HealthCheckGracePeriodSeconds", "Seconds ECS ignores failing health checks of a new task.", 0, L.MaxHealthCheckGracePeriod, 60);
    }

    public static PropertyDefinition Deployment { get; } = Object("Deployment", "Rolling deployment settings of the service.",
        [DeploymentMembers.MinimumHealthyPercent, DeploymentMembers.MaximumPercent, DeploymentMembers.CircuitBreakerRollback, DeploymentMembers.HealthCheckGracePeriodSeconds]);

    public static class TargetHealthCheckMembers
    {
        public static PropertyDefinition Path { get; } = Text("Path", "Path the load balancer checks.", P.HealthCheckPath, P.HealthCheckPathText, L.MaxHealthCheckPathLength) with
        {
            DefaultString = "/health",
        };

        public static PropertyDefinition IntervalSeconds { get; } = Integer("IntervalSeconds", "Seconds between target health checks.", L.MinTargetHealthInterval, L.MaxTargetHealthInterval, 30);

        public static PropertyDefinition TimeoutSeconds { get; } = Integer("TimeoutSeconds", "Seconds one check may take; less than IntervalSeconds.", L.MinTargetHealthTimeout, L.MaxTargetHealthTimeout, 5);

        public static PropertyDefinition HealthyThresholdCount { get; } = Integer("HealthyThresholdCount", "Consecutive successes before a target is healthy.", L.MinThresholdCount, L.MaxThresholdCount, 2);

        public static PropertyDefinition UnhealthyThresholdCount { get; } = Integer("UnhealthyThresholdCount", "Consecutive failures before a target is unhealthy.", L.MinThresholdCount, L.MaxThresholdCount, 3);

        public static PropertyDefinition HealthyHttpCodes { get; } = Text("HealthyHttpCodes", "HTTP codes that mean healthy.", P.HttpCodes, P.HttpCodesText, 256) with
        {
            DefaultString = "200",
        };
    }

    public static PropertyDefinition TargetHealthCheck { get; } = Object("TargetHealthCheck", "Health check of the ALB target group.",
        [TargetHealthCheckMembers.Path, TargetHealthCheckMembers.IntervalSeconds, TargetHealthCheckMembers.TimeoutSeconds, TargetHealthCheckMembers.HealthyThresholdCount, TargetHealthCheckMembers.UnhealthyThresholdCount, TargetHealthCheckMembers.HealthyHttpCodes]);

    public static class AutoScalingMembers
    {
        public static PropertyDefinition MinCapacity { get; } = Integer("MinCapacity", "Fewest tasks; at most DesiredCount.", 0, int.MaxValue, null) with { DefaultText = "DesiredCount" };

        public static PropertyDefinition MaxCapacity { get; } = Integer("MaxCapacity", "Most tasks; at least DesiredCount and 1.", 1, int.MaxValue, null) with { DefaultText = "DesiredCount × 4 (at least 1)" };

        public static PropertyDefinition CpuTargetPercent { get; } = Integer("CpuTargetPercent", "Target average CPU utilisation.", L.MinTargetPercent, L.MaxTargetPercent, 70);

        public static PropertyDefinition MemoryTargetPercent { get; } = Integer("MemoryTargetPercent", "Target average memory utilisation.", L.MinTargetPercent, L.MaxTargetPercent, 80);

        public static PropertyDefinition RequestsPerTarget { get; } = Integer("RequestsPerTarget", "Target ALB requests per task (ALBRequestCountPerTarget).", 1, int.MaxValue, 1000);

        public static PropertyDefinition ScaleInCooldownSeconds { get; } = Integer("ScaleInCooldownSeconds", "Seconds between scale-in activities.", 0, int.MaxValue, 60);

        public static PropertyDefinition ScaleOutCooldownSeconds { get; } = Integer("ScaleOutCooldownSeconds", "Seconds between scale-out activities.", 0, int.MaxValue, 60);
    }

    public static PropertyDefinition AutoScaling { get; } = Object("AutoScaling", "Target tracking on CPU, memory and requests; absent means no scaling, {} means all defaults.",
        [AutoScalingMembers.MinCapacity, AutoScalingMembers.MaxCapacity, AutoScalingMembers.CpuTargetPercent, AutoScalingMembers.MemoryTargetPercent, AutoScalingMembers.RequestsPerTarget, AutoScalingMembers.ScaleInCooldownSeconds, AutoScalingMembers.ScaleOutCooldownSeconds]) with
    {
        DefaultText = "none (no scaling)",
    };

    public static class GrantsMembers
    {
        public static PropertyDefinition DynamoDbTables { get; } = List("DynamoDbTables", "Tables the task role may read and write (items, queries, scans).", P.DynamoDbTable, P.DynamoDbTableText, L.MaxArnLength, L.MaxGrantsPerList) with { DefaultList = [] };

        public static PropertyDefinition S3Buckets { get; } = List("S3Buckets", "Buckets whose objects the task role may read and write.", P.S3Bucket, P.S3BucketText, L.MaxArnLength, L.MaxGrantsPerList) with { DefaultList = [] };

        public static PropertyDefinition SecretArns { get; } = List("SecretArns", "Secrets the task role may read at run time; an ARN without its 6-character suffix is granted as <name>-??????.", P.SecretArn, P.SecretArnText, L.MaxArnLength, L.MaxGrantsPerList) with { DefaultList = [] };
    }

    public static PropertyDefinition Grants { get; } = Object("Grants", "What the task role may access; the provider writes the policy.",
        [GrantsMembers.DynamoDbTables, GrantsMembers.S3Buckets, GrantsMembers.SecretArns]) with
    {
        DefaultText = "none",
    };

    private static PropertyDefinition Object(string name, string description, IReadOnlyList<PropertyDefinition> members) => new()
    {
        Name = name,
        Type = PropertyType.Object,
        Description = description,
        Members = members,
    };
}
