using System.Text.Json;
using System.Text.Json.Nodes;
using FargateApi.Properties;

namespace FargateApi.Tests.Properties;

/// <summary>Property objects to read: the seed's stack as CloudFormation would send it (all strings), and the minimum.</summary>
internal static class PropertyFixtures
{
    /// <summary>shared/seed/ecs-fargate-patterns.md as one resource; CloudFormation stringifies every number and boolean.</summary>
    public const string SeedJson = """
        {
          "ServiceToken": "arn:aws:lambda:us-east-1:123456789012:function:fargate-api",
          "ProjectPrefix": "myproj",
          "Environment": "dev",
          "ServiceName": "app-api",
          "Cpu": "512",
          "Memory": "1024",
          "ImageTag": "latest",
          "ContainerPort": "8000",
          "EnvironmentVariables": {
            "PROJECT_PREFIX": "myproj",
            "AWS_REGION": "us-east-1",
            "DYNAMODB_USER_QUOTAS_TABLE": "myproj-user-quotas",
            "DYNAMODB_QUOTA_EVENTS_TABLE": "myproj-quota-events",
            "DYNAMODB_SESSIONS_METADATA_TABLE": "myproj-sessions-metadata",
            "S3_USER_FILES_BUCKET": "myproj-user-files",
            "INFERENCE_API_URL": "http://inference-api.myproj.local:8001"
          },
          "HealthCheck": {
            "Command": ["CMD-SHELL", "curl -f http://localhost:8000/health || exit 1"],
            "IntervalSeconds": "30",
            "TimeoutSeconds": "5",
            "Retries": "3",
            "StartPeriodSeconds": "60"
          },
          "LogRetentionDays": "7",
          "LogRemovalPolicy": "Destroy",
          "DesiredCount": "1",
          "Deployment": {
            "MinimumHealthyPercent": "100",
            "MaximumPercent": "200",
            "CircuitBreakerRollback": "true",
            "HealthCheckGracePeriodSeconds": "60"
          },
          "EnableExecuteCommand": "true",
          "TargetHealthCheck": {
            "Path": "/health",
            "IntervalSeconds": "30",
            "TimeoutSeconds": "5",
            "HealthyThresholdCount": "2",
            "UnhealthyThresholdCount": "3",
            "HealthyHttpCodes": "200"
          },
          "DeregistrationDelaySeconds": "30",
          "PathPatterns": ["/api/*"],
          "Priority": "1",
          "AutoScaling": {
            "MinCapacity": "1",
            "MaxCapacity": "4",
            "CpuTargetPercent": "70",
            "MemoryTargetPercent": "80",
            "RequestsPerTarget": "1000",
            "ScaleInCooldownSeconds": "60",
            "ScaleOutCooldownSeconds": "60"
          },
          "Grants": {
            "DynamoDbTables": ["myproj-user-quotas", "myproj-quota-events", "myproj-sessions-metadata"],
            "S3Buckets": ["myproj-user-files"],
            "SecretArns": ["arn:aws:secretsmanager:us-east-1:123456789012:secret:myproj/app-api-AbCdEf"]
          },
          "Tags": { "Team": "platform" },
          "WaitForSteadyState": "true",
          "ServiceTimeout": "3600"
        }
        """;

    public static JsonObject Seed() => JsonNode.Parse(SeedJson)!.AsObject();

    public static JsonObject Minimal() => new()
    {
        ["ProjectPrefix"] = "myproj",
        ["ServiceName"] = "app-api",
        ["Priority"] = "1",
    };

    public static PropertiesResult Read(JsonNode node) => Read(node.ToJsonString());

    public static PropertiesResult Read(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 512 });
        return PropertiesReader.Read(document.RootElement);
    }

    /// <summary>Sets a dotted path ("AutoScaling.MaxCapacity"), creating objects on the way; a null value removes the member.</summary>
    public static JsonObject With(this JsonObject node, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var target = node;
        foreach (var part in parts[..^1])
        {
            if (target[part] is not JsonObject child)
            {
                child = [];
                target[part] = child;
            }

            target = child;
        }

        if (value is null)
        {
            target.Remove(parts[^1]);
        }
        else
        {
            target[parts[^1]] = value;
        }

        return node;
    }

    /// <summary>The seed with changes "Path=JSON", several separated by " &amp; "; a JSON null removes the member.</summary>
    public static JsonObject Changed(string changes)
    {
        var node = Seed();
        foreach (var change in changes.Split(" & "))
        {
            var equals = change.IndexOf('=', StringComparison.Ordinal);
            node.WithJson(change[..equals], change[(equals + 1)..]);
        }

        return node;
    }

    public static JsonObject WithJson(this JsonObject node, string path, string valueJson) => node.With(path, JsonNode.Parse(valueJson));

    public static ServiceProperties Valid(PropertiesResult result)
    {
        Assert.True(result.IsValid, result.Describe());
        return result.Properties!;
    }

    /// <summary>The problem at <paramref name="property"/> whose message contains <paramref name="fragment"/>; fails showing every problem.</summary>
    public static PropertyProblem Problem(PropertiesResult result, string property, string fragment)
    {
        Assert.False(result.IsValid, "expected a problem at " + property + ", but the properties are valid");
        var found = result.Problems.FirstOrDefault(p => p.Property == property && p.Message.Contains(fragment, StringComparison.Ordinal));
        Assert.True(found is not null, $"expected a problem at {property} containing \"{fragment}\"; got: {result.Describe()}");
        Assert.Null(result.Properties);
        return found!;
    }
}
