using System.Text.Json.Nodes;

namespace FargateApi.IntegrationTests.Moto;

/// <summary>The events CloudFormation sends a <c>Custom::FargateApi</c> resource, as the docs describe them
/// (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/crpg-ref-requests.html). ResponseURL is filled in on sending.</summary>
public static class CloudFormationEvents
{
    public const string LogicalResourceId = "ApiService";
    public const string ServiceToken = $"arn:aws:lambda:{MotoServer.Region}:{MotoServer.Account}:function:fargate-api-provider";

    public static string StackId(string stackName) =>
        $"arn:aws:cloudformation:{MotoServer.Region}:{MotoServer.Account}:stack/{stackName}/5b2c8f10-1111-2222-3333-444455556666";

    public static JsonObject Create(string stackId, JsonObject properties) => Event("Create", stackId, properties);

    public static JsonObject Update(string stackId, string physicalResourceId, JsonObject properties, JsonObject oldProperties)
    {
        var update = Event("Update", stackId, properties);
        update["PhysicalResourceId"] = physicalResourceId;
        update["OldResourceProperties"] = oldProperties.DeepClone();
        return update;
    }

    public static JsonObject Delete(string stackId, string physicalResourceId, JsonObject properties)
    {
        var delete = Event("Delete", stackId, properties);
        delete["PhysicalResourceId"] = physicalResourceId;
        return delete;
    }

    /// <summary>
    /// Every section of the properties set, so that every resource has values of ours to check. CloudFormation passes
    /// template numbers and booleans as strings. <c>WaitForSteadyState</c> is false: moto reports a fixed number of running
    /// tasks (<see cref="DesiredCount"/>) but never a rollout, health check or task failure, so the waits are covered by
    /// the simulation's tests; a replacement still waits for healthy targets before it moves traffic.
    /// </summary>
    public static JsonObject Properties(string prefix) => new()
    {
        ["ServiceToken"] = ServiceToken,
        ["ProjectPrefix"] = prefix,
        ["Environment"] = "test",
        ["ServiceName"] = "api",
        ["Cpu"] = "256",
        ["Memory"] = "512",
        ["ImageRepository"] = $"{prefix}/api",
        ["ImageTag"] = "1.0.0",
        ["ContainerPort"] = "8000",
        ["EnvironmentVariables"] = new JsonObject { ["MODE"] = "test" },
        ["Secrets"] = new JsonObject { ["DB_PASSWORD"] = SecretArn(prefix) },
        ["HealthCheck"] = new JsonObject { ["Command"] = new JsonArray("CMD-SHELL", "curl -f http://localhost:8000/health || exit 1") },
        ["LogRetentionDays"] = "14",
        ["DesiredCount"] = DesiredCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Deployment"] = new JsonObject { ["MinimumHealthyPercent"] = "50", ["MaximumPercent"] = "200", ["HealthCheckGracePeriodSeconds"] = "45" },
        ["EnableExecuteCommand"] = "true",
        ["TargetHealthCheck"] = new JsonObject { ["Path"] = "/health", ["IntervalSeconds"] = "20", ["HealthyHttpCodes"] = "200-299" },
        ["DeregistrationDelaySeconds"] = "15",
        ["PathPatterns"] = new JsonArray("/api/*"),
        ["Priority"] = "10",
        ["AutoScaling"] = new JsonObject { ["MinCapacity"] = "1", ["MaxCapacity"] = "4", ["RequestsPerTarget"] = "500" },
        ["Grants"] = new JsonObject { ["DynamoDbTables"] = new JsonArray($"{prefix}-items"), ["S3Buckets"] = new JsonArray($"{prefix}-files") },
        ["Tags"] = new JsonObject { ["team"] = "platform" },
        ["WaitForSteadyState"] = "false",
    };

    public const int DesiredCount = 2;

    public static string SecretArn(string prefix) => $"arn:aws:secretsmanager:{MotoServer.Region}:{MotoServer.Account}:secret:{prefix}/db-AbCdEf";

    /// <summary>A copy with some properties replaced (sections replaced whole, as a template edit would).</summary>
    public static JsonObject With(JsonObject properties, params (string Name, JsonNode Value)[] changes)
    {
        var changed = (JsonObject)properties.DeepClone();
        foreach (var (name, value) in changes)
        {
            changed[name] = value;
        }

        return changed;
    }

    private static JsonObject Event(string requestType, string stackId, JsonObject properties) => new()
    {
        ["RequestType"] = requestType,
        ["ServiceToken"] = ServiceToken,
        ["StackId"] = stackId,
        ["RequestId"] = Guid.NewGuid().ToString(),
        ["LogicalResourceId"] = LogicalResourceId,
        ["ResourceType"] = "Custom::FargateApi",
        ["ResourceProperties"] = properties.DeepClone(),
    };
}
