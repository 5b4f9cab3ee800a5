using System.Text.Json;

namespace FargateApi.Simulation.Authorization;

/// <summary>
/// A role's trust policy as the service assuming it sees it: may a service principal call sts:AssumeRole on it,
/// with the request context the service sets? ECS sets aws:SourceAccount (and aws:SourceArn) to the account of the task
/// it launches, which is what the ECS guide's confused-deputy trust condition compares (ECS Developer Guide, "Amazon ECS task
/// IAM role", https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html). Evaluation as for any policy:
/// an explicit Deny wins, then an Allow whose principal, action and conditions all match (IAM User Guide, "Policy evaluation
/// logic"). Only Principal.Service is read: no AWS account or federated principal assumes the provider's roles here.
/// </summary>
internal static class TrustPolicy
{
    public const string AssumeRole = "sts:AssumeRole";

    public static bool Allows(string? document, string servicePrincipal, string roleArn, IReadOnlyDictionary<string, IReadOnlyList<string>> context)
    {
        if (string.IsNullOrEmpty(document))
        {
            return false;
        }

        using var json = JsonDocument.Parse(document);
        if (!json.RootElement.TryGetProperty("Statement", out var statements))
        {
            return false;
        }

        var request = new AccessRequest(AssumeRole, roleArn, context);
        var allowed = false;
        foreach (var statement in OneOrMany(statements))
        {
            if (!NamesService(statement, servicePrincipal) || !Strings(statement, "Action").Any(action => WildcardPattern.Matches(action, AssumeRole, StringComparison.OrdinalIgnoreCase))
                || !Conditions(statement).All(condition => condition.IsSatisfiedBy(request)))
            {
                continue;
            }

            if (statement.TryGetProperty("Effect", out var effect) && effect.GetString() == "Deny")
            {
                return false;
            }

            allowed = true;
        }

        return allowed;
    }

    private static bool NamesService(JsonElement statement, string servicePrincipal) =>
        statement.TryGetProperty("Principal", out var principal)
        && principal.ValueKind == JsonValueKind.Object
        && principal.TryGetProperty("Service", out var service)
        && OneOrMany(service).Any(name => name.GetString() == servicePrincipal);

    private static IEnumerable<IamCondition> Conditions(JsonElement statement)
    {
        if (!statement.TryGetProperty("Condition", out var condition))
        {
            yield break;
        }

        foreach (var block in condition.EnumerateObject())
        {
            foreach (var key in block.Value.EnumerateObject())
            {
                yield return new IamCondition(block.Name, key.Name, [.. OneOrMany(key.Value).Select(value => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText())]);
            }
        }
    }

    private static IEnumerable<string> Strings(JsonElement statement, string name) =>
        statement.TryGetProperty(name, out var value) ? OneOrMany(value).Select(item => item.GetString() ?? string.Empty) : [];

    private static IEnumerable<JsonElement> OneOrMany(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().ToList() : [element];
}
