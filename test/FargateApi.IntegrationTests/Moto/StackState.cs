using System.Text.Json;

namespace FargateApi.IntegrationTests.Moto;

/// <summary>
/// What moto holds of one stack, read independently of the provider: <c>Scripts/inspect_stack.py</c> asks with boto3
/// for everything in the seeded network that carries our names or our ownership tags, and prints it as JSON.
/// </summary>
public sealed class StackState(JsonElement root)
{
    public const string StackIdTag = "fargate-api:stack-id";

    public JsonElement Root { get; } = root;

    public static StackState Read(MotoServer moto, SeededNetwork network, string stackId)
    {
        var state = new StackState(JsonDocument.Parse(PythonScripts.Run(
            "inspect_stack.py",
            "--endpoint", moto.Endpoint,
            "--stack-id", stackId,
            "--cluster", network.ClusterName,
            "--listener-arn", network.ListenerArn,
            "--vpc-id", network.VpcId,
            "--name-prefix", $"{network.Prefix}-api",
            "--log-group", $"/ecs/{network.Prefix}/api")).RootElement.Clone());
        var errors = state.All("errors");
        Assert.True(errors.Count == 0, $"inspect_stack.py could not read everything: {string.Join("; ", errors)}");
        return state;
    }

    /// <summary>Names/ids/ARNs of what carries our stack's ownership tag, per kind (services: ACTIVE ones only).</summary>
    public IReadOnlyList<string> Ours(string kind) => [.. Root.GetProperty("ours").GetProperty(kind).EnumerateArray().Select(item => item.GetString()!)];

    public IReadOnlyList<JsonElement> All(string kind) => [.. Root.GetProperty(kind).EnumerateArray()];

    public JsonElement ActiveService(string name) => Single("services", "serviceName", name, service => service.GetProperty("status").GetString() == "ACTIVE");

    public JsonElement TaskDefinition(string arn) => Single("taskDefinitions", "taskDefinitionArn", arn);

    public JsonElement Role(string name) => Single("roles", "RoleName", name);

    public JsonElement SecurityGroup(string name) => Single("securityGroups", "GroupName", name);

    public JsonElement TargetGroup(string name) => Single("targetGroups", "TargetGroupName", name);

    public JsonElement LogGroup(string name) => Single("logGroups", "logGroupName", name);

    public JsonElement Rule(string arn) => Single("rules", "RuleArn", arn);

    public IReadOnlyList<JsonElement> ScalableTargets(string resourceId) =>
        [.. All("scalableTargets").Where(target => target.GetProperty("ResourceId").GetString() == resourceId)];

    public IReadOnlyList<JsonElement> ScalingPolicies(string resourceId) =>
        [.. All("scalingPolicies").Where(policy => policy.GetProperty("ResourceId").GetString() == resourceId)];

    public static IReadOnlyDictionary<string, string> Tags(JsonElement resource) =>
        resource.GetProperty("tagMap").EnumerateObject().ToDictionary(tag => tag.Name, tag => tag.Value.GetString()!);

    private JsonElement Single(string kind, string key, string value, Func<JsonElement, bool>? also = null)
    {
        var matches = All(kind).Where(item => item.GetProperty(key).GetString() == value && (also?.Invoke(item) ?? true)).ToList();
        Assert.True(matches.Count == 1, $"Expected exactly one of {kind} with {key} {value}, found {matches.Count}. In moto: {string.Join(", ", All(kind).Select(item => item.GetProperty(key).GetString()))}");
        return matches[0];
    }
}
