using System.Text.Json;

namespace FargateApi.Simulation.Authorization;

/// <summary>
/// The identity-based policies of the simulated caller (the provider's role), as one list of statements, and IAM's
/// evaluation of them within one account: an explicit Deny wins, then any Allow, else the implicit deny (IAM User Guide,
/// "Policy evaluation logic"). No permissions boundary, session policy or SCP applies to the provider's own role; a role
/// with a boundary is evaluated by <see cref="EffectivePermissions"/>. Policy variables are resolved from the request's
/// context (<see cref="PolicyVariables"/>).
/// </summary>
public sealed class IamPolicy
{
    private IamPolicy(IReadOnlyList<IamStatement> statements) => Statements = statements;

    public IReadOnlyList<IamStatement> Statements { get; }

    /// <summary>Reads IAM JSON policy documents (<c>{"Version": …, "Statement": [...]}</c>), every statement of each.</summary>
    /// <exception cref="FormatException">A document that is not a policy, or uses an element the evaluator cannot honour.</exception>
    public static IamPolicy Parse(params string[] documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var statements = new List<IamStatement>();
        foreach (var text in documents)
        {
            using var document = JsonDocument.Parse(text);
            if (!document.RootElement.TryGetProperty("Statement", out var statementElement))
            {
                throw new FormatException("A policy document needs a Statement element.");
            }

            foreach (var statement in OneOrMany(statementElement))
            {
                statements.Add(ReadStatement(statement));
            }
        }

        return new IamPolicy(statements);
    }

    public AccessDecision Evaluate(AccessRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        IamStatement? allow = null;
        foreach (var statement in Statements.Where(statement => statement.AppliesTo(request)))
        {
            if (!statement.IsAllow)
            {
                return new AccessDecision(AccessEffect.ExplicitlyDenied, statement);
            }

            allow ??= statement;
        }

        return allow is null ? new AccessDecision(AccessEffect.ImplicitlyDenied, null) : new AccessDecision(AccessEffect.Allowed, allow);
    }

    private static IamStatement ReadStatement(JsonElement statement)
    {
        if (statement.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("Each Statement entry must be an object.");
        }

        var sid = statement.TryGetProperty("Sid", out var sidElement) ? sidElement.GetString() : null;
        var where = sid is null ? "a statement" : $"statement {sid}";
        if (statement.TryGetProperty("Principal", out _) || statement.TryGetProperty("NotPrincipal", out _))
        {
            throw new FormatException($"{where} has a Principal: identity-based policies have none.");
        }

        var effect = Text(statement, "Effect", where);
        if (effect is not ("Allow" or "Deny"))
        {
            throw new FormatException($"{where}: Effect must be Allow or Deny, not '{effect}'.");
        }

        var actions = Strings(statement, "Action", where);
        var notActions = Strings(statement, "NotAction", where);
        var resources = Strings(statement, "Resource", where);
        var notResources = Strings(statement, "NotResource", where);
        if ((actions.Count == 0) == (notActions.Count == 0) || (resources.Count == 0) == (notResources.Count == 0))
        {
            throw new FormatException($"{where} needs exactly one of Action/NotAction and one of Resource/NotResource.");
        }

        // IAM User Guide, "Where you can use policy variables": in Resource and in condition values, not in Action.
        if (actions.Concat(notActions).Any(PolicyVariables.Uses))
        {
            throw new FormatException($"{where} has a policy variable (${{…}}) in Action/NotAction; IAM allows them only in Resource and Condition values.");
        }

        foreach (var resource in resources.Concat(notResources))
        {
            PolicyVariables.ValidateResource(resource, where);
        }

        var conditions = new List<IamCondition>();
        if (statement.TryGetProperty("Condition", out var conditionElement))
        {
            foreach (var block in conditionElement.EnumerateObject())
            {
                foreach (var key in block.Value.EnumerateObject())
                {
                    conditions.Add(new IamCondition(block.Name, key.Name, [.. OneOrMany(key.Value).Select(ScalarText)], where));
                }
            }
        }

        return new IamStatement(sid, effect == "Allow", actions, notActions, resources, notResources, conditions);
    }

    private static string Text(JsonElement element, string name, string where) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"{where} needs a string {name}.");

    private static List<string> Strings(JsonElement element, string name, string where)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return [];
        }

        var items = OneOrMany(value).ToList();
        return items.All(item => item.ValueKind == JsonValueKind.String)
            ? [.. items.Select(item => item.GetString()!)]
            : throw new FormatException($"{where}: {name} must be a string or a list of strings.");
    }

    /// <summary>Condition values may be strings, numbers or booleans ("Bool": {"aws:SecureTransport": true}).</summary>
    private static string ScalarText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetRawText(),
        _ => throw new FormatException($"A condition value must be a string, number or boolean, not {value.ValueKind}."),
    };

    private static IEnumerable<JsonElement> OneOrMany(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray().ToList() : [element];
}
