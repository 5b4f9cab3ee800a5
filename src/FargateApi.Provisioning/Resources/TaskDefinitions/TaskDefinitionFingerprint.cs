using System.Text.Json;
using System.Text.Json.Nodes;
using FargateApi.Aws.Services.Ecs;

namespace FargateApi.Provisioning.Resources.TaskDefinitions;

/// <summary>
/// Whether a registered revision already is what a request would register: every member of the request's shape
/// (RegisterTaskDefinition's, as our models spell it) is compared, except the family (the same by construction) and the
/// tags (compared apart, since they change without a new revision). Both sides go through the same source-generated JSON,
/// so a member added to the request shape is compared from then on. Members ECS adds on its own (hostPort, defaults) are not
/// in our shapes, so they drop out when AWS's answer is read; lists of named entries (environment, secrets) compare by name,
/// since ECS does not promise their order.
/// </summary>
internal static class TaskDefinitionFingerprint
{
    /// <summary>The request members that are not part of a revision's content.</summary>
    private static readonly HashSet<string> NotContent = new(StringComparer.Ordinal) { "family", "tags" };

    public static string Of(RegisterTaskDefinitionRequest request) =>
        Canonical(JsonSerializer.SerializeToNode(request, EcsJsonContext.Default.RegisterTaskDefinitionRequest)!.AsObject());

    public static string Of(TaskDefinition registered) =>
        Canonical(JsonSerializer.SerializeToNode(registered, EcsJsonContext.Default.TaskDefinition)!.AsObject());

    /// <summary>The request shape's members, in a fixed order, with their canonical values; absent members are null.</summary>
    private static string Canonical(JsonObject node)
    {
        var content = new JsonObject();
        foreach (var member in ContentMembers)
        {
            content[member] = node.TryGetPropertyValue(member, out var value) ? Normalized(value) : null;
        }

        return content.ToJsonString();
    }

    private static IEnumerable<string> ContentMembers =>
        EcsJsonContext.Default.RegisterTaskDefinitionRequest.Properties
            .Select(property => property.Name)
            .Where(name => !NotContent.Contains(name))
            .Order(StringComparer.Ordinal);

    /// <summary>Objects with their members sorted; lists of objects that carry a "name" sorted by it.</summary>
    private static JsonNode? Normalized(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.OrderBy(member => member.Key, StringComparer.Ordinal)
            .Select(member => KeyValuePair.Create(member.Key, Normalized(member.Value)))),
        JsonArray array => new JsonArray([.. array
            .Select(Normalized)
            .OrderBy(item => item is JsonObject named && named["name"] is JsonValue name ? name.ToJsonString() : string.Empty, StringComparer.Ordinal)]),
        JsonValue value => value.DeepClone(),
        _ => null,
    };
}
